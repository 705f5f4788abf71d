Feature: Join the forum
  As someone from the garden who has no account yet
  I want to register and activate my account
  So that I can post

  @journey:register-taken
  Scenario: A newcomer picks a name and an address that already have an account
    Given I am an anxious customer
    And I open the "home" page
    When I press "Register"
    And I fill in "Username" with "alex"
    And I fill in "E-mail" with "alex@example.test"
    And I fill in "Password" with "Tomato-cage-42"
    And I press "Register account"
    Then I should see "This username is not available"
    And the error should be announced
    And every message should be kind

  @journey:register
  Scenario: A newcomer registers
    Given I am an anxious customer
    And I open the "home" page
    When I press "Register"
    And I fill in "Username" with my username
    And I fill in "E-mail" with my email address
    And I fill in "Password" with "Tomato-cage-42"
    And I press "Register account"
    Then I should see "We have sent an e-mail"
    And I should know what happens next

  @journey:activate
  Scenario: A newcomer activates their account from the e-mail
    Given I am hurried
    And I open the "home" page
    When I press "Register"
    And I fill in "Username" with my username
    And I fill in "E-mail" with my email address
    And I fill in "Password" with "Tomato-cage-42"
    And I press "Register account"
    And I open the link in the e-mail I was sent
    Then I should see "has been activated"
    And every message should be kind

  @journey:sign-in-inactive
  Scenario: A newcomer signs in before opening the activation e-mail
    Given I am an anxious customer
    And I open the "home" page
    When I press "Register"
    And I fill in "Username" with my username
    And I fill in "E-mail" with my email address
    And I fill in "Password" with "Tomato-cage-42"
    And I press "Register account"
    And I press "Ok"
    And I press "Sign in"
    And I fill in "Username or e-mail" with my username
    And I fill in "Password" with "Tomato-cage-42"
    And I press "Sign in" in the "Sign in" dialog
    Then I should see "activate your account"
    And every message should be kind
