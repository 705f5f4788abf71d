Feature: Find a page and get back into an account
  As a member of the team
  I want to find the page I need and reset a forgotten password
  So that I can get on with my work

  @journey:forgot-password-unknown
  Scenario: An anxious member asks for a new password with a username that does not exist
    Given I am an anxious customer
    And I open the "new-password" page
    When I enter "alex.morgan" in "Username"
    And I press the "Set new password" button
    Then I should see "can't find this user"
    And every message should be kind

  @journey:forgot-password
  Scenario: An anxious member asks for a new password
    Given I am an anxious customer
    And I open the "new-password" page
    When I enter "alex" in "Username"
    And I press the "Set new password" button
    Then I should see "confirmation link has been sent"
    And I should know what happens next
    And every message should be kind

  @journey:search-no-results
  Scenario: A low-confidence member searches for something the handbook does not cover
    Given I am a low-confidence customer
    And I open the "home" page
    When I enter "parking permit" in "Search"
    And I press the "Search" button
    Then I should see "Nothing was found"
    And every message should be kind

  @journey:missing-page
  Scenario: A member follows a link to a page nobody has written yet
    Given I am an anxious customer
    And I open "/doku.php?id=team:parking"
    Then I should see "This topic does not exist yet"
    And every message should be kind
