Feature: Write as a signed-in author
  As a volunteer with an author's account
  I want to answer under a post and jot down ideas for the next one
  So that visitors know who is coming and nothing gets forgotten

  @journey:comment-signed-in
  Scenario: A returning author answers a question under a post
    Given I am a returning team member
    And I open the "sign-in" page
    When I sign in with my username
    And I open the "toaster-post" page
    And I fill in "Comment" with "Priya, yes: the electricians' table is by the stage. Bring the lamp and its plug."
    And I press "Post Comment"
    Then I should see "the electricians' table is by the stage"
    And I should not be asked for anything twice
    And nothing I said should be lost

  @journey:quick-draft-empty
  Scenario: A hurried author presses Save Draft with nothing written
    Given I am a returning team member
    And I open the "sign-in" page
    When I sign in with my username
    And I press "Save Draft"
    Then the journey should feel considerate

  @journey:quick-draft
  Scenario: A returning author saves an idea as a quick draft
    Given I am a returning team member
    And I open the "sign-in" page
    When I sign in with my username
    And I fill in "Title" with "Bring your own extension lead"
    And I fill in "Content" with "The hall has only four sockets, so please bring an extension lead if you can."
    And I press "Save Draft"
    Then I should see "Bring your own extension lead"
    And I should know what happens next
    And every message should be kind
