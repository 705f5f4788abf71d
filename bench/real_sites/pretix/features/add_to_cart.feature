@journey:add-to-cart
Feature: Adding tickets to the cart
  Scenario: Add to cart without choosing a ticket
    Given I am an anxious customer
    And I open the "event" page
    When I press "Add to cart"
    Then I should see "You didn't select any ticket."
    And every message should be kind
