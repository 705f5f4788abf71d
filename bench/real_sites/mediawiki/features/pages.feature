Feature: Find, read and write the wiki's pages
  As a plot holder
  I want to find the page I need, and write the one that is missing
  So that everyone knows how the allotments work

  @journey:search-no-results
  Scenario: A low-confidence member searches for something no page mentions
    Given I am a low-confidence customer
    And I open the "home" page
    When I search for "parking permit"
    Then I should see "no results"
    And every message should be kind

  @journey:missing-page
  Scenario: An anxious member follows a link to a page nobody has written
    Given I am an anxious customer
    And I open the "missing-page" page
    Then I should see "There is currently no text in this page"
    And I should know what happens next
    And every message should be kind

  @journey:bad-title
  Scenario: A member follows a broken link
    Given I am an anxious customer
    And I open the "broken-link" page
    Then every message should be kind
    And the journey should feel considerate

  @journey:new-page
  Scenario: A returning member writes a missing page
    Given I am a returning team member
    And I open the "sign-in" page
    When I sign in with my username
    And I open the "missing-page" page
    And I press "create this page"
    And I fill in "Wikitext source editor" with "The compost bays are behind the shed. Green waste only, please."
    And I fill in "Summary" with "A page about the compost bays"
    And I press the "Save page" button
    Then I should see "Green waste only"
    And I should know what happens next
    And every message should be kind
    And nothing I said should be lost

  @journey:new-page-anonymous
  Scenario: An anxious visitor writes a missing page without an account
    Given I am an anxious customer
    And I open the "another-missing-page" page
    When I press "create this page"
    And I fill in "Wikitext source editor" with "Hazel poles for beans are stacked behind the tool shed."
    And I press the "Save page" button
    Then I should see "Hazel poles"
    And every message should be kind
    And I should know what happens next

  @journey:reset-password-empty
  Scenario: A hurried member asks for a new password without saying who they are
    Given I am a hurried customer
    And I open the "reset-password" page
    When I press the "Reset password" button
    Then I should see "Neither a username nor an email address"
    And I should know what happens next
    And every message should be kind

  @journey:reset-password
  Scenario: An anxious member asks for a new password by username
    Given I am an anxious customer
    And I open the "reset-password" page
    When I enter "alex" in "Username"
    And I press the "Reset password" button
    Then I should see "password reset email"
    And I should know what happens next
    And every message should be kind
