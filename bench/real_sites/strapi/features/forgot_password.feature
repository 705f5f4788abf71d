Feature: Get back into the admin after forgetting the password
  As an editor who cannot remember the password
  I want a new one by e-mail
  So that I can sign in again

  @journey:forgot-password
  Scenario: A returning editor asks for a password reset
    Given I am a returning team member
    And I open the "sign-in" page
    When I press "Forgot your password?"
    And I fill in "Email" with my email address
    And I press "Send Email"
    Then I should see "Email sent"
    And I should know what happens next
    And every message should be kind

  @journey:forgot-password-unknown
  Scenario: A hurried person asks for a reset for an address with no account
    Given I am a hurried customer
    And I open the "forgot-password" page
    When I fill in "Email" with my email address
    And I press "Send Email"
    Then I should see "Email sent"
    And every message should be kind
