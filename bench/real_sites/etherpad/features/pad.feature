Feature: Write in the rota with the others
  As a volunteer of the community garden
  I want to add my name to the rota, talk in the chat and keep versions
  So that the others know which slots I take

  @journey:pad-reload
  Scenario: An anxious volunteer adds a line and reloads the pad
    Given I am an anxious customer
    And I open the "harvest" page
    When I write "Pumpkins: Alex picks them up" in the editor
    And I wait 3 seconds
    And I reload the page
    Then nothing I said should be lost

  @journey:your-name
  Scenario: An anxious volunteer gives their name and reloads the pad
    Given I am an anxious customer
    And I open the "rota" page
    When I press "Show the users on this pad"
    And I fill in "Enter your name" with "Alex Morgan"
    And I press Enter in "Enter your name"
    And I wait 2 seconds
    And I reload the page
    And I press "Show the users on this pad"
    Then "Enter your name" should be "Alex Morgan"
    And nothing I said should be lost

  @journey:chat
  Scenario: A volunteer using a screen reader gives a name and writes in the chat
    Given I am a screen-reader user
    And I open the "rota" page
    When I press "Show the users on this pad"
    And I fill in "Enter your name" with "Alex Morgan"
    And I press Enter in "Enter your name"
    And I press "Chat"
    And I tell the assistant "Hello from Alex"
    Then I should see "Hello from Alex"
    And I should be reassured while I wait
    And I should know what happens next

  @journey:chat-unnamed
  Scenario: An anxious volunteer writes in the chat without giving a name
    Given I am an anxious customer
    And I open the "rota" page
    When I press "Chat"
    And I tell the assistant "I can do Saturday watering"
    Then I should see "I can do Saturday watering"
    And every message should be kind

  @journey:chat-reload
  Scenario: A hurried volunteer half-writes a chat message and reloads the pad
    Given I am hurried
    And I open the "rota" page
    When I press "Chat"
    And I fill in "Write your message here" with "I can take the Wednesday seedlings"
    And I reload the page
    Then nothing I said should be lost

  @journey:save-revision
  Scenario: An anxious volunteer marks the rota as a saved revision
    Given I am an anxious customer
    And I open the "rota" page
    When I press "Save Revision"
    Then I should see "saved revision"
    And I should be reassured while I wait
    And I should know what happens next

  @journey:timeslider
  Scenario: A low-confidence volunteer looks at the rota's history and returns
    Given I am a low-confidence customer
    And I open the "rota" page
    When I press "Timeslider"
    And I wait for the page to finish
    And I press "Return to pad"
    And I wait for the page to finish
    Then the journey should feel considerate
