@journey:update-payment @priority:high
Feature: Update my payment card
  As a customer whose card has changed
  I want to save my new card details without fuss
  So that my cover carries on, and I am told kindly what to do when something goes wrong

  Background:
    Given I am a returning customer
    And I open the "sign-in" page
    And I sign in
    And I open the "payment" page

  Scenario: I save a new card
    When I fill in the form
    And I press "Save card"
    Then every message should be kind
    And I should know what happens next

  Scenario Outline: Saving a card that <what>
    When I fill in "Name on the card" with my name on the card
    And I enter "<card number>" in "Card number"
    And I enter my card expiry date in "Expiry date"
    And I enter my security code in "Security code"
    And I press "Save card"
    Then every message should be kind
    And I should know what happens next

    Examples:
      | what                       | card number      |
      | my bank declines           | 4000000000000002 |
      | fails on Harbour's side    | 4000000000000500 |
