@journey:admin-sign-in
Feature: Signing in to the Wagtail admin
  Scenario: A wrong password, then the right one
    Given I am "staff"
    And I open the "admin" page
    When I enter my username in "Username"
    And I fill in "Password" with "not-my-password"
    And I press "Sign in"
    Then I should see "Your username and password didn't match"
    When I enter my password in "Password"
    And I press "Sign in"
    Then I should see "Riverside Community Garden"
    And the journey should feel considerate
