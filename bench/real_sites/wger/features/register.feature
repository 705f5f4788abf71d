Feature: Start a training log
  As someone who wants to track their training
  I want to register
  So that I can keep my workouts and weight in one place

  @journey:register-taken
  Scenario: A low-confidence newcomer picks a user name someone already has
    Given I am a low-confidence customer
    And I open the "register" page
    When I fill in the form:
      | label                 | value           |
      | Username              | alex            |
      | Email                 | sam@example.org |
      | Password              | Rowing-Boat-42  |
      | Password confirmation | Rowing-Boat-42  |
    And I press "Register"
    Then I should see "already exists"
    And every message should be kind

  @journey:register-mismatch
  Scenario: A hurried newcomer types two different passwords
    Given I am a hurried customer
    And I open the "register" page
    When I fill in the form:
      | label                 | value             |
      | Username              | jamie             |
      | Email                 | jamie@example.org |
      | Password              | Rowing-Boat-42    |
      | Password confirmation | Rowing-Boat-24    |
    And I press "Register"
    Then I should see "The two password fields"
    And every message should be kind
    And nothing I said should be lost

  @journey:register-success
  Scenario: An anxious newcomer registers
    Given I am an anxious customer
    And I open the "register" page
    When I fill in the form:
      | label                 | value             |
      | Username              | jamie             |
      | Email                 | jamie@example.org |
      | Password              | Rowing-Boat-42    |
      | Password confirmation | Rowing-Boat-42    |
    And I press "Register"
    Then I should see "You were successfully registered"
    And I should know what happens next
    And every message should be kind
    And I should not be asked for anything twice
