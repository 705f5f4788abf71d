Feature: Sign in to the translation platform
  As a volunteer who translates the community garden's app
  I want to sign in and out
  So that my translations are mine

  @journey:sign-in
  Scenario: An anxious translator gets the password wrong
    Given I am an anxious customer
    And I open the "sign-in" page
    When I fill in "Username or e-mail" with "alex"
    And I fill in "Password" with "not-my-password"
    And I press "Sign in"
    Then I should see "Please try again"
    And nothing I said should be lost
    And every message should be kind

  @journey:reset-password
  Scenario: A hurried translator has forgotten the password
    Given I am a hurried customer
    And I open the "sign-in" page
    When I press "Forgot your password?"
    And I fill in "E-mail" with "alex@example.test"
    And I press "Reset my password"
    Then I should see "Password reset almost complete"
    And I should know what happens next
    And every message should be kind

  @journey:sign-out
  Scenario: A returning translator signs out
    Given I am a returning team member
    And I am signed in
    When I sign out
    Then I should see "Thank you for using Weblate"
    And every message should be kind

  @journey:not-found
  Scenario: A low-confidence visitor follows a broken link
    Given I am a low-confidence customer
    And I open the "missing" page
    Then every message should be kind
    And the journey should feel considerate
