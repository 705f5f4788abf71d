Feature: Find a package
  As a developer on the team
  I want to find a package in our registry
  So that I can install the right one

  @journey:search
  Scenario: A hurried developer searches for a package that exists
    Given I am a hurried customer
    And I open the "home" page
    When I enter "date" in "Search Packages"
    Then I should see "date-words"
    And I should be reassured while I wait

  @journey:search-no-results
  Scenario: A low-confidence developer searches for a package that does not exist
    Given I am a low-confidence customer
    And I open the "home" page
    When I enter "holiday-calendar" in "Search Packages"
    Then I should see "No results found"
    And every message should be kind

  @journey:guessed-package-address
  Scenario: A developer types the package address the way the public registry spells it
    Given I am an anxious customer
    And I open "/package/date-words"
    Then every message should be kind

  @journey:missing-package
  Scenario: A developer follows a link to a package with a typo in its name
    Given I am an anxious customer
    And I open "/-/web/detail/date-wordz"
    Then I should see "Sorry, we couldn't find it"
    And every message should be kind
