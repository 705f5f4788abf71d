Feature: Join the allotment society's site
  As someone who has just been given a plot
  I want to register
  So that I can read and post notices

  @journey:register-mismatch
  Scenario: A hurried newcomer types two different passwords
    Given I am a hurried customer
    And I open the "register" page
    When I fill in the form:
      | label            | value             |
      | Full Name        | Jamie Rivers      |
      | Email            | jamie@example.org |
      | User Name        | jamie             |
      | Password         | Compost-Heap-42   |
      | Confirm password | Compost-Heap-24   |
    And I press "Register"
    Then I should see "Passwords do not match"
    And every message should be kind
    And nothing I said should be lost

  @journey:register-email
  Scenario: A low-confidence newcomer leaves the @ out of the e-mail address
    Given I am a low-confidence customer
    And I open the "register" page
    When I fill in the form:
      | label            | value           |
      | Full Name        | Sam Lee         |
      | Email            | sam.example.org |
      | User Name        | samlee          |
      | Password         | Compost-Heap-42 |
      | Confirm password | Compost-Heap-42 |
    And I press "Register"
    Then I should see "Invalid email address"
    And every message should be kind
    And nothing I said should be lost

  @journey:register-success
  Scenario: An anxious newcomer registers and logs in
    Given I am an anxious customer
    And I open the "register" page
    When I fill in the form:
      | label            | value             |
      | Full Name        | Jamie Rivers      |
      | Email            | jamie@example.org |
      | User Name        | jamie             |
      | Password         | Compost-Heap-42   |
      | Confirm password | Compost-Heap-42   |
    And I press "Register"
    Then I should see "You have been registered"
    And every message should be kind
    When I press the "Log in" button
    Then I should see "You are now logged in"
    And I should not be asked for anything twice
