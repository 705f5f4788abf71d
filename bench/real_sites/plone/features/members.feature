Feature: Post on the noticeboard and keep my account
  As a plot holder with an account
  I want to post notices and change my password
  So that other members see what I found and my account stays mine

  Background:
    Given I am a returning team member
    And I open the "sign-in" page
    When I sign in with my username

  @journey:add-notice
  Scenario: A returning plot holder posts a found watering can
    When I open the "noticeboard" page
    And I open the "Add new…" menu
    And I press "News Item"
    And I fill in "Title" with "Found: a green watering can"
    And I fill in "Summary" with "Found near the east gate on Saturday"
    And I press "Save"
    Then I should see "Item created"
    And I should know what happens next
    And every message should be kind

  @journey:change-password-wrong
  Scenario: A returning plot holder mistypes the current password
    When I open the "change-password" page
    And I enter "wrong-one-1" in "Current password"
    And I fill in "New password" with "Compost-Heap-77"
    And I fill in "Confirm password" with "Compost-Heap-77"
    And I press "Change Password"
    Then I should see "Incorrect value"
    And every message should be kind
