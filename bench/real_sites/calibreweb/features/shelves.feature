Feature: Shelves of books
  As a reader
  I want to keep books on shelves of my own
  So that I find them again

  @journey:shelf-create
  Scenario: A returning reader makes a new shelf
    Given I am a returning team member
    And I open the "sign-in" page
    When I sign in with my username
    And I open the "new-shelf" page
    And I fill in "Title" with "Winter evenings"
    And I press "Save"
    Then I should see "Winter evenings"
    And I should know what happens next
    And every message should be kind

  @journey:shelf-taken-name
  Scenario: A returning reader gives a new shelf the name of one they have
    Given I am a returning team member
    And I open the "sign-in" page
    When I sign in with my username
    And I open the "new-shelf" page
    And I fill in "Title" with "Summer reading"
    And I press "Save"
    Then I should see "already exists"
    And nothing I said should be lost
    And every message should be kind

  @journey:add-to-shelf
  Scenario: A returning reader puts a book on a shelf
    Given I am a returning team member
    And I open the "sign-in" page
    When I sign in with my username
    And I open "/book/4"
    And I open the "Add to shelf" menu
    And I press "Summer reading" in the "Add to shelf" menu
    Then I should see "Great Expectations"
    And I should know what happens next
    And the journey should feel considerate
