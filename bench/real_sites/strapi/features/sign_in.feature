Feature: Sign in to the community centre's content admin
  As someone who keeps the community centre's workshop programme up to date
  I want to sign in and out of the admin
  So that I can change the programme and leave it safely

  @journey:sign-in-wrong
  Scenario: An anxious editor gets the password wrong
    Given I am an anxious customer
    And I open the "sign-in" page
    When I fill in "Email" with "admin@example.org"
    And I fill in "Password" with "Wrong-Password-1"
    And I press "Login"
    Then I should see "Invalid credentials"
    And nothing I said should be lost
    And every message should be kind
    And I should be reassured while I wait

  @journey:sign-in-empty
  Scenario: A hurried editor presses Login before typing anything
    Given I am a hurried customer
    And I open the "sign-in" page
    When I press "Login"
    Then I should see an error
    And every message should be kind

  @journey:signed-in
  Scenario: A returning editor signs in and is known
    Given I am a returning team member
    And I open the "sign-in" page
    When I sign in
    Then I should be greeted by name
    And nothing I said should be lost

  @journey:sign-out
  Scenario: A returning editor signs out from the avatar's menu
    Given I am a returning team member
    And I am signed in
    When I open the account menu
    And I press "Log out"
    Then I should see "Log in to your Strapi account"
    And I should know what happens next
    And the journey should feel considerate

  @journey:not-found
  Scenario: A low-confidence editor follows a broken link inside the admin
    Given I am a returning team member
    And I am signed in
    When I open the "missing" page
    Then every message should be kind
    And the journey should feel considerate
