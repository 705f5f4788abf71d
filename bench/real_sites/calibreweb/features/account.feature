Feature: A reader's profile
  As a reader with an account
  I want to change my settings and password
  So that the library works the way I like

  @journey:change-password-weak
  Scenario: A returning reader picks a short new password
    Given I am a returning team member
    And I open the "sign-in" page
    When I sign in with my username
    And I open the "profile" page
    And I fill in "Password" with "abc"
    And I press "Save"
    Then I should see "Password doesn't comply"
    And every message should be kind
    And the journey should feel considerate

  @journey:profile-saved
  Scenario: A returning reader saves the profile
    Given I am a returning team member
    And I open the "sign-in" page
    When I sign in with my username
    And I open the "profile" page
    And I press "Save"
    Then I should see "Profile Updated"
    And every message should be kind
