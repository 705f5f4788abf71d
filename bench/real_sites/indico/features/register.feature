Feature: Make an Indico account
  As a newcomer to the garden
  I want an account of my own
  So that I can sign up for events and make them

  @journey:register
  Scenario: An anxious newcomer verifies the address and makes an account
    Given I am an anxious customer
    And I open the "register" page
    When I fill in "Email address" with my email address
    And I press "Send me a verification email"
    Then I should see "We have sent you a verification email"
    And I should know what happens next
    When I open the link in the e-mail I was sent
    Then I should see "successfully validated your email address"
    When I fill in "First name" with my first name
    And I fill in "Last name" with my last name
    And I fill in "Username" with my username
    And I fill in "Password" with "Tomato-cage-42"
    And I fill in "Confirm password" with "Tomato-cage-42"
    And I press "Create my Indico profile"
    Then I should see "registered your Indico profile"
    And I should know what happens next
    And every message should be kind

  @journey:register-taken-email
  Scenario: A returning volunteer tries to make a second account with their address
    Given I am a returning team member
    And I open the "register" page
    When I fill in "Email address" with my email address
    And I press "Send me a verification email"
    Then I should see "already in use"
    And every message should be kind
    And I should know what happens next

  @journey:register-mismatch
  Scenario: A low-confidence newcomer types the second password differently
    Given I am a low-confidence customer
    And I open the "register" page
    When I fill in "Email address" with my email address
    And I press "Send me a verification email"
    And I open the link in the e-mail I was sent
    And I fill in "First name" with my first name
    And I fill in "Last name" with my last name
    And I fill in "Username" with my username
    And I fill in "Password" with "Tomato-cage-42"
    And I fill in "Confirm password" with "Tomato-cage-24"
    Then the "Create my Indico profile" button should be disabled
    And every message should be kind
    And the journey should feel considerate

  @journey:register-taken
  Scenario: A hurried newcomer picks a username that is taken
    Given I am a hurried customer
    And I open the "register" page
    When I fill in "Email address" with my email address
    And I press "Send me a verification email"
    And I open the link in the e-mail I was sent
    And I fill in "First name" with my first name
    And I fill in "Last name" with my last name
    And I fill in "Username" with "alex"
    And I fill in "Password" with "Tomato-cage-42"
    And I fill in "Confirm password" with "Tomato-cage-42"
    And I press "Create my Indico profile"
    Then the journey should feel considerate
    And I should see an error

  @journey:register-short
  Scenario: A screen-reader user picks a password that is too short
    Given I am a screen-reader user
    And I open the "register" page
    When I fill in "Email address" with my email address
    And I press "Send me a verification email"
    And I open the link in the e-mail I was sent
    And I fill in "First name" with my first name
    And I fill in "Last name" with my last name
    And I fill in "Username" with my username
    And I fill in "Password" with "short"
    And I fill in "Confirm password" with "short"
    And I press "Create my Indico profile"
    Then the journey should feel considerate
    And I should see an error

  @journey:register-reload
  Scenario: An anxious newcomer reloads the profile form half-way
    Given I am an anxious customer
    And I open the "register" page
    When I fill in "Email address" with my email address
    And I press "Send me a verification email"
    And I open the link in the e-mail I was sent
    And I fill in "First name" with my first name
    And I fill in "Last name" with my last name
    And I reload the page
    Then nothing I said should be lost
