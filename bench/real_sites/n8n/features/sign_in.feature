Feature: Sign in to the automation workspace
  As a member of the team
  I want to sign in
  So that I can look after our workflows

  @journey:sign-in-empty
  Scenario: A low-confidence member presses Sign in before typing anything
    Given I am a low-confidence customer
    And I open the "sign-in" page
    When I press "Sign in"
    Then I should see "This field is required"
    And every message should be kind

  @journey:sign-in-bad-email
  Scenario: A hurried member leaves the @ out of the address
    Given I am a hurried customer
    And I open the "sign-in" page
    When I fill in "Email" with "admin.example.org"
    And I fill in "Password" with "Compost-Heap-42"
    And I press "Sign in"
    Then I should see "Must be a valid email"
    And every message should be kind
    And nothing I said should be lost

  @journey:sign-in-wrong
  Scenario: The owner mistypes the password
    Given I am "organizer"
    And I open the "sign-in" page
    When I enter my email address in "Email"
    And I fill in "Password" with "Wrong-Compost-1"
    And I press "Sign in"
    Then I should see "Problem logging in"
    And every message should be kind
    And nothing I said should be lost

  @journey:sign-in
  Scenario: A returning member signs in
    Given I am a returning team member
    And I open the "sign-in" page
    When I sign in
    Then I should see "Overview"
    And the journey should feel considerate

  @journey:sign-out
  Scenario: A returning member signs out
    Given I am a returning team member
    And I am signed in
    When I sign out
    Then I should see "Sign in"
    And the journey should feel considerate
