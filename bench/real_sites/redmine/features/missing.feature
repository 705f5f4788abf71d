Feature: Follow an old link
  As a volunteer with an old bookmark
  I want to be told what happened to the page
  So that I can find my way

  @journey:missing-page
  Scenario: A low-confidence volunteer opens an address that does not exist
    Given I am a low-confidence customer
    And I open the "missing" page
    Then I should see "Page not found"
    And every message should be kind
    And I should know what happens next

  @journey:missing-issue
  Scenario: An anxious volunteer opens an issue that does not exist
    Given I am an anxious customer
    And I open the "missing-issue" page
    Then I should see "doesn't exist"
    And every message should be kind
    And I should know what happens next
