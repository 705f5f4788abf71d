Feature: Sign in to the team handbook
  As a member of the team
  I want to sign in to the handbook
  So that I can suggest changes to its pages

  @journey:sign-in
  Scenario: A returning member signs in
    Given I am a returning team member
    And I open the "sign-in" page
    When I sign in with my username
    Then I should be greeted by name
    And every message should be kind
    And nothing I said should be lost

  @journey:sign-in-wrong-password
  Scenario: An anxious member gets the password wrong three times
    Given I am an anxious customer
    And I open the "sign-in" page
    When I enter "alex" in "Username"
    And I enter "not-my-password" in "Password"
    And I press the "Log In" button
    And I enter "not-my-password-2" in "Password"
    And I press the "Log In" button
    And I enter "not-my-password-3" in "Password"
    And I press the "Log In" button
    Then I should see "username or password was wrong"
    And I should know what happens next
    And nothing I said should be lost
    And the error should be announced
    And I should not be asked for anything twice

  @journey:sign-in-empty
  Scenario: A hurried member presses Log In before typing anything
    Given I am a hurried customer
    And I open the "sign-in" page
    When I press the "Log In" button
    Then I should be reassured while I wait
    And the journey should feel considerate
