Feature: Create an account on the allotments wiki
  As a new plot holder
  I want an account of my own
  So that I can add and correct pages under my name

  @journey:create-account
  Scenario: An anxious newcomer creates an account
    Given I am an anxious customer
    And I open the "create-account" page
    When I fill in the form:
      | label                    | value            |
      | Username                 | my full name     |
      | Password                 | Blue-Kettle-42   |
      | Confirm password         | Blue-Kettle-42   |
      | Email address (optional) | my email address |
      | Real name (optional)     | my full name     |
    And I press the "Create your account" button
    Then I should see "Your account has been created"
    And I should be greeted by name
    And I should know what happens next
    And every message should be kind
    And I should not be asked for anything twice

  @journey:create-account-reload
  Scenario: An anxious newcomer reloads the welcome page
    Given I am an anxious customer
    And I open the "create-account" page
    When I fill in the form:
      | label                    | value            |
      | Username                 | my username      |
      | Password                 | Blue-Kettle-42   |
      | Confirm password         | Blue-Kettle-42   |
      | Email address (optional) | my email address |
    And I press the "Create your account" button
    And I reload the page
    Then nothing I said should be lost
    And every message should be kind
    And the journey should feel considerate

  @journey:create-account-mismatch
  Scenario: A low-confidence newcomer types two different passwords
    Given I am a low-confidence customer
    And I open the "create-account" page
    When I fill in the form:
      | label                    | value            |
      | Username                 | my username      |
      | Password                 | Blue-Kettle-42   |
      | Confirm password         | Blue-Kettle-24   |
      | Email address (optional) | my email address |
      | Real name (optional)     | my full name     |
    And I press the "Create your account" button
    Then I should see "do not match"
    And the error should be announced
    And I should know what happens next
    And nothing I said should be lost
    And I should not be asked for anything twice

  @journey:create-account-taken
  Scenario: A hurried newcomer picks a name someone already has
    Given I am a hurried customer
    And I open the "create-account" page
    When I fill in the form:
      | label            | value          |
      | Username         | Alex           |
      | Password         | Blue-Kettle-42 |
      | Confirm password | Blue-Kettle-42 |
    And I press the "Create your account" button
    Then I should see "already in use"
    And every message should be kind
    And nothing I said should be lost
