Feature: Report a problem to the community projects team
  As a neighbour who noticed something broken
  I want to open a ticket
  So that the volunteers fix it

  @journey:new-ticket
  Scenario: A hurried neighbour presses Create ticket before writing anything
    Given I am a hurried customer
    And I open the "new-ticket" page
    When I press the "Create ticket" button
    Then I should see "Tickets must contain a summary"
    And every message should be kind
    And I should be reassured while I wait

  @journey:new-ticket-preview
  Scenario: An anxious neighbour previews a ticket that has no summary yet
    Given I am an anxious customer
    And I open the "new-ticket" page
    When I fill in "Description" with "The padlock on the garden gate will not close."
    And I choose "task" for "Type"
    And I press the "Preview" button
    Then nothing I said should be lost
    And I should not be asked for anything twice

  @journey:new-ticket-created
  Scenario: A neighbour opens a ticket with their e-mail address
    Given I am an anxious customer
    And I open the "new-ticket" page
    When I fill in "Summary" with "Hall heating stays on overnight"
    And I fill in "Your email or username" with my email address
    And I fill in "Description" with "The heating in the main hall was on all night again."
    And I press the "Create ticket" button
    Then I should see "Hall heating stays on overnight"
    And I should know what happens next
    And I should not be asked for anything twice
    And nothing I said should be lost
    And the journey should feel considerate
