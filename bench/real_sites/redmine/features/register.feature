Feature: Join the volunteers' tracker
  As someone who has just joined the garden's volunteers
  I want to register
  So that I can report problems in the garden

  @journey:register-invalid
  Scenario: A hurried newcomer picks a taken login, leaves the @ out and mistypes the password
    Given I am a hurried customer
    And I open the "register" page
    When I fill in the form:
      | label        | value             |
      | Login        | alex              |
      | Password     | Compost-Heap-42   |
      | Confirmation | Compost-Heap-24   |
      | First name   | Jamie             |
      | Last name    | Rivers            |
      | Email        | jamie.example.org |
    And I press "Submit"
    Then I should see "Email is invalid"
    And every message should be kind
    And nothing I said should be lost

  @journey:register
  Scenario: An anxious newcomer registers
    Given I am an anxious customer
    And I open the "register" page
    When I fill in the form:
      | label        | value             |
      | Login        | jamie             |
      | Password     | Compost-Heap-42   |
      | Confirmation | Compost-Heap-42   |
      | First name   | Jamie             |
      | Last name    | Rivers            |
      | Email        | jamie@example.org |
    And I press "Submit"
    Then I should see "Account was successfully created"
    And I should know what happens next
    And every message should be kind

  @journey:register-inactive
  Scenario: A low-confidence newcomer registers and signs in before opening the activation mail
    Given I am a low-confidence customer
    And I open the "register" page
    When I fill in the form:
      | label        | value             |
      | Login        | priya             |
      | Password     | Seed-Trays-2027   |
      | Confirmation | Seed-Trays-2027   |
      | First name   | Priya             |
      | Last name    | Shah              |
      | Email        | priya@example.org |
    And I press "Submit"
    Then I should see "Account was successfully created"
    When I enter "priya" in "Login"
    And I enter "Seed-Trays-2027" in "Password"
    And I press the "Login" button
    Then I should see "activated"
    And every message should be kind
    And I should not be asked for anything twice
