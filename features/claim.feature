@journey:claim @priority:high
Feature: Make a claim
  As a policyholder who has just had something go wrong at home or on the road
  I want to tell Harbour Mutual what happened in a few minutes
  So that I know my claim is in safe hands and what happens next

  Scenario Outline: A <persona> customer makes a claim for a water leak
    Given I am "<persona>"
    And I open the "claims" page
    When I choose "Water leak or flood" for "Type of incident"
    And I fill in the form
    And I press "Continue"
    And I enter my address in "Where did it happen?"
    And I fill in the form
    And I press "Continue"
    And I fill in the form
    And I choose "Morning (8am to 12pm)" for "When's the best time to call you?"
    And I press "Submit claim"
    Then I should be on the "confirmation" page
    And I should know what happens next
    And I should not be asked for anything twice
    And every message should be kind

    Examples:
      | persona        |
      | anxious        |
      | hurried        |
      | returning      |
      | low-confidence |
      | screen-reader  |

  @priority:medium
  Scenario: An anxious customer goes back to check the first page
    Given I am an anxious customer
    And I open the "claims" page
    When I choose "Damage to my home" for "Type of incident"
    And I fill in the form
    And I press "Continue"
    And I go back to check my answers
    Then nothing I said should be lost

  @priority:medium
  Scenario: A hurried customer misses a required answer
    Given I am a hurried customer
    And I open the "claims" page
    When I enter my policy number in "Policy number"
    And I enter my email address in "Email address"
    And I press "Continue"
    Then I should be on the "claims" page
    And every message should be kind
    And nothing I said should be lost

  @priority:medium
  Scenario: An anxious customer keeps a copy of the claim
    Given I am an anxious customer
    And I open the "claims" page
    When I choose "Damage to my home" for "Type of incident"
    And I fill in the form
    And I press "Continue"
    And I enter my address in "Where did it happen?"
    And I fill in the form
    And I press "Continue"
    And I fill in the form
    And I choose "Afternoon (12pm to 5pm)" for "When's the best time to call you?"
    And I press "Submit claim"
    And I press "Download"
    Then the journey should feel considerate
