Feature: Sign in to the allotments wiki
  As a plot holder who keeps the wiki's pages up to date
  I want to log in and out
  So that my edits carry my name

  @journey:sign-in
  Scenario: A returning member logs in
    Given I am a returning team member
    And I open the "sign-in" page
    When I sign in with my username
    Then I should be greeted by name
    And every message should be kind
    And nothing I said should be lost

  @journey:sign-in-wrong-password
  Scenario: An anxious member gets the password wrong twice
    Given I am an anxious customer
    And I open the "sign-in" page
    When I enter "alex" in "Username"
    And I enter "not-my-password" in "Password"
    And I press the "Log in" button
    And I enter "not-my-password-2" in "Password"
    And I press the "Log in" button
    Then I should see "Incorrect username or password"
    And the error should be announced
    And I should know what happens next
    And nothing I said should be lost
    And I should not be asked for anything twice

  @journey:sign-in-empty
  Scenario: A hurried member presses Log in before typing anything
    Given I am a hurried customer
    And I open the "sign-in" page
    When I press the "Log in" button
    Then I should see the browser's validation message
    And the journey should feel considerate

  @journey:sign-out
  Scenario: A returning member logs out
    Given I am a returning team member
    And I open the "sign-in" page
    When I sign in with my username
    And I sign out
    Then I should see "You are now logged out"
    And every message should be kind
