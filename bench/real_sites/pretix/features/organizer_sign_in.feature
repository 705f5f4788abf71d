@journey:organizer-sign-in
Feature: Signing in to the back office
  Scenario Outline: A wrong password, then the right one
    Given I am "<persona>"
    And I open the "back-office" page
    When I enter my email address in "Email"
    And I fill in "Password" with "not-my-password"
    And I press "Log in"
    Then I should see "not known to our system"
    When I sign in
    Then I should see "Dashboard"
    And the journey should feel considerate

    Examples:
      | persona                 |
      | organizer               |
      | organizer-screen-reader |
