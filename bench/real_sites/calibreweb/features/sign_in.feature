Feature: Sign in to the library
  As a reader with an account
  I want to sign in and out
  So that I can reach my books and shelves

  @journey:sign-in
  Scenario: A returning reader signs in from a book's page
    Given I am a returning team member
    And I open the "book" page
    When I sign in with my username
    Then I should see "A Study in Scarlet"
    And nothing I said should be lost
    And every message should be kind
    And I should be greeted by name

  @journey:sign-in-wrong-password
  Scenario: A returning reader mistypes the password
    Given I am a returning team member
    And I open the "sign-in" page
    When I fill in "Username" with "alex"
    And I fill in "Password" with "not-my-password-7"
    And I press "Login"
    Then I should see "Wrong Username or Password"
    And nothing I said should be lost
    And every message should be kind

  @journey:sign-in-empty
  Scenario: A hurried reader presses Login before typing anything
    Given I am a hurried customer
    And I open the "sign-in" page
    When I press "Login"
    Then I should see an error
    And every message should be kind
    And the journey should feel considerate

  @journey:sign-out
  Scenario: A returning reader signs out
    Given I am a returning team member
    And I open the "sign-in" page
    When I sign in with my username
    And I sign out
    Then I should see "Login"
    And I should know what happens next
    And the journey should feel considerate

  @journey:forgot-password
  Scenario: An anxious reader has forgotten the password
    Given I am an anxious customer
    And I open the "sign-in" page
    When I fill in "Username" with "sam"
    And I press "Forgot Password?"
    Then I should see "New Password was sent to your email address"
    And I should know what happens next
    And every message should be kind
