@journey:add-group
Feature: Adding a group
  Scenario: Save an empty group, then a named one
    Given I am "staff"
    And I open the "sign-in" page
    When I sign in with my username
    And I open the "add-group" page
    And I press "Save"
    Then I should see "This field is required."
    When I fill in "Name" with "Night shift"
    And I press "Save"
    Then I should see "was added successfully"
    And the journey should feel considerate
