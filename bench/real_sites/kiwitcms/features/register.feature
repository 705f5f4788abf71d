Feature: Create an account
  As a tester who has just joined the team
  I want an account
  So that I can write and run test cases

  @journey:register
  Scenario: An anxious newcomer creates an account
    Given I am an anxious customer
    And I open the "register" page
    When I fill in "Username" with my username
    And I fill in "E-mail" with my email address
    And I fill in "Password" with "Lantern-Field-44"
    And I fill in "Confirm" with "Lantern-Field-44"
    And I press "Register"
    Then I should see "Your account has been created"
    And I should know what happens next
    And every message should be kind

  @journey:register-errors
  Scenario: A hurried newcomer takes a name in use, mistypes the e-mail and the second password
    Given I am a hurried customer
    And I open the "register" page
    When I fill in "Username" with "alex"
    And I fill in "E-mail" with "sam@example"
    And I fill in "Password" with "Lantern-Field-44"
    And I fill in "Confirm" with "Lantern-Field-45"
    And I press "Register"
    Then I should see "A user with that username already exists"
    And nothing I said should be lost
    And every message should be kind

  @journey:register-weak-password
  Scenario: A low-confidence newcomer chooses a password that is too short
    Given I am a low-confidence customer
    And I open the "register" page
    When I fill in "Username" with my username
    And I fill in "E-mail" with my email address
    And I fill in "Password" with "short"
    And I fill in "Confirm" with "short"
    And I press "Register"
    Then I should see "too short"
    And every message should be kind

  @journey:register-unconfirmed
  Scenario: An anxious newcomer signs in before following the link in the e-mail
    Given I am an anxious customer
    And I open the "register" page
    When I fill in "Username" with my username
    And I fill in "E-mail" with my email address
    And I fill in "Password" with "Lantern-Field-44"
    And I fill in "Confirm" with "Lantern-Field-44"
    And I press "Register"
    And I fill in "Username" with my username
    And I fill in "Password" with "Lantern-Field-44"
    And I press "Log in"
    Then every message should be kind
    And I should know what happens next

  @journey:activation-link
  Scenario: A low-confidence newcomer follows an activation link a second time
    Given I am a low-confidence customer
    And I open the "stale-activation-link" page
    Then every message should be kind
    And the journey should feel considerate
