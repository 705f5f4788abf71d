@journey:resend-order-link
Feature: Asking for the order link again
  Scenario: Someone who lost the e-mail with their order link
    Given I am an anxious customer
    And I open the "event" page
    When I press "Resend order link"
    And I enter my email address in "Email"
    And I press "Send links"
    Then I should see "If there were any orders"
    And I should know what happens next
    And every message should be kind
