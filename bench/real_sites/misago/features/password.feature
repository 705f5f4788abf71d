Feature: Passwords
  As a member of the garden's forum
  I want to change my password, or set a new one when I have forgotten it
  So that I can keep signing in

  @journey:forgot-password
  Scenario: A member asks for a link to set a new password
    Given I am a returning team member
    And I open the "forgotten-password" page
    When I fill in "Your e-mail address" with my email address
    And I press "Send link"
    Then I should see "Reset password link was sent"
    And I should know what happens next

  @journey:forgot-password-unknown
  Scenario: Someone asks for a link for an address with no account
    Given I am an anxious customer
    And I open the "forgotten-password" page
    When I fill in "Your e-mail address" with my email address
    And I press "Send link"
    Then I should see an error
    And every message should be kind

  @journey:reset-password
  Scenario: A new member sets a new password from the mailed link
    Given I am hurried
    And I open the "home" page
    When I press "Register"
    And I fill in "Username" with my username
    And I fill in "E-mail" with my email address
    And I fill in "Password" with "Tomato-cage-42"
    And I press "Register account"
    And I open the link in the e-mail I was sent
    And I open the "forgotten-password" page
    And I fill in "Your e-mail address" with my email address
    And I press "Send link"
    And I open the link in the e-mail I was sent
    And I fill in "Enter new password" with "Bean-poles-2026"
    And I press "Change password"
    Then I should see "your password has been changed"
    And every message should be kind

  @journey:change-password-wrong
  Scenario: A member types a wrong current password when changing it
    Given I am a returning team member
    And I open the "home" page
    When I press "Sign in"
    And I sign in with my username
    And I open the "change-password" page
    And I fill in "New password" in the "Change password" section with "Runner-beans-77"
    And I fill in "Repeat password" in the "Change password" section with "Runner-beans-77"
    And I fill in "Your current password" in the "Change password" section with "not-my-password-9"
    And I press "Change password"
    Then I should see "Entered password is invalid"
    And the error should be announced
    And every message should be kind
    And nothing I said should be lost

  @journey:change-password
  Scenario: A member changes their password
    Given I am a returning team member
    And I open the "home" page
    When I press "Sign in"
    And I sign in with my username
    And I open the "change-password" page
    And I fill in "New password" in the "Change password" section with "Runner-beans-77"
    And I fill in "Repeat password" in the "Change password" section with "Runner-beans-77"
    And I fill in "Your current password" in the "Change password" section with my password
    And I press "Change password"
    Then I should know what happens next
