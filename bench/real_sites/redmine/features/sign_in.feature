Feature: Sign in to the volunteers' tracker
  As a garden volunteer
  I want to sign in with my login
  So that I can report problems and pick up jobs

  @journey:sign-in
  Scenario: A returning volunteer signs in
    Given I am a returning team member
    And I open the "sign-in" page
    When I sign in with my username
    Then I should see "Logged in as"
    And every message should be kind
    And nothing I said should be lost

  @journey:sign-in-empty
  Scenario: A hurried volunteer presses Login with nothing typed
    Given I am a hurried customer
    And I open the "sign-in" page
    When I press the "Login" button
    Then I should see an error
    And every message should be kind
    And I should be reassured while I wait

  @journey:sign-in-wrong
  Scenario: An anxious volunteer types the wrong password
    Given I am an anxious customer
    And I open the "sign-in" page
    When I enter "alex" in "Login"
    And I enter "blue-door-7" in "Password"
    And I press the "Login" button
    Then I should see "Invalid user or password"
    And nothing I said should be lost
    And every message should be kind

  @journey:sign-out
  Scenario: A returning volunteer signs out at the end of a session
    Given I am a returning team member
    And I open the "sign-in" page
    When I sign in with my username
    And I sign out
    Then I should see "Sign in"
    And I should know what happens next
    And every message should be kind
