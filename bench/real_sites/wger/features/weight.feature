Feature: Log my body weight
  As a member tracking my weight
  I want to add an entry for the day
  So that I see how my weight changes

  Background:
    Given I am a returning team member
    And I am signed out
    And I open the "sign-in" page
    When I sign in with my username

  @journey:weight-add
  Scenario: A returning member logs today's weight
    When I open the "add-weight" page
    And I fill in "Weight" with "72.9"
    And I press "Save"
    Then I should see "72.9"
    And I should know what happens next
    And every message should be kind

  @journey:weight-duplicate
  Scenario: A returning member logs a day that already has an entry
    When I open the "add-weight" page
    And I fill in "Date" with "2026-11-24"
    And I fill in "Weight" with "73.4"
    And I press "Save"
    Then I should see "already exists"
    And every message should be kind
    And nothing I said should be lost

  @journey:weight-too-heavy
  Scenario: A returning member types a weight in the wrong unit
    When I open the "add-weight" page
    And I fill in "Weight" with "900"
    And I press "Save"
    Then I should see "less than or equal to 600"
    And every message should be kind
    And nothing I said should be lost
