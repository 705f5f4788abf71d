Feature: Sign in to the forum
  As a member of the garden's forum
  I want to sign in from any page
  So that I can join the discussions

  @journey:sign-in-wrong
  Scenario: A member types a password that is not theirs
    Given I am a returning team member
    And I open the "home" page
    When I press "Sign in"
    And I fill in "Username or e-mail" with my username
    And I fill in "Password" with "not-my-password-9"
    And I press "Sign in" in the "Sign in" dialog
    Then I should see "Login or password is incorrect"
    And the error should be announced
    And nothing I said should be lost

  @journey:sign-in-empty
  Scenario: A member presses "Sign in" before typing anything
    Given I am a returning team member
    And I open the "home" page
    When I press "Sign in"
    And I press "Sign in" in the "Sign in" dialog
    Then I should see an error
    And every message should be kind

  @journey:sign-in
  Scenario: A member signs in and sees the forum
    Given I am a returning team member
    And I open the "home" page
    When I press "Sign in"
    And I sign in with my username
    Then I should see "Start thread"
    And the journey should feel considerate

  @journey:sign-out
  Scenario: A member signs out
    Given I am a returning team member
    And I open the "home" page
    When I press "Sign in"
    And I sign in with my username
    And I sign out
    Then I should see "Register"
    And the journey should feel considerate
