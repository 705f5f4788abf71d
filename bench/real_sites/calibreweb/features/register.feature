Feature: Register as a new reader
  As someone who wants to borrow from the library
  I want to make an account
  So that I can sign in and keep my own shelves

  @journey:register
  Scenario: An anxious newcomer registers
    Given I am an anxious customer
    And I open the "register" page
    When I fill in the form:
      | label    | value            |
      | Username | priya_reads      |
      | Email    | my email address |
    And I press "Register"
    Then I should see "Confirmation Email has been sent"
    And I should know what happens next
    And every message should be kind

  @journey:register-taken-name
  Scenario: A low-confidence newcomer picks a username someone has
    Given I am a low-confidence customer
    And I open the "register" page
    When I fill in "Username" with "alex"
    And I fill in "Email" with my email address
    And I press "Register"
    Then I should see "This username is already taken"
    And nothing I said should be lost
    And I should not be asked for anything twice
    And every message should be kind

  @journey:register-taken-email
  Scenario: A hurried newcomer uses an address that already has an account
    Given I am a hurried customer
    And I open the "register" page
    When I fill in "Username" with "jordan_b"
    And I fill in "Email" with "alex@example.test"
    And I press "Register"
    Then I should see "Found an existing account for this Email address"
    And nothing I said should be lost
    And I should not be asked for anything twice
    And every message should be kind

  @journey:register-bad-email
  Scenario: A low-confidence newcomer leaves the @ out of the address
    Given I am a low-confidence customer
    And I open the "register" page
    When I fill in "Username" with "newreader"
    And I fill in "Email" with "newreader.example.org"
    And I press "Register"
    Then I should see the browser's validation message
    And every message should be kind
    And nothing I said should be lost

  @journey:register-reload
  Scenario: An anxious newcomer reloads the form half-way
    Given I am an anxious customer
    And I open the "register" page
    When I fill in "Username" with "sam_reads"
    And I fill in "Email" with my email address
    And I reload the page
    Then nothing I said should be lost
