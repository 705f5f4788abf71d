Feature: Plan and write tests
  As a tester on the Notes App team
  I want to find test plans and write new test cases
  So that the next release is checked

  @journey:search-none
  Scenario: A returning tester searches test plans for words none has
    Given I am a returning team member
    And I open the "sign-in" page
    When I sign in with my username
    And I open the "plan-search" page
    And I fill in "Name" with "parking permits"
    And I press "Search"
    Then I should see "No records found"
    And every message should be kind

  @journey:new-case
  Scenario: A returning tester writes a new test case
    Given I am a returning team member
    And I open the "sign-in" page
    When I sign in with my username
    And I open the "new-case" page
    And I fill in "Summary" with "Search finds a note by its title"
    And I press "Save"
    Then I should see "Search finds a note by its title"
    And I should know what happens next
    And the journey should feel considerate

  @journey:new-case-error
  Scenario: A returning tester names a default tester who has no account
    Given I am a returning team member
    And I open the "sign-in" page
    When I sign in with my username
    And I open the "new-case" page
    And I fill in "Summary" with "Export a note as plain text"
    And I fill in "Default tester" with "nobody"
    And I fill in "Notes" with "Run on both browsers."
    And I press "Save"
    Then I should see "Unknown user"
    And nothing I said should be lost
    And every message should be kind

  @journey:new-plan-empty
  Scenario: A returning tester saves a new test plan before naming it
    Given I am a returning team member
    And I open the "sign-in" page
    When I sign in with my username
    And I open the "new-plan" page
    And I press "Save"
    Then I should see the browser's validation message
    And the journey should feel considerate

  @journey:new-plan-reload
  Scenario: A returning tester reloads the page half-way through a new test plan
    Given I am a returning team member
    And I open the "sign-in" page
    When I sign in with my username
    And I open the "new-plan" page
    And I fill in "Name" with "Search smoke tests"
    And I reload the page
    Then nothing I said should be lost
