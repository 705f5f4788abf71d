@journey:support-chat @priority:high
Feature: Get help in the support chat
  As a customer with a problem I cannot wait to sort out
  I want to tell the assistant once and then talk to a person who already knows
  So that I do not have to repeat myself when I am already stressed

  Scenario Outline: A <persona> customer tells the assistant about a flood and is put through to a person
    Given I am "<persona>"
    And I open the "chat" page
    When I tell the assistant my full name
    And I tell the assistant my policy number
    And I tell the assistant "Water is coming through my kitchen ceiling and I don't know what to do"
    And I ask to speak to a person
    And I wait for the page to settle
    Then I should not be asked for anything twice
    And nothing I said should be lost
    And I should be reassured while I wait

    Examples:
      | persona       |
      | anxious       |
      | screen-reader |

  @priority:medium
  Scenario: A low-confidence customer asks for a person straight away
    Given I am a low-confidence customer
    And I open the "chat" page
    When I ask to speak to a person
    And I wait for the page to settle
    Then every message should be kind
