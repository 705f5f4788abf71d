Feature: Accept an invitation to the admin
  As a volunteer the administrator invited
  I want to set my password from the invitation
  So that I can start adding workshops

  @journey:invitation
  Scenario: An anxious volunteer accepts the invitation
    Given I am an anxious customer
    And I open the "invitation" page
    When I fill in "Password" with "Green-Teapot-81"
    And I fill in "Confirm Password" with "Green-Teapot-81"
    And I press "Let's start"
    Then I should see "Hello Sam"
    And I should not be asked for anything twice
    And I should know what happens next
    And every message should be kind

  @journey:invitation-weak-password
  Scenario: A low-confidence volunteer chooses a short password and mistypes it
    Given I am a low-confidence customer
    And I open the "second-invitation" page
    When I fill in "Password" with "abc"
    And I fill in "Confirm Password" with "abd"
    And I press "Let's start"
    Then I should see "Passwords do not match"
    And every message should be kind
    And nothing I said should be lost

  @journey:invitation-reload
  Scenario: A hurried volunteer reloads the invitation half-way
    Given I am a hurried customer
    And I open the "second-invitation" page
    When I fill in "Last name" with "Taylor-Reed"
    And I reload the page
    Then nothing I said should be lost

  @journey:invitation-used
  Scenario: A volunteer opens an invitation link that no longer works
    Given I am a low-confidence customer
    And I open the "old-invitation" page
    Then I should see "Oops"
    And every message should be kind
    And the journey should feel considerate
