Feature: Add and find the bills we share
  As a housemate
  I want to add what I paid and find earlier bills
  So that the balances stay right

  Background:
    Given I am a returning team member
    And I open the "sign-in" page
    When I enter "riverside-house" in "Project identifier"
    And I enter my password in "Private code"
    And I press "submit"

  @journey:add-bill
  Scenario: A returning housemate adds a bill, then starts the next one
    When I press "Add a new bill"
    And I fill in "What?" with "Pizza night"
    And I choose "Sam" for "Who paid?"
    And I fill in "How much?" with "36.40"
    And I press "Submit"
    Then I should see "The bill has been added"
    And I should know what happens next
    And every message should be kind
    When I press "Add a new bill"
    Then nothing I said should be lost
    And "Who paid?" should be "Sam"

  @journey:add-bill-amount
  Scenario: A hurried housemate writes the amount in words
    When I press "Add a new bill"
    And I fill in "What?" with "Window cleaner"
    And I choose "Priya" for "Who paid?"
    And I fill in "How much?" with "twelve pounds"
    And I press "Submit"
    Then I should see an error
    And every message should be kind
    And nothing I said should be lost

  @journey:bill-search
  Scenario: A low-confidence housemate looks for a bill nobody added
    When I press "Show filters"
    And I search for "parking permit"
    Then the journey should feel considerate
