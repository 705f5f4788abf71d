Feature: Sign in to the choir's lists
  As a singer in the choir
  I want to sign in and out of the mailing lists' site
  So that I can manage my subscriptions

  @journey:sign-in-wrong
  Scenario: An anxious singer gets the password wrong
    Given I am an anxious customer
    And I open the "sign-in" page
    When I fill in "Login" with "alex@example.test"
    And I fill in "Password" with "not-my-password"
    And I press "Sign In" in the "Sign In" section
    Then I should see "not correct"
    And nothing I said should be lost
    And every message should be kind
    And I should be reassured while I wait

  @journey:sign-in
  Scenario: A returning singer signs in
    Given I am a returning team member
    And I open the "sign-in" page
    When I sign in
    Then I should see "Successfully signed in"
    And every message should be kind
    And nothing I said should be lost

  @journey:sign-out
  Scenario: A returning singer signs out
    Given I am a returning team member
    And I am signed in
    When I sign out
    Then I should see "You have signed out"
    And I should be reassured while I wait
    And every message should be kind
