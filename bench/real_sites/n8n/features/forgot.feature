Feature: Get back into my account
  As a member who forgot the password
  I want a recovery link
  So that I can sign in again

  @journey:forgot-bad-email
  Scenario: A low-confidence member leaves the @ out of the address
    Given I am a low-confidence customer
    And I open the "forgot-password" page
    When I fill in "Email" with "alex.example.test"
    And I press "Email me a recovery link"
    Then I should see "Must be a valid email"
    And every message should be kind

  @journey:forgot-unknown
  Scenario: An anxious visitor asks for a link for an address with no account
    Given I am an anxious customer
    And I open the "forgot-password" page
    When I fill in "Email" with "nobody@example.org"
    And I press "Email me a recovery link"
    Then I should see "Recovery email sent"
    And every message should be kind

  @journey:forgot-known
  Scenario: A returning member asks for a recovery link
    Given I am a returning team member
    And I open the "forgot-password" page
    When I enter my email address in "Email"
    And I press "Email me a recovery link"
    Then I should see "Recovery email sent"
    And I should know what happens next
    And every message should be kind
