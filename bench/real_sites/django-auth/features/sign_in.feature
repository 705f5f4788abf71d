@journey:admin-sign-in
Feature: Signing in to the admin
  A member of staff mistypes the password, then signs in.

  Scenario: A wrong password, then the right one
    Given I am "staff"
    And I open the "admin" page
    When I enter my username in "Username"
    And I fill in "Password" with "not-my-password"
    And I press "Log in"
    Then I should see "Please enter the correct username and password"
    When I enter my password in "Password"
    And I press "Log in"
    Then I should be greeted by name
    And the journey should feel considerate

  Scenario: A wrong password heard through a screen reader
    Given I am "staff-screen-reader"
    And I open the "admin" page
    When I enter my username in "Username"
    And I fill in "Password" with "not-my-password"
    And I press "Log in"
    Then I should see "Please enter the correct username and password"
    And the journey should feel considerate
