Feature: Register with the community tracker
  As a new volunteer
  I want to create an account
  So that I can report problems and follow them

  @journey:register
  Scenario: A low-confidence newcomer presses Register before filling anything in
    Given I am a low-confidence customer
    And I open the "register" page
    When I wait 5 seconds
    And I press the "Register" button
    Then every message should be kind
    And I should be reassured while I wait

  @journey:register
  Scenario: A low-confidence newcomer types two different passwords
    Given I am a low-confidence customer
    And I open the "register" page
    When I fill in the form:
      | label            | value            |
      | Name             | my full name     |
      | Login Name       | my username      |
      | Login Password   | Blue-Kettle-42   |
      | Confirm Password | Blue-Kettle-24   |
      | E-mail address   | my email address |
    And I press the "Register" button
    Then I should see "do not match"
    And nothing I said should be lost
    And I should not be asked for anything twice

  @journey:register
  Scenario: An anxious newcomer creates an account
    Given I am an anxious customer
    And I open the "register" page
    When I fill in the form:
      | label            | value            |
      | Name             | my full name     |
      | Login Name       | my username      |
      | Login Password   | Blue-Kettle-42   |
      | Confirm Password | Blue-Kettle-42   |
      | E-mail address   | my email address |
    And I press the "Register" button
    Then I should see "You will shortly receive an email"
    And I should know what happens next
    And I should not be asked for anything twice
