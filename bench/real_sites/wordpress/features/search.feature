Feature: Find a post, or find the way from a broken link
  As a visitor looking for the repair café's news
  I want to search the site and recover from an old link
  So that I find what I came for

  @journey:search
  Scenario: A low-confidence visitor searches for something no post mentions
    Given I am a low-confidence customer
    And I open the "home" page
    When I search for "parking permit"
    Then I should see "nothing matched"
    And the journey should feel considerate

  @journey:missing-page
  Scenario: A low-confidence visitor follows an old link to a page that is gone
    Given I am a low-confidence customer
    And I open the "missing" page
    Then I should see "Nothing here"
    And every message should be kind
