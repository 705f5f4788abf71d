Feature: Look after my account
  As a neighbour with an account
  I want to change my password and how my name shows
  So that my account stays mine and my edits carry my name

  @journey:change-password
  Scenario: A returning neighbour mistypes the current password when changing it
    Given I am a returning team member
    And I am signed in
    And I open the "settings" page
    When I press "Change Password"
    And I fill in "Current Password" with "not-my-password"
    And I fill in "New password" with "New-Kettle-55"
    And I fill in "New password (repeat)" with "New-Kettle-55"
    And I press the "Change password" button
    Then I should see "The current password was wrong"
    And I should be reassured while I wait
    And every message should be kind

  @journey:profile
  Scenario: A returning neighbour changes the name shown on their edits
    Given I am a returning team member
    And I am signed in
    And I open the "settings" page
    When I press "Personal"
    And I fill in "Display-Name" with "Alex M."
    And I press the "Save" button
    Then I should see "Your changes have been saved"
    And I should know what happens next
