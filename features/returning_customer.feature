@journey:returning-customer @priority:high
Feature: Come back as a returning customer
  As a customer who has claimed before
  I want Harbour Mutual to recognise me when I sign in
  So that I never have to tell them again what they already know

  Background:
    Given I am a returning customer with a previous claim

  Scenario: My dashboard greets me and shows my earlier claim
    When I open the "sign-in" page
    And I sign in
    Then I should be on the "dashboard" page
    And I should be greeted by name
    And nothing I said should be lost

  Scenario: A new claim starts from what Harbour Mutual already knows about me
    When I open the "sign-in" page
    And I sign in
    And I open the "claims" page
    Then "Policy number" should already contain my policy number
    And "Email address" should already contain my email address
    And I should not be asked for anything twice

  Scenario: The claim I have just made shows on my dashboard
    When I open the "sign-in" page
    And I sign in
    And I open the "claims" page
    And I choose "Theft or break-in" for "Type of incident"
    And I fill in the form
    And I press "Continue"
    And I enter my address in "Where did it happen?"
    And I fill in the form
    And I press "Continue"
    And I fill in the form
    And I choose "Evening (5pm to 8pm)" for "When's the best time to call you?"
    And I press "Submit claim"
    And I open the "dashboard" page
    Then nothing I said should be lost
