Feature: Find my way around
  As a visitor
  I want to follow links
  So that I reach the page I need

  @journey:missing-page
  Scenario: A low-confidence visitor follows an old link
    Given I am a low-confidence customer
    And I open the "missing" page
    Then I should see "does not exist"
    And every message should be kind
    And I should know what happens next
