Feature: Find things, keep my details, and recover from a wrong turn
  As a member of the club
  I want to search the forum, change my details and get back in when I forget my password
  So that I can use the forum without help

  @journey:search-no-results
  Scenario: A returning member searches for something nobody has posted
    Given I am a returning team member
    And I open the "sign-in" page
    When I sign in with my username
    And I search for "artichokes"
    Then I should see "no search results"
    And every message should be kind

  @journey:search-short
  Scenario: A returning member searches with two letters
    Given I am a returning team member
    And I open the "sign-in" page
    When I sign in with my username
    And I open the "search" page
    And I search for "xy"
    Then I should see "at least 3 characters"
    And every message should be kind
    And nothing I said should be lost

  @journey:preferences
  Scenario: A returning member adds where they live to their profile
    Given I am a returning team member
    And I open the "sign-in" page
    When I sign in with my username
    And I open the "preferences" page
    And I fill in "Location" with "Riverside"
    And I press the "Save" button
    Then I should see "Your profile has been updated"
    And every message should be kind
    And nothing I said should be lost

  @journey:forgot-password
  Scenario: An anxious member asks for a new password
    Given I am an anxious customer
    And I open the "sign-in" page
    When I press "I don't know my password"
    And I enter "alex@example.test" in "Email"
    And I press the "Reset my password" button
    Then I should see "emailed you instructions"
    And I should know what happens next
    And every message should be kind

  @journey:missing-page
  Scenario: A low-confidence member follows an old link to a topic
    Given I am a low-confidence customer
    And I open "/topic/99/plot-14-is-available/"
    Then I should see "404"
    And every message should be kind
