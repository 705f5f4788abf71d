Feature: Start a topic and reply
  As a member of the club
  I want to ask the other members something
  So that I get an answer from people who know

  @journey:new-topic
  Scenario: A returning member starts a topic
    Given I am a returning team member
    And I open the "sign-in" page
    When I sign in with my username
    And I open the "new-topic" page
    And I fill in "Title" with "Tomato blight on plot 9"
    And I choose "Allotments" for "Category"
    And I fill in "Comment" with "My tomatoes have brown spots on the leaves. Has anyone else seen this?"
    And I press the "Publish" button
    Then I should see "Tomato blight on plot 9"
    And I should know what happens next
    And every message should be kind

  @journey:new-topic-reload
  Scenario: A returning member reloads the page halfway through a topic
    Given I am a returning team member
    And I open the "sign-in" page
    When I sign in with my username
    And I open the "new-topic" page
    And I fill in "Title" with "Who has the key to the tool shed?"
    And I choose "Help and questions" for "Category"
    And I fill in "Comment" with "The shed was locked on Saturday morning and nobody had a key."
    And I reload the page
    Then nothing I said should be lost

  @journey:reply
  Scenario: A returning member replies to a topic
    Given I am a returning team member
    And I open the "sign-in" page
    When I sign in with my username
    And I open "/topic/3/spare-runner-bean-seeds/"
    And I fill in "Write comment..." with "I would love a packet, I can collect on Saturday."
    And I press the "Publish" button
    Then I should see "I can collect on Saturday"
    And nothing I said should be lost
    And every message should be kind
