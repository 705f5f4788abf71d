Feature: Find earlier reports
  As a neighbour
  I want to find what others already reported
  So that I do not report it twice

  @journey:search
  Scenario: A low-confidence neighbour searches for something nobody reported
    Given I am a low-confidence customer
    And I open the "search" page
    When I fill in "Search" with "parking permit"
    And I press the "Search" button
    Then every message should be kind
    And I should know what happens next

  @journey:missing-ticket
  Scenario: A neighbour follows a link to a ticket that does not exist
    Given I am an anxious customer
    And I open "/trac/ticket/999"
    Then every message should be kind
