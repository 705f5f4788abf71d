Feature: Create an account to send proposals
  As someone who would like to speak at the community tech day
  I want an account
  So that I can send a proposal and follow it

  @journey:register
  Scenario: An anxious newcomer creates an account
    Given I am an anxious customer
    And I open the "sign-in" page
    When I fill in "Name (display name)" with my full name
    And I fill in "Email address" in the "I need a new account" section with my email address
    And I fill in "Password" in the "I need a new account" section with "Green-Teapot-81"
    And I fill in "Password (again)" with "Green-Teapot-81"
    And I press "Register"
    Then I should know what happens next
    And I should not be asked for anything twice
    And every message should be kind

  @journey:register-weak-password
  Scenario: A low-confidence newcomer chooses a password that is too short
    Given I am a low-confidence customer
    And I open the "sign-in" page
    When I fill in "Name (display name)" with my full name
    And I fill in "Email address" in the "I need a new account" section with my email address
    And I fill in "Password" in the "I need a new account" section with "abc"
    And I fill in "Password (again)" with "abc"
    And I press "Register"
    Then I should see "too short"
    And every message should be kind
    And I should be reassured while I wait
