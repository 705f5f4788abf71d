@journey:site-search
Feature: Searching the site
  Scenario: A search that finds nothing
    Given I am an anxious customer
    And I open the "search" page
    When I search for "compost"
    Then I should see "No results found"
    And the journey should feel considerate
