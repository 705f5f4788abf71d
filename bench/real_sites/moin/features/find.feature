Feature: Find a page on the community wiki
  As a neighbour looking for something
  I want to search the wiki and follow its links
  So that I find the page I need or know it is not there

  @journey:search-no-results
  Scenario: A hurried neighbour searches for something no page mentions
    Given I am a hurried customer
    And I open the "home" page
    When I search for "zebra crossing"
    Then I should see "0 items found"
    And every message should be kind
    And the journey should feel considerate

  @journey:search-create
  Scenario: A low-confidence neighbour, not signed in, takes the offer to create the missing page
    Given I am a low-confidence customer
    And I open the "home" page
    When I search for "zebra crossing"
    And I press "Create new page"
    Then every message should be kind
    And the journey should feel considerate

  @journey:not-found
  Scenario: An anxious neighbour follows a link to a page that does not exist
    Given I am an anxious customer
    And I open the "missing" page
    Then I should see "does not exist"
    And every message should be kind
    And the journey should feel considerate
