Feature: Read, search and post
  As a member of the garden's forum
  I want to find threads, start them and reply
  So that I can ask and answer questions about the garden

  @journey:search-no-results
  Scenario: Someone searches for a word no post has
    Given I am an anxious customer
    And I open the "home" page
    When I search for "zucchini"
    Then every message should be kind

  @journey:missing-page
  Scenario: Someone follows a broken link
    Given I am an anxious customer
    And I open the "missing" page
    Then every message should be kind

  @journey:new-thread-short
  Scenario: A member starts a thread with a message of one word
    Given I am a returning team member
    And I open the "home" page
    When I press "Sign in"
    And I sign in with my username
    And I press "Start thread"
    And I fill in "Thread title" with "Spare canes"
    And I write "ok" in the editor
    And I press "Start thread" in the "Start new thread" section
    Then the journey should feel considerate

  @journey:new-thread-short-title
  Scenario: A member starts a thread with a two-letter title
    Given I am a returning team member
    And I open the "home" page
    When I press "Sign in"
    And I sign in with my username
    And I press "Start thread"
    And I fill in "Thread title" with "Hi"
    And I write "Does anyone have spare canes for the runner beans?" in the editor
    And I press "Start thread" in the "Start new thread" section
    Then I should see "Thread title should be at least 5 characters long"
    And the error should be announced

  @journey:new-thread
  Scenario: A member starts a thread
    Given I am a returning team member
    And I open the "home" page
    When I press "Sign in"
    And I sign in with my username
    And I press "Start thread"
    And I fill in "Thread title" with "Spare canes for the runner beans"
    And I write "Does anyone have spare canes for the runner beans? I need six." in the editor
    And I press "Start thread" in the "Start new thread" section
    Then I should see "I need six"
    And I should know what happens next

  @journey:new-thread-reload
  Scenario: A member reloads the page half-way through a new thread
    Given I am a returning team member
    And I open the "home" page
    When I press "Sign in"
    And I sign in with my username
    And I press "Start thread"
    And I fill in "Thread title" with "Who has the shed key this weekend?"
    And I write "I would like to borrow the wheelbarrow on Saturday morning." in the editor
    And I accept the dialog
    And I reload the page
    Then nothing I said should be lost

  @journey:reply
  Scenario: A member replies to a thread
    Given I am a returning team member
    And I open the "home" page
    When I press "Sign in"
    And I sign in with my username
    And I open the "thread" page
    And I press "Reply"
    And I write "Mine went in on Sunday, under fleece." in the editor
    And I press "Post reply"
    Then I should see "under fleece"
    And I should know what happens next
