Feature: Create a Label Studio account
  As a volunteer who was asked to help label the archive's reports
  I want an account
  So that I can join the projects

  @journey:signup
  Scenario: An anxious newcomer creates an account
    Given I am an anxious customer
    And I open the "sign-up" page
    When I fill in "Email Address" with my email address
    And I fill in "Password" with "Green-Teapot-81"
    And I press "Create Account"
    Then I should know what happens next
    And I should not be asked for anything twice
    And every message should be kind

  @journey:signup-empty
  Scenario: A hurried newcomer presses "Create Account" with nothing filled in
    Given I am a hurried customer
    And I open the "sign-up" page
    When I press "Create Account"
    Then I should see "This field is required."
    And every message should be kind

  @journey:signup-taken
  Scenario: A returning labeller tries to sign up again with the same address
    Given I am a returning team member
    And I open the "sign-up" page
    When I fill in "Email Address" with my email address
    And I fill in "Password" with "Green-Teapot-81"
    And I press "Create Account"
    Then I should see "already exists"
    And every message should be kind
    And nothing I said should be lost

  @journey:signup-short-password
  Scenario: A low-confidence newcomer chooses a password that is too short
    Given I am a low-confidence customer
    And I open the "sign-up" page
    When I fill in "Email Address" with my email address
    And I fill in "Password" with "abc"
    And I press "Create Account"
    Then I should see "8–128 characters"
    And every message should be kind
