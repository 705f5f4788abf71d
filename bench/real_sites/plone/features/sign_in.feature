Feature: Sign in to the allotment society's site
  As a plot holder
  I want to sign in with my user name
  So that I can post on the noticeboard

  @journey:sign-in
  Scenario: A returning plot holder signs in
    Given I am a returning team member
    And I open the "sign-in" page
    When I sign in with my username
    Then I should see "You are now logged in"
    And I should know what happens next
    And every message should be kind
    And nothing I said should be lost

  @journey:sign-in-wrong
  Scenario: An anxious plot holder types the wrong password
    Given I am an anxious customer
    And I open the "sign-in" page
    When I enter "alex" in "Login Name"
    And I enter "blue-door-7" in "Password"
    And I press the "Log in" button
    Then I should see "Login failed"
    And the error should be announced
    And nothing I said should be lost
    And I should be reassured while I wait

  @journey:password-reset
  Scenario: An anxious plot holder asks for a new password
    Given I am an anxious customer
    And I open the "sign-in" page
    When I press "Get help"
    And I enter "alex" in "Username"
    And I press "Reset your password"
    Then I should see "An email has been sent"
    And I should know what happens next
    And every message should be kind
