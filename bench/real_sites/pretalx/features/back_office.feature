Feature: Find proposals in the back office
  As the conference's organiser
  I want to search the proposals
  So that I can find one quickly

  @journey:orga-search
  Scenario: The organiser searches for something no proposal mentions
    Given I am "organizer"
    And I open the "back-office-sign-in" page
    When I sign in
    And I open the "sessions" page
    And I search for "parking permits"
    Then the journey should feel considerate
