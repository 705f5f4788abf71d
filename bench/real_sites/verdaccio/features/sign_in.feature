Feature: Sign in to the team registry
  As a developer on the team
  I want to sign in to our package registry
  So that I can see and publish the team's packages

  @journey:sign-in
  Scenario: A returning developer signs in and reloads the page
    Given I am a returning team member
    And I open the "home" page
    When I press "Login"
    And I sign in with my username
    And I wait for the page to finish
    And I reload the page
    And I open the account menu
    Then I should not see "Invalid username or password"
    And I should not be asked for anything twice
    And nothing I said should be lost
    And the journey should feel considerate

  @journey:sign-in-mistyped
  Scenario: A returning developer mistypes the password once, then signs in
    Given I am a returning team member
    And I open the "home" page
    When I press "Login"
    And I enter "alex" in "Username"
    And I enter "not-my-password" in "Password"
    And I press "Login" in the "Login" dialog
    Then I should see "Invalid username or password"
    When I fill in "Password" with my password
    And I press "Login" in the "Login" dialog
    And I wait for the page to finish
    Then I should not see "Invalid username or password"
    And I should be reassured while I wait

  @journey:sign-in-wrong-password
  Scenario: An anxious developer gets the password wrong three times
    Given I am an anxious customer
    And I open the "home" page
    When I press "Login"
    And I enter "alex" in "Username"
    And I enter "not-my-password" in "Password"
    And I press "Login" in the "Login" dialog
    And I enter "not-my-password-2" in "Password"
    And I press "Login" in the "Login" dialog
    And I enter "not-my-password-3" in "Password"
    And I press "Login" in the "Login" dialog
    Then I should see "Invalid username or password"
    And every message should be kind
    And I should know what happens next
    And nothing I said should be lost

  @journey:sign-in-empty
  Scenario: A hurried developer presses Login before typing anything
    Given I am a hurried customer
    And I open the "home" page
    When I press "Login"
    Then the "Login" button in the "Login" dialog should be disabled
    When I press "Login" in the "Login" dialog
    Then every message should be kind
    And the journey should feel considerate
