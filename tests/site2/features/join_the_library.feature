@journey:library-card
Feature: Joining the library online
  People join Riverside Libraries from home. The form should ask for each thing once,
  say what is happening while it sends, and tell them what comes next.

  @priority:high
  Scenario: A new member applies for a library card
    Given I am an anxious customer
    And I open the "join" page
    When I fill in the form
    And I press "Carry on"
    Then I should see "Where should we post your card?"
    When I fill in the form
    And I press "Send my application"
    Then I should be on the "application received" page
    And I should see "Your application reference is"
    And I should be greeted by name
    And I should be reassured while I wait
    And I should know what happens next
    And I should not be asked for anything twice

  Scenario: The old form asks for the e-mail address again
    Given I am "hurried"
    And I open the "old join form" page
    When I fill in the form
    And I click "Carry on"
    And I fill in the form
    And I click "Send my application"
    Then I should land on the "application received" page
