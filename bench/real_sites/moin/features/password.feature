Feature: Get back into my account
  As a neighbour who forgot their password
  I want to ask for a new one
  So that I can edit pages again

  @journey:lost-password
  Scenario: A returning neighbour asks for a new password from the login page
    Given I am a returning team member
    And I open the "sign-in" page
    When I press "Forgot your password?"
    And I enter my email address in "E-Mail"
    And I press the "Recover password" button
    Then I should see "you will be notified"
    And I should know what happens next
    And every message should be kind

  @journey:reset-empty
  Scenario: A hurried neighbour asks for a new password with nothing typed
    Given I am a hurried customer
    And I open the "lost-password" page
    When I press the "Recover password" button
    Then I should see "is needed"
    And every message should be kind
