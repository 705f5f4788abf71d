Feature: Start a new project
  As someone going on a trip with friends
  I want to start a project for our shared costs
  So that we can all add what we paid

  @journey:create-project-email
  Scenario: A low-confidence organiser leaves the @ out of the e-mail address
    Given I am a low-confidence customer
    And I open the "create" page
    When I fill in the form:
      | label              | value          |
      | Project identifier | ski-trip       |
      | Project name       | Ski trip       |
      | Private code       | Snowy-Pines-88 |
      | Email              | sam.example.com |
    And I press "submit"
    Then I should see "Invalid email address"
    And every message should be kind
    And nothing I said should be lost

  @journey:create-project
  Scenario: An anxious organiser creates a project
    Given I am an anxious customer
    And I open the "create" page
    When I fill in the form:
      | label              | value            |
      | Project identifier | book-club        |
      | Project name       | Book club        |
      | Private code       | Quiet-Pages-31   |
      | Email              | my email address |
    And I press "submit"
    Then I should see "Book club"
    And I should know what happens next
    And I should not be asked for anything twice
