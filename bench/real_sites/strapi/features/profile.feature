Feature: Change my admin password
  As an editor
  I want to change my password on my profile
  So that my account stays mine

  @journey:change-password
  Scenario: An editor types the wrong current password
    Given I am a returning team member
    And I am signed in
    When I open the "profile" page
    And I fill in "Current Password" with "Not-My-Password-9"
    And I fill in "Password" with "Green-Teapot-81"
    And I fill in "Confirm Password" with "Green-Teapot-81"
    And I press "Save"
    Then I should see an error
    And every message should be kind
    And I should know what happens next
