Feature: Sign in to the community wiki
  As a neighbour who keeps pages up to date
  I want to sign in and out
  So that I can change pages and leave the wiki safely on a shared computer

  @journey:sign-in-wrong
  Scenario: An anxious neighbour types the wrong password
    Given I am an anxious customer
    And I open the "sign-in" page
    When I enter "alex" in "Username"
    And I enter "blue-door-7" in "Password"
    And I press the "Log in" button
    Then I should see "Invalid username or password"
    And nothing I said should be lost
    And every message should be kind

  @journey:sign-in
  Scenario: A returning neighbour signs in from the page they were reading
    Given I am a returning team member
    And I open the "garden-rota" page
    When I press "Login"
    And I sign in with my username
    Then I should see "You are logged in"
    And I should see "Garden Rota"
    And nothing I said should be lost
    And the journey should feel considerate

  @journey:sign-in-empty
  Scenario: A hurried neighbour presses "Log in" with nothing typed
    Given I am a hurried customer
    And I open the "sign-in" page
    When I press the "Log in" button
    Then I should see the browser's validation message
    And every message should be kind

  @journey:sign-out
  Scenario: A returning neighbour signs out at the end
    Given I am a returning team member
    And I am signed in
    And I open the "home" page
    When I sign out
    Then I should see "You are logged out"
    And the journey should feel considerate
