Feature: Report a problem in the community garden
  As a garden volunteer
  I want to open an issue
  So that someone fixes what is broken

  @journey:new-issue
  Scenario: A returning volunteer reports a wobbly bench
    Given I am a returning team member
    And I open the "sign-in" page
    When I sign in with my username
    And I open the "new-issue" page
    And I fill in "Subject" with "Bench by the pond is wobbly"
    And I fill in "Description" with "The left leg is loose; please do not sit on it until it is fixed."
    And I press "Create"
    Then I should see "created"
    And I should know what happens next
    And every message should be kind

  @journey:new-issue-invalid
  Scenario: A returning volunteer writes the estimated time in words
    Given I am a returning team member
    And I open the "sign-in" page
    When I sign in with my username
    And I open the "new-issue" page
    And I fill in "Subject" with "Hose reel is missing its handle"
    And I fill in "Description" with "Someone took the handle off the hose reel by the pond."
    And I fill in "Estimated time" with "two"
    And I press "Create"
    Then I should see an error
    And every message should be kind
    And nothing I said should be lost

  @journey:search-no-results
  Scenario: A returning volunteer searches for something nobody has written about
    Given I am a returning team member
    And I open the "sign-in" page
    When I sign in with my username
    And I search for "artichokes"
    Then I should see "Results (0)"
    And I should know what happens next
    And every message should be kind
