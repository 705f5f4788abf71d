Feature: Join the neighbourhood bulletin as a member
  As someone who lives in Riverside
  I want to sign up and sign in with my e-mail address
  So that I get the bulletin by e-mail and can read the members' notes

  @journey:signup-empty
  Scenario: An anxious reader presses "Sign up" before typing anything
    Given I am an anxious customer
    And I open the "sign-up" page
    When I press "Sign up"
    Then I should see "Enter your email address"
    And every message should be kind

  @journey:signup-bad-email
  Scenario: A hurried reader leaves the @ out of the e-mail address
    Given I am a hurried customer
    And I open the "sign-up" page
    When I fill in "Name" with "Jamie Rivers"
    And I fill in "Email" with "jamie.example.org"
    And I press "Sign up"
    Then I should see "Invalid email address"
    And every message should be kind
    And nothing I said should be lost

  @journey:signup-success
  Scenario: An anxious reader signs up
    Given I am an anxious customer
    And I open the "sign-up" page
    When I fill in "Name" with "Jamie Rivers"
    And I fill in "Email" with my email address
    And I press "Sign up"
    Then I should see "Now check your email"
    And I should know what happens next
    And every message should be kind

  @journey:signup-reload
  Scenario: A low-confidence reader reloads the page half-way through signing up
    Given I am a low-confidence customer
    And I open the "sign-up" page
    When I fill in "Name" with "Sam Lee"
    And I fill in "Email" with "sam@example.org"
    And I reload the page
    Then nothing I said should be lost

  @journey:member-sign-in
  Scenario: A returning member asks for a sign-in link
    Given I am a returning team member
    And I open the "member-sign-in" page
    When I enter my email address in "Email"
    And I press "Continue"
    Then I should see "Now check your email"
    And I should know what happens next
    And every message should be kind

  @journey:member-sign-in-unknown
  Scenario: An anxious reader signs in with an address that has no membership
    Given I am an anxious customer
    And I open the "member-sign-in" page
    When I fill in "Email" with "nobody@example.org"
    And I press "Continue"
    Then I should see "Failed to log in"
    And every message should be kind
    And nothing I said should be lost

  @journey:members-only-post
  Scenario: A low-confidence reader opens a post for members only
    Given I am a low-confidence customer
    And I open the "members-post" page
    Then I should see "This post is for subscribers only"
    And every message should be kind
