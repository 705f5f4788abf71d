Feature: Sign in to a shared project
  As someone who shares a house's expenses
  I want to open our project with its identifier and private code
  So that I can see who owes what

  @journey:sign-in-wrong
  Scenario: An anxious housemate types the wrong private code
    Given I am an anxious customer
    And I open the "home" page
    When I enter "riverside-house" in "Project identifier"
    And I enter "blue-door-7" in "Private code"
    And I press "Log in"
    Then I should see "not the right one"
    And nothing I said should be lost
    And the error should be announced
    And I should be reassured while I wait

  @journey:sign-in-unknown
  Scenario: A hurried housemate signs in with the project's name
    Given I am a returning team member
    And I open the "home" page
    When I sign in as "Riverside House"
    Then I should see "do not exist"
    And every message should be kind
