Feature: Sign in to Label Studio
  As someone who labels data for the community archive
  I want to sign in
  So that I can get back to my projects

  @journey:sign-in
  Scenario: A returning labeller signs in
    Given I am a returning team member
    And I open the "sign-in" page
    When I sign in
    Then I should see "Street signs"
    And nothing I said should be lost

  @journey:sign-in-wrong
  Scenario: A returning labeller mistypes the password
    Given I am a returning team member
    And I open the "sign-in" page
    When I fill in "Email Address" with my email address
    And I fill in "Password" with "not-my-password-1"
    And I press "Log in"
    Then I should see "don't match"
    And the error should be announced
    And every message should be kind
    And nothing I said should be lost

  @journey:sign-in-empty
  Scenario: A hurried labeller presses "Log in" before typing anything
    Given I am a hurried customer
    And I open the "sign-in" page
    When I press "Log in"
    Then I should see an error
    And every message should be kind
    And I should be reassured while I wait
