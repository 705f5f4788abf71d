Feature: Find my way around the workspace
  As a member with workflows
  I want to search them and follow links
  So that I find the one I need

  Background:
    Given I am a returning team member
    And I am signed in

  @journey:search-no-results
  Scenario: A returning member searches for a workflow that does not exist
    When I open the "workflows" page
    And I search for "zebra crossing"
    Then I should see "No workflows found"
    And every message should be kind
    And nothing I said should be lost

  @journey:missing-page
  Scenario: A returning member follows an old link to a report
    When I open the "missing" page
    Then I should see "find that"
    And every message should be kind
