Feature: Sign in to the community tracker
  As a volunteer who reports problems in the community centre
  I want to sign in to the tracker
  So that my reports carry my name

  @journey:sign-in
  Scenario: An anxious member gets the password wrong
    Given I am an anxious customer
    And I open the "home" page
    When I enter "alex" in "Login"
    And I enter "not-my-password" in "Password"
    And I press the "Login" button
    Then I should see "Invalid login"
    And nothing I said should be lost
    And every message should be kind

  @journey:signed-in
  Scenario: A returning member signs in
    Given I am "team-member"
    And I open the "home" page
    When I sign in
    Then I should be greeted by name
    And nothing I said should be lost
    And every message should be kind

  @journey:password-reset
  Scenario: A member who forgot their password asks for a new one by username
    Given I am an anxious customer
    And I open the "lost-login" page
    When I enter "alex" in "Username"
    And I press the "Request password reset" button
    Then every message should be kind
    And I should know what happens next
