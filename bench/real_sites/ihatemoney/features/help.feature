Feature: Get back in when something is forgotten or missing
  As a housemate who has not opened the project for a while
  I want to recover the private code and find my way from a wrong address
  So that I am not locked out

  @journey:password-reminder-unknown
  Scenario: An anxious housemate asks for the code by the project's name
    Given I am an anxious customer
    And I open the "home" page
    When I press "can't remember your password?"
    And I enter "Riverside House" in "Project identifier"
    And I press "submit"
    Then I should see "does not exists"
    And every message should be kind

  @journey:password-reminder
  Scenario: An anxious housemate asks for the code by the project's identifier
    Given I am an anxious customer
    And I open the "password-reminder" page
    When I enter "riverside-house" in "Project identifier"
    And I press "submit"
    Then I should see "has been sent"
    And I should know what happens next
    And every message should be kind

  @journey:missing-page
  Scenario: A low-confidence housemate follows an old link to a bill
    Given I am a low-confidence customer
    And I open the "missing" page
    Then I should see "unable to find"
    And every message should be kind
