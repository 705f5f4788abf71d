Feature: Trigger a watering run with its form
  As a volunteer
  I want to start a watering run with the plot, the litres and who to tell
  So that the plants get water when the weather is dry

  Background:
    Given I am a returning team member
    And I am signed in

  @journey:trigger
  Scenario: A volunteer triggers a watering run
    Given I open the "trigger" page
    When I fill in "Litres" with "35"
    And I fill in "Note" with "Mind the new saplings"
    And I press "Trigger"
    Then I should see "Triggered watering_run"
    And I should know what happens next
    And every message should be kind

  @journey:trigger-invalid
  Scenario: A volunteer types an e-mail address without its "@"
    Given I open the "trigger" page
    When I fill in "Litres" with "35"
    And I fill in "Volunteer's e-mail" with "alex at example"
    And I fill in "Note" with "Mind the new saplings"
    And I press "Trigger"
    Then I should see an error
    And every message should be kind
    And nothing I said should be lost
    And I should not be asked for anything twice

  @journey:trigger-range
  Scenario: A volunteer asks for more water than a run may use
    Given I open the "trigger" page
    When I fill in "Litres" with "500"
    And I press "Trigger"
    Then I should see the browser's validation message
    And every message should be kind

  @journey:trigger-back
  Scenario: A volunteer looks at the DAGs list half-way and comes back
    Given I open the "trigger" page
    When I fill in "Litres" with "45"
    And I fill in "Note" with "Only the young trees"
    And I open the "home" page
    And I go back to check my answers
    Then nothing I said should be lost
