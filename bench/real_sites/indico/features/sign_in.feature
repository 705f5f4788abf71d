Feature: Sign in to the garden's Indico
  As a volunteer of the community garden
  I want to sign in and out
  So that I can sign up for the garden's events and make new ones

  @journey:sign-in
  Scenario: A volunteer gets the password wrong
    Given I am a returning team member
    And I open the "sign-in" page
    When I fill in "Username" with my username
    And I fill in "Password" with "not-my-password"
    And I press "Login with Indico"
    Then I should see "Login failed"
    And nothing I said should be lost
    And I should not be asked for anything twice
    And every message should be kind

  @journey:sign-in-unknown
  Scenario: A volunteer types a username nobody has
    Given I am a hurried customer
    And I open the "sign-in" page
    When I fill in "Username" with "robin.hale"
    And I fill in "Password" with "Greenhouse-77"
    And I press "Login with Indico"
    Then I should see "Login failed"
    And every message should be kind

  @journey:sign-out
  Scenario: A volunteer signs in and out again
    Given I am a returning team member
    And I open the "sign-in" page
    When I sign in with my username
    Then I should see "Riverside Community Garden"
    When I sign out
    Then I should see "Login"
    And I should know what happens next
    And every message should be kind

  @journey:not-found
  Scenario: A low-confidence visitor follows a broken link
    Given I am a low-confidence customer
    And I open the "missing" page
    Then every message should be kind
    And the journey should feel considerate

  @journey:missing-event
  Scenario: A visitor opens the address of an event that is not there
    Given I am a hurried customer
    And I open the "missing-event" page
    Then I should see "Not Found"
    And every message should be kind

  @journey:search
  Scenario: A visitor searches for an event nobody made
    Given I am a hurried customer
    And I open the "home" page
    When I search for "greenhouse"
    Then I should see "No Results"
    And every message should be kind
    And I should be reassured while I wait
