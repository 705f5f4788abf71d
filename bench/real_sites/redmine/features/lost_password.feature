Feature: Get back into the tracker after forgetting the password
  As a volunteer who has forgotten my password
  I want a new one by e-mail
  So that I can sign in again

  @journey:lost-password
  Scenario: A returning volunteer asks for a new password from the sign-in page
    Given I am a returning team member
    And I open the "sign-in" page
    When I press "Lost password"
    And I enter my email address in "Email"
    And I press "Submit"
    Then I should see "An email with instructions"
    And I should know what happens next
    And every message should be kind

  @journey:lost-password-empty
  Scenario: A hurried volunteer presses Submit with no address
    Given I am a hurried customer
    And I open the "lost-password" page
    When I press "Submit"
    Then I should see an error
    And every message should be kind

  @journey:lost-password-unknown
  Scenario: An anxious volunteer types an address the tracker does not know
    Given I am an anxious customer
    And I open the "lost-password" page
    When I enter "nobody@example.test" in "Email"
    And I press "Submit"
    Then I should see an error
    And nothing I said should be lost
    And every message should be kind
