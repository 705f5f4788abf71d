Feature: Get back into an account
  As a volunteer who has forgotten the password
  I want a new one by e-mail
  So that I can sign in again

  @journey:reset
  Scenario: A volunteer asks for a new password
    Given I am a returning team member
    And I open the "sign-in" page
    When I press "Forgot my password"
    And I fill in "Email address" with my email address
    And I press "Submit"
    Then I should see "We have sent you"
    And I should know what happens next
    When I open the link in the e-mail I was sent
    Then I should see "New password"
    And every message should be kind

  @journey:reset-unknown
  Scenario: A hurried visitor asks for a new password for an address with no account
    Given I am a hurried customer
    And I open the "reset" page
    When I fill in "Email address" with "nobody-here@example.test"
    And I press "Submit"
    Then I should see "no profile"
    And every message should be kind
