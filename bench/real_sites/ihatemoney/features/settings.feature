Feature: Keep the project's settings right
  As the person who set up the project
  I want to change its contact e-mail
  So that reminders reach me

  Background:
    Given I am a returning team member
    And I open the "sign-in" page
    When I enter "riverside-house" in "Project identifier"
    And I enter my password in "Private code"
    And I press "submit"
    And I open the "settings" page

  @journey:settings-email
  Scenario: A hurried organiser mistypes the new e-mail address
    When I fill in "Email" with "alex.example.com"
    And I enter my password in "Current private code"
    And I press "Save changes"
    Then I should see "Invalid email address"
    And nothing I said should be lost

  @journey:settings
  Scenario: An organiser changes the contact e-mail
    When I fill in "Email" with "alex.morgan@example.com"
    And I enter my password in "Current private code"
    And I press "Save changes"
    Then I should see "changed successfully"
    And every message should be kind
