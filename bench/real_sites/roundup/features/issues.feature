Feature: Report a problem and find reports
  As a volunteer
  I want to report problems and find earlier reports
  So that they get fixed and nobody reports them twice

  @journey:new-issue
  Scenario: A hurried member submits a new issue without filling anything in
    Given I am "team-member"
    And I open the "home" page
    When I sign in
    And I open the "new-issue" page
    And I press the "Submit New Entry" button
    Then I should see "not supplied"
    And every message should be kind
    And I should be reassured while I wait

  @journey:new-issue
  Scenario: A member reports a problem
    Given I am "team-member"
    And I open the "home" page
    When I sign in
    And I open the "new-issue" page
    And I fill in "Title" with "Hall heating stays on overnight"
    And I choose "bug" for "Priority"
    And I fill in "Change Note" with "The heating in the main hall was on all night again."
    And I press the "Submit New Entry" button
    Then I should see "created"
    And I should know what happens next
    And every message should be kind
    And I should not be asked for anything twice

  @journey:new-issue-priority
  Scenario: A member forgets to choose a priority
    Given I am "team-member"
    And I open the "home" page
    When I sign in
    And I open the "new-issue" page
    And I fill in "Title" with "Fire exit sign by the kitchen is dark"
    And I fill in "Change Note" with "The green sign above the kitchen door no longer lights up."
    And I press the "Submit New Entry" button
    Then I should see "priority not supplied"
    And nothing I said should be lost

  @journey:issue-search
  Scenario: A low-confidence member searches for something no issue mentions
    Given I am a low-confidence customer
    And I open the "home" page
    When I enter "parking permit" in "Search"
    And I press the "Search" button
    Then the journey should feel considerate
