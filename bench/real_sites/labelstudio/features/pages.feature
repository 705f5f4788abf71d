Feature: Find my way when a page is not there
  As a labeller following an old link
  I want to be told kindly that the page is gone
  So that I can carry on

  @journey:not-found
  Scenario: A hurried visitor opens a page that does not exist
    Given I am a hurried customer
    And I open the "missing" page
    Then every message should be kind

  @journey:missing-project
  Scenario: A returning labeller follows a link to a project that was removed
    Given I am a returning team member
    And I am signed in
    And I open "/projects/99/data"
    Then every message should be kind
    And I should be reassured while I wait
