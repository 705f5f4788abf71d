@journey:sign-out
Feature: Signing out and back in
  Scenario: Sign out, then sign in again to a page opened while signed out
    Given I am "staff"
    And I open the "sign-in" page
    When I sign in with my username
    And I sign out
    Then I should see "Logged out"
    When I open the "add-user" page
    And I sign in with my username
    Then I should see "Add user"
    And nothing I said should be lost
    And the journey should feel considerate
