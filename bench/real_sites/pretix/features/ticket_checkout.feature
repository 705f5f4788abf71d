@journey:ticket-checkout
Feature: Buying a ticket
  One ticket: a mistyped e-mail address, a look at an earlier step, the order, the event page again.

  Scenario Outline: One adult ticket, paid at the box office
    Given I am "<persona>"
    And I open the "event" page
    When I add 1 "Adult ticket" to the cart
    And I press "Proceed with checkout"
    And I fill in "Email" with "robin@example"
    And I fill in "How did you hear about the concert?" with "A poster at the library"
    And I press "Continue"
    Then I should see "Enter a valid email address."
    When I enter my email address in "Email"
    And I press "Continue"
    And I press "Go back"
    And I press "Continue"
    And I press "Continue"
    And I press "Place binding order"
    Then I should see "Your order has been placed successfully"
    And I should know what happens next
    When I go back
    And I open the "event" page
    Then the journey should feel considerate

    Examples:
      | persona       |
      | anxious       |
      | screen-reader |
