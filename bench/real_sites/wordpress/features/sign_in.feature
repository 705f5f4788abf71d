Feature: Sign in to write for the repair café
  As a volunteer with an author's account
  I want to sign in
  So that I can answer visitors and write posts

  @journey:sign-in
  Scenario: An anxious author gets the password wrong
    Given I am an anxious customer
    And I open the "home" page
    When I press "Log in"
    And I enter "alex" in "Username or Email Address"
    And I enter "not-my-password" in "Password"
    And I press "Log In"
    Then I should see "is incorrect"
    And the error should be announced
    And nothing I said should be lost
    And I should be reassured while I wait

  @journey:sign-in-unknown
  Scenario: A low-confidence author guesses the username
    Given I am a low-confidence customer
    And I open the "sign-in" page
    When I enter "alex.morgan" in "Username or Email Address"
    And I enter "not-my-password" in "Password"
    And I press "Log In"
    Then I should see "is not registered"
    And nothing I said should be lost
    And every message should be kind

  @journey:signed-in
  Scenario: A returning author signs in
    Given I am a returning team member
    And I open the "home" page
    When I press "Log in"
    And I sign in with my username
    Then I should be greeted by name
    And nothing I said should be lost
    And every message should be kind
