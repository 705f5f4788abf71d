Feature: A page that is not there
  As a neighbour following an old link to the garden's site
  I want to be told kindly that the page has gone
  So that I can find what I came for

  @journey:not-found
  Scenario: A low-confidence neighbour follows a broken link
    Given I am a low-confidence customer
    And I open the "missing" page
    Then every message should be kind
    And the journey should feel considerate
