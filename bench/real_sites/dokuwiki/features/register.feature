Feature: Create an account on the team handbook
  As a new member of the team
  I want to create an account
  So that I can edit the handbook

  @journey:register-mismatch
  Scenario: A low-confidence newcomer types two different passwords
    Given I am a low-confidence customer
    And I open the "register" page
    When I fill in the form:
      | label      | value              |
      | Username   | my username        |
      | Password   | Blue-Kettle-42     |
      | once again | Blue-Kettle-24     |
      | Real name  | my full name       |
      | E-Mail     | my email address   |
    And I press the "Register" button
    Then I should see "not identical"
    And I should be reassured while I wait
    And nothing I said should be lost
    And the journey should feel considerate

  @journey:register-success
  Scenario: An anxious newcomer creates an account and is asked to log in
    Given I am an anxious customer
    And I open the "register" page
    When I fill in the form:
      | label      | value              |
      | Username   | my username        |
      | Password   | Blue-Kettle-42     |
      | once again | Blue-Kettle-42     |
      | Real name  | my full name       |
      | E-Mail     | my email address   |
    And I press the "Register" button
    Then I should see "The user has been created"
    And I should not be asked for anything twice
    And nothing I said should be lost

  @journey:register-taken
  Scenario: A hurried newcomer picks a username someone already has
    Given I am a hurried customer
    And I open the "register" page
    When I fill in the form:
      | label      | value              |
      | Username   | alex               |
      | Password   | Blue-Kettle-42     |
      | once again | Blue-Kettle-42     |
      | Real name  | my full name       |
      | E-Mail     | my email address   |
    And I press the "Register" button
    Then I should see "already exists"
    And every message should be kind
