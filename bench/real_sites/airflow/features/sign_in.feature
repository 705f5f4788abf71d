Feature: Sign in to the garden's Airflow
  As a volunteer who runs the garden's jobs
  I want to sign in and out
  So that I can trigger and watch the runs

  @journey:sign-in
  Scenario: An anxious volunteer gets the password wrong
    Given I am an anxious customer
    And I open the "sign-in" page
    When I fill in "Username" with "alex"
    And I fill in "Password" with "not-my-password"
    And I press "Sign In"
    Then I should see "Please try again"
    And nothing I said should be lost
    And I should not be asked for anything twice
    And every message should be kind

  @journey:sign-out
  Scenario: A returning volunteer signs in and out again
    Given I am a returning team member
    And I am signed in
    And I open the "home" page
    Then I should see "watering_run"
    When I sign out
    Then I should see "Sign In"
    And I should know what happens next
    And every message should be kind

  @journey:not-found
  Scenario: A low-confidence volunteer follows a broken link
    Given I am a low-confidence customer
    And I open the "missing" page
    Then every message should be kind
    And the journey should feel considerate

  @journey:missing-dag
  Scenario: A returning volunteer opens the address of a DAG that is not there
    Given I am a returning team member
    And I am signed in
    When I open the "missing-dag" page
    Then I should see "compost_turning"
    And every message should be kind
    And I should know what happens next

  @journey:dag-search
  Scenario: A hurried volunteer searches for a DAG nobody made
    Given I am a returning team member
    And I am signed in
    And I open the "home" page
    When I search for "compost"
    Then I should see "No results"
    And every message should be kind
    And I should be reassured while I wait
