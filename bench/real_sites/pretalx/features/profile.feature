Feature: Keep my speaker profile up to date
  As a speaker
  I want to change my biography and my password
  So that what the organisers see is right and my account stays mine

  @journey:profile
  Scenario: A returning speaker updates the biography
    Given I am a returning team member
    And I am signed in
    And I open the "profile" page
    When I fill in "Biography" with "Volunteer at the Riverside repair café since 2019."
    And I press "Save" in the "Your Profile" section
    Then I should see "Your changes have been saved."
    And the journey should feel considerate

  @journey:change-password
  Scenario: A returning speaker mistypes the current password when changing it
    Given I am "team-member"
    And I am signed in
    And I open the "profile" page
    When I fill in "Password (current)" with "not-my-password"
    And I fill in "New password" with "New-Kettle-55"
    And I fill in "New password (again)" with "New-Kettle-55"
    And I press "Save" in the "Your Account" section
    Then I should see "not correct"
    And the error should be announced
    And every message should be kind
    And I should be reassured while I wait
