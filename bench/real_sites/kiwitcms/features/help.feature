Feature: Get back in and find the way
  As a tester who has forgotten the password or followed a broken link
  I want the site to help me
  So that I can get back to my work

  @journey:reset-password
  Scenario: A hurried tester has forgotten the password
    Given I am a hurried customer
    And I open the "sign-in" page
    When I press "Forgot password"
    And I fill in "E-mail" with "alex@example.test"
    And I press "Password reset"
    Then I should see "Password reset email was sent"
    And I should know what happens next
    And every message should be kind

  @journey:reset-password-bad
  Scenario: A low-confidence tester leaves the dot out of the e-mail address
    Given I am a low-confidence customer
    And I open the "reset-password" page
    When I fill in "E-mail" with "alex@example"
    And I press "Password reset"
    Then I should see "Enter a valid email address"
    And every message should be kind

  @journey:not-found
  Scenario: A low-confidence visitor follows a broken link
    Given I am a low-confidence customer
    And I open the "missing" page
    Then every message should be kind
    And the journey should feel considerate

  @journey:change-password
  Scenario: A returning tester wants to change the password
    Given I am a returning team member
    And I open the "sign-in" page
    When I sign in with my username
    And I open the account menu
    And I press "Change password"
    And I sign in with my username
    Then nothing I said should be lost
    And every message should be kind
