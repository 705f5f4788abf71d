Feature: Sign in to the call for proposals
  As a speaker who sent a proposal to the community tech day
  I want to sign in again
  So that I can see and change what I sent

  @journey:sign-in
  Scenario: An anxious speaker gets the password wrong
    Given I am an anxious customer
    And I open the "sign-in" page
    When I fill in "Email address" in the "I already have an account" section with "alex@example.test"
    And I fill in "Password" in the "I already have an account" section with "not-my-password"
    And I press "Log in"
    Then I should see "No user account matches"
    And nothing I said should be lost
    And I should not be asked for anything twice
    And every message should be kind

  @journey:signed-in
  Scenario: A returning speaker signs in and finds their proposal
    Given I am a returning team member
    And I open the "sign-in" page
    When I sign in
    Then I should see "Fixing bikes with what you have"
    And I should be greeted by name
    And nothing I said should be lost

  @journey:reset-password
  Scenario: A hurried speaker has forgotten the password
    Given I am a hurried customer
    And I open the "sign-in" page
    When I press "Reset password"
    And I fill in "Email address" with my email address
    And I press "Let me set a new one!"
    Then I should see "we will send you an email"
    And I should know what happens next
    And every message should be kind

  @journey:not-found
  Scenario: A low-confidence visitor follows a broken link
    Given I am a low-confidence customer
    And I open the "missing" page
    Then every message should be kind
    And the journey should feel considerate
