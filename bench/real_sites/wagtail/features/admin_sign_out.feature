@journey:admin-sign-out
Feature: Signing out of the Wagtail admin
  Scenario: Sign in, then sign out
    Given I am "staff"
    And I open the "admin" page
    When I enter my username in "Username"
    And I enter my password in "Password"
    And I press "Sign in"
    And I open the "Sam" menu
    And I sign out
    Then I should see "You have been successfully logged out."
    And the journey should feel considerate
