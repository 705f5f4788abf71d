Feature: Create an account on the community wiki
  As a neighbour who wants to add to the wiki
  I want to create an account
  So that I can edit pages

  @journey:register
  Scenario: An anxious newcomer creates an account and starts using it
    Given I am an anxious customer
    And I open the "home" page
    When I press "Login"
    And I press "you can create one now"
    And I fill in the form
    And I press the "Register" button
    Then I should see "Account created"
    When I press "Login"
    And I sign in with my username
    Then I should see "You are logged in"
    And I should not be asked for anything twice
    And the journey should feel considerate

  @journey:register-mismatch
  Scenario: A hurried newcomer types two different passwords
    Given I am a hurried customer
    And I open the "register" page
    When I fill in the form:
      | label    | value              |
      | Username | jamie              |
      | Password | Rowing-Boat-42     |
      | Password | Rowing-Boat-24     |
      | E-Mail   | jamie@example.test |
    And I press the "Register" button
    Then I should see "The passwords do not match"
    And nothing I said should be lost
    And every message should be kind

  @journey:register-taken
  Scenario: A low-confidence newcomer picks a name someone already has
    Given I am a low-confidence customer
    And I open the "register" page
    When I fill in "Username" with "alex"
    And I fill in "E-Mail" with "sam@example.test"
    And I press the "Register" button
    Then I should see an error
    And every message should be kind
