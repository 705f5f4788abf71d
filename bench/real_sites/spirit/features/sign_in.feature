Feature: Sign in to the gardeners' forum
  As a member of the club
  I want to sign in to the forum
  So that I can post and reply

  @journey:sign-in
  Scenario: A returning member signs in from the Login page
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
    And I press the "Login" button
    And I enter "not-my-password-2" in "Password"
    And I press the "Login" button
    Then I should see "correct username and password"
    And the error should be announced
    And I should know what happens next
    And nothing I said should be lost
    And I should not be asked for anything twice

  @journey:sign-in-empty
  Scenario: A hurried member presses Login before typing anything
    Given I am a hurried customer
    And I open the "sign-in" page
    When I press the "Login" button
    Then I should see the browser's validation message
    And the journey should feel considerate

  @journey:sign-in-from-topic
  Scenario: A returning member signs in from the topic they were reading
    Given I am a returning team member
    And I open "/topic/1/water-rota-for-the-summer/"
    When I press "Log in"
    And I sign in with my username
    Then I should see "Water rota for the summer"
    And nothing I said should be lost
    And every message should be kind
