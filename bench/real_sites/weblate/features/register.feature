Feature: Register to translate
  As someone who would like to help translate the community garden's app
  I want an account
  So that I can translate instead of only suggesting

  @journey:register
  Scenario: An anxious newcomer registers
    Given I am an anxious customer
    And I open the "register" page
    When I fill in "E-mail" with my email address
    And I fill in "Username" with "sam-riverside"
    And I fill in "Full name" with my full name
    And I press "Register"
    Then I should see "Registration almost complete"
    And I should know what happens next
    And every message should be kind

  @journey:register-taken
  Scenario: A low-confidence newcomer picks a username that is taken
    Given I am a low-confidence customer
    And I open the "register" page
    When I fill in "E-mail" with my email address
    And I fill in "Username" with "alex"
    And I fill in "Full name" with my full name
    And I press "Register"
    Then I should see "already taken"
    And nothing I said should be lost
    And every message should be kind
