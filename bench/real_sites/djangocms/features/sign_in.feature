Feature: Signing in to edit the garden's pages
  As a volunteer who looks after the garden's website
  I want to sign in, and get back in when I forget my password
  So that I can keep the pages up to date

  @journey:sign-in
  Scenario: An anxious editor gets the password wrong
    Given I am an anxious customer
    And I open the "sign-in" page
    When I fill in "Username" with "alex"
    And I fill in "Password" with "not-my-password"
    And I press "Log in"
    Then I should see "Please enter the correct username and password"
    And nothing I said should be lost
    And I should not be asked for anything twice
    And every message should be kind

  @journey:signed-in
  Scenario: A returning editor signs in
    Given I am a returning team member
    And I open the "sign-in" page
    When I sign in with my username
    Then I should see "Site administration"
    And I should be greeted by name
    And nothing I said should be lost

  @journey:reset-password
  Scenario: A hurried editor has forgotten the password
    Given I am a hurried customer
    And I open the "sign-in" page
    When I press "Forgotten your login credentials?"
    And I fill in "Email address" with my email address
    And I press "Reset my password"
    Then I should see "emailed you instructions"
    And I should know what happens next
    And every message should be kind

  @journey:new-password
  Scenario: A returning editor follows the mailed link and types two different new passwords
    Given I am a returning team member
    And I open the "sign-in" page
    When I press "Forgotten your login credentials?"
    And I fill in "Email address" with my email address
    And I press "Reset my password"
    And I open the link in the e-mail I was sent
    And I fill in "New password" with "Lantern-Moss-42"
    And I fill in "Confirm password" with "Lantern-Moss-24"
    And I press "Change my password"
    Then I should see an error
    And nothing I said should be lost
    And every message should be kind

  @journey:sign-out
  Scenario: A returning editor signs out from a page
    Given I am a returning team member
    And I am signed in
    When I open the "home" page
    And I sign out
    Then I should see "Volunteer mornings are every Saturday"
    And I should know what happens next
