Feature: Change my password
  As a singer with an account
  I want to change my password
  So that my account stays mine

  @journey:change-password-wrong
  Scenario: A returning singer mistypes the current password
    Given I am a returning team member
    And I am signed in
    And I open the "change-password" page
    When I fill in "Current Password" with "not-my-password"
    And I fill in "New Password" with "New-Kettle-55"
    And I fill in "New Password (again)" with "New-Kettle-55"
    And I press the "Change Password" button
    Then I should see "current password"
    And every message should be kind
    And nothing I said should be lost
    And I should be reassured while I wait
