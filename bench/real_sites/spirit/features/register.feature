Feature: Join the gardeners' forum
  As a new member of the club
  I want to create an account
  So that I can ask the other members questions

  @journey:register
  Scenario: An anxious newcomer creates an account
    Given I am an anxious customer
    And I open the "register" page
    When I fill in the form:
      | label              | value            |
      | Username           | my username      |
      | Email address      | my email address |
      | Email confirmation | my email address |
      | Password           | Blue-Kettle-42   |
    And I press the "Register" button
    Then I should see "activate your account"
    And I should not be asked for anything twice
    And I should know what happens next
    And every message should be kind

  @journey:register-taken
  Scenario: A hurried newcomer picks a username someone already has
    Given I am a hurried customer
    And I open the "register" page
    When I fill in the form:
      | label              | value            |
      | Username           | alex             |
      | Email address      | my email address |
      | Email confirmation | my email address |
      | Password           | Blue-Kettle-42   |
    And I press the "Register" button
    Then I should see "The username is taken"
    And nothing I said should be lost
    And I should not be asked for anything twice

  @journey:sign-in-before-activation
  Scenario: An anxious newcomer signs in straight after registering
    Given I am an anxious customer
    And I open the "register" page
    When I fill in the form:
      | label              | value            |
      | Username           | my username      |
      | Email address      | my email address |
      | Email confirmation | my email address |
      | Password           | Blue-Kettle-42   |
    And I press the "Register" button
    And I enter my username in "Username"
    And I enter "Blue-Kettle-42" in "Password"
    And I press the "Login" button
    Then I should see an error
    And every message should be kind
    And I should know what happens next

  @journey:resend-activation
  Scenario: A low-confidence newcomer asks for the activation mail again
    Given I am a low-confidence customer
    And I open the "register" page
    When I fill in the form:
      | label              | value            |
      | Username           | my username      |
      | Email address      | my email address |
      | Email confirmation | my email address |
      | Password           | Blue-Kettle-42   |
    And I press the "Register" button
    And I press "Resend activation email"
    And I enter my email address in "Email"
    And I press the "Resend email" button
    Then I should know what happens next
    And every message should be kind
