Feature: Find my way around the bulletin
  As a reader
  I want to subscribe from the front page, search and follow links
  So that I get the news I care about

  @journey:subscribe-inline
  Scenario: An anxious reader subscribes from the front page
    Given I am an anxious customer
    And I open the "home" page
    When I fill in the form
    And I press the "Subscribe" button
    Then I should know what happens next
    And every message should be kind

  @journey:search-no-results
  Scenario: A low-confidence reader searches for something the bulletin has not covered
    Given I am a low-confidence customer
    And I open the "home" page
    When I search for "zebra crossing"
    Then I should see "No matches found"
    And the journey should feel considerate

  @journey:missing-page
  Scenario: A reader follows an old link to last year's summer fair
    Given I am a low-confidence customer
    And I open the "missing" page
    Then I should see "Page not found"
    And every message should be kind
