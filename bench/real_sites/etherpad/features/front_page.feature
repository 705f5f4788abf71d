Feature: Open a pad from the front page
  As a volunteer of the community garden
  I want to open our pad by its name, or start a new one
  So that I can write the rota with the others

  @journey:pad-name-blank
  Scenario: A low-confidence volunteer gives a name of only spaces
    Given I am a low-confidence customer
    And I open the "home" page
    When I fill in "or create/open a Pad with the name:" with "   "
    And I press "OK"
    Then every message should be kind

  @journey:pad-name-forbidden
  Scenario: An anxious volunteer types a name with a dollar sign
    Given I am an anxious customer
    And I open the "home" page
    When I fill in "or create/open a Pad with the name:" with "garden$rota"
    And I press "OK"
    Then I should see "forbidden"
    And every message should be kind

  @journey:pad-name-empty
  Scenario: A hurried volunteer presses OK with no name
    Given I am hurried
    And I open the "home" page
    When I press "OK"
    Then I should see a dialog saying "Please enter a name"
    And every message should be kind

  @journey:open-pad
  Scenario: An anxious volunteer opens the rota by its name
    Given I am an anxious customer
    And I open the "home" page
    When I fill in "or create/open a Pad with the name:" with "garden-rota"
    And I press "OK"
    And I wait for the page to finish
    Then the journey should feel considerate

  @journey:front-page-back
  Scenario: An anxious volunteer opens the harvest plan and goes back to the front page
    Given I am an anxious customer
    And I open the "home" page
    When I fill in "or create/open a Pad with the name:" with "harvest-plan"
    And I press "OK"
    And I wait for the page to finish
    And I go back to check my answers
    Then nothing I said should be lost

  @journey:new-pad
  Scenario: A low-confidence volunteer starts a new pad
    Given I am a low-confidence customer
    And I open the "home" page
    When I press "New Pad"
    And I wait for the page to finish
    Then every message should be kind
