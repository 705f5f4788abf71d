Feature: Sign in to the test case manager
  As a tester on the Notes App team
  I want to sign in
  So that I can see the test runs and plans that are mine

  @journey:sign-in
  Scenario: An anxious tester gets the password wrong
    Given I am an anxious customer
    And I open the "sign-in" page
    When I fill in "Username" with "alex"
    And I fill in "Password" with "not-my-password"
    And I press "Log in"
    Then I should see "Please enter a correct username and password"
    And nothing I said should be lost
    And every message should be kind

  @journey:sign-in-empty
  Scenario: A hurried tester presses "Log in" before typing anything
    Given I am a hurried customer
    And I open the "sign-in" page
    When I press "Log in"
    Then I should see "This field is required"
    And the journey should feel considerate

  @journey:signed-in
  Scenario: A returning tester signs in and finds their test plan
    Given I am a returning team member
    And I open the "sign-in" page
    When I sign in with my username
    Then I should see "Notes App 1.0 acceptance"
    And I should not be asked for anything twice
    And every message should be kind

  @journey:sign-out
  Scenario: A returning tester signs out
    Given I am a returning team member
    And I open the "sign-in" page
    When I sign in with my username
    And I sign out
    Then I should see "Log in"
    And the journey should feel considerate
