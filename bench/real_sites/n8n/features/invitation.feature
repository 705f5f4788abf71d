Feature: Accept an invitation to the workspace
  As someone a colleague invited
  I want to set up my account
  So that I can work on our workflows

  @journey:invite-empty
  Scenario: A low-confidence newcomer presses the button before typing anything
    Given I am a low-confidence customer
    And I open the "invitation" page
    When I press "Finish account setup"
    Then I should see "This field is required"
    And every message should be kind

  @journey:invite-weak
  Scenario: A hurried newcomer chooses a short password
    Given I am a hurried customer
    And I open the "invitation" page
    When I fill in "First Name" with "Sam"
    And I fill in "Last Name" with "Taylor"
    And I fill in "Password" with "plots"
    And I press "Finish account setup"
    Then I should see "8+ characters, at least 1 number and 1 capital letter"
    And every message should be kind
    And nothing I said should be lost

  @journey:invite-reload
  Scenario: An anxious newcomer reloads the page half-way
    Given I am an anxious customer
    And I open the "invitation" page
    When I fill in "First Name" with "Sam"
    And I fill in "Last Name" with "Taylor"
    And I reload the page
    Then nothing I said should be lost

  @journey:invite-success
  Scenario: An anxious newcomer sets up the account
    Given I am an anxious customer
    And I open the "invitation" page
    When I fill in "First Name" with "Sam"
    And I fill in "Last Name" with "Taylor"
    And I fill in "Password" with "Riverside-Sam-42"
    And I press "Finish account setup"
    Then I should see "Overview"
    And I should know what happens next
    And the journey should feel considerate
