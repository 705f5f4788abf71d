@journey:add-user
Feature: Adding a user
  A member of staff adds an account, sending the form empty and then with mistakes first.

  Scenario: Add a user after an empty and a mistaken form
    Given I am "staff-screen-reader"
    And I open the "sign-in" page
    When I sign in with my username
    And I open the "add-user" page
    And I press "Save"
    Then I should see "This field is required."
    When I fill in "Username" with "Jamie Fox"
    And I fill in "Password" with "correct horse battery 9"
    And I fill in "Password confirmation" with "correct horse battery 8"
    And I press "Save"
    Then I should see "The two password fields didn’t match."
    When I fill in "Username" with "jamie"
    And I fill in "Password" with "correct horse battery 9"
    And I fill in "Password confirmation" with "correct horse battery 9"
    And I press "Save"
    Then I should see "was added successfully"
    And the journey should feel considerate
