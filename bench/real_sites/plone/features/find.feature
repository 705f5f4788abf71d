Feature: Find my way around the site
  As a visitor
  I want to search and follow links
  So that I find the page I need

  @journey:search-no-results
  Scenario: A low-confidence visitor searches for something the site does not have
    Given I am a low-confidence customer
    And I open the "home" page
    When I search for "artichokes"
    Then I should see "No results were found"
    And the journey should feel considerate

  @journey:missing-page
  Scenario: A visitor follows an old link to the waiting list
    Given I am a low-confidence customer
    And I open the "missing" page
    Then I should see "does not seem to exist"
    And every message should be kind
