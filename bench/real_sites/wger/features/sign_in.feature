Feature: Sign in to my training log
  As someone who logs their workouts and weight
  I want to sign in and out
  So that my training log is mine alone

  @journey:sign-in
  Scenario: A returning member signs in
    Given I am a returning team member
    And I am signed out
    And I open the "sign-in" page
    When I sign in with my username
    Then I should see "Dashboard"
    And I should see "Legs and back"
    And nothing I said should be lost
    And every message should be kind

  @journey:sign-in-wrong
  Scenario: An anxious member types the wrong password
    Given I am an anxious customer
    And I open the "sign-in" page
    When I enter "alex" in "Username"
    And I enter "blue-door-7" in "Password"
    And I press the "Login" button
    Then I should see "Please enter a correct username and password"
    And nothing I said should be lost
    And I should be reassured while I wait

  @journey:sign-out
  Scenario: A returning member signs out at the end of a session
    Given I am a returning team member
    And I am signed out
    And I open the "sign-in" page
    When I sign in with my username
    And I sign out
    Then I should see "Username"
    And I should know what happens next

  @journey:password-reset
  Scenario: An anxious member asks for a new password
    Given I am an anxious customer
    And I open the "sign-in" page
    When I press "Reset password"
    And I enter "alex@example.test" in "Email"
    And I press "Save"
    Then I should see "e-mailed you instructions"
    And I should know what happens next
    And every message should be kind
