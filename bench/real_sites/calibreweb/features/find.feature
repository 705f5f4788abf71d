Feature: Find a book
  As a reader
  I want to search the library and follow links
  So that I reach the book I want

  @journey:search-no-results
  Scenario: A returning reader searches for something the library does not have
    Given I am a returning team member
    And I open the "sign-in" page
    When I sign in with my username
    And I search for "zzxqv"
    Then I should see "No Results Found"
    And every message should be kind
    And nothing I said should be lost
    And I should know what happens next

  @journey:missing-page
  Scenario: A hurried reader follows a broken link
    Given I am a hurried customer
    And I open the "missing" page
    Then I should see "Not Found"
    And every message should be kind

  @journey:missing-book
  Scenario: A returning reader follows a link to a book that is gone
    Given I am a returning team member
    And I open the "sign-in" page
    When I sign in with my username
    And I open the "missing-book" page
    Then I should see "unavailable"
    And every message should be kind
