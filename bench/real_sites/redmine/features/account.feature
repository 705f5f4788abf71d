Feature: Look after my volunteer account
  As a garden volunteer
  I want to change my settings and my password
  So that my account stays mine

  @journey:my-account
  Scenario: A returning volunteer hides their e-mail address
    Given I am a returning team member
    And I open the "sign-in" page
    When I sign in with my username
    And I open the "my-account" page
    And I tick "Hide my email address"
    And I press "Save"
    Then I should see "Account was successfully updated"
    And I should know what happens next
    And every message should be kind

  @journey:change-password-wrong
  Scenario: A returning volunteer mistypes the current password
    Given I am a returning team member
    And I open the "sign-in" page
    When I sign in with my username
    And I open the "change-password" page
    And I fill in "Password" with "not-my-password"
    And I fill in "New password" with "Garden-Hose-42"
    And I fill in "Confirmation" with "Garden-Hose-42"
    And I press "Apply"
    Then I should see an error
    And every message should be kind
    And nothing I said should be lost
