Feature: The translator's account
  As a returning translator
  I want to change my password
  So that my account stays mine

  @journey:change-password
  Scenario: A returning translator mistypes the current password
    Given I am a returning team member
    And I am signed in
    And I open the "change-password" page
    When I fill in "Current password" with "not-my-password"
    And I fill in "New password" with "Green-Teapot-8142"
    And I fill in "New password confirmation" with "Green-Teapot-8142"
    And I press "Change my password"
    Then I should see "invalid password"
    And I should not be asked for anything twice
    And every message should be kind
