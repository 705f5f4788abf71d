Feature: Look after my account
  As a member with an account
  I want to change my password and tell the site's makers what I think
  So that my account stays mine and the site gets better

  Background:
    Given I am a returning team member
    And I am signed out
    And I open the "sign-in" page
    When I sign in with my username

  @journey:change-password-wrong
  Scenario: A returning member mistypes the old password
    When I open the "change-password" page
    And I enter "wrong-one-1" in "Old password"
    And I fill in "New password" with "Rowing-Boat-77"
    And I fill in "New password confirmation" with "Rowing-Boat-77"
    And I press "Save"
    Then I should see "entered incorrectly"
    And every message should be kind
    And nothing I said should be lost

  @journey:feedback-sent
  Scenario: A returning member sends feedback
    When I open the "feedback" page
    And I fill in "Comment" with "Could the weight form say kg or lb, please?"
    And I press "Submit"
    Then I should see "Your feedback was successfully sent"
    And I should know what happens next
    And I should not be asked for anything twice
    And every message should be kind
