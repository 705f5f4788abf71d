Feature: Read the lists' archives
  As a singer
  I want to find what was said on the lists
  So that I do not have to ask again

  @journey:search-no-results
  Scenario: A hurried singer searches the archive for something nobody wrote about
    Given I am a hurried customer
    And I open the "members-archive" page
    When I search for "tambourine"
    Then I should see "0 messages"
    And every message should be kind
    And I should know what happens next

  @journey:private-archive
  Scenario: An anxious singer opens the committee's archive without signing in
    Given I am an anxious customer
    And I open the "committee-archive" page
    Then every message should be kind
    And I should know what happens next

  @journey:not-found
  Scenario: A singer follows a broken link
    Given I am an anxious customer
    And I open the "missing" page
    Then I should see "Page not found"
    And every message should be kind
    And I should know what happens next
