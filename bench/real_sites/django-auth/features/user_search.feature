@journey:user-search
Feature: Searching for a user
  Scenario: Search for someone who has no account
    Given I am "staff"
    And I open the "sign-in" page
    When I sign in with my username
    And I open the "users" page
    And I fill in "Search" with "Quentin Blake"
    And I press "Search"
    Then I should see "0 results"
    And the journey should feel considerate
