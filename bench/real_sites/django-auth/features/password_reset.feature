@journey:password-reset
Feature: Resetting a forgotten password
  Scenario: Ask for a reset e-mail from the sign-in page
    Given I am "staff"
    And I open the "sign-in" page
    When I press "Forgotten your login credentials?"
    And I press "Reset my password"
    And I enter my email address in "Email address"
    And I press "Reset my password"
    Then I should see "We’ve emailed you instructions"
    And I should know what happens next
    And the journey should feel considerate
