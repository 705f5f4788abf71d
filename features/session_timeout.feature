@journey:session-timeout @priority:medium
Feature: Take a break while making a claim
  As a customer who gets interrupted while filling in a form
  I want to be warned before my session ends and to keep what I typed
  So that a phone call or a cup of tea does not cost me my claim

  Scenario: I step away from the claim form and come back
    Given I am a low-confidence customer
    And I open the "claims" page
    When I choose "Theft or break-in" for "Type of incident"
    And I fill in the form
    And I press "Continue"
    And I enter my address in "Where did it happen?"
    And I fill in the form
    And I wait 15 seconds
    And I press "Continue"
    Then nothing I said should be lost
    And I should be reassured while I wait
    And every message should be kind
