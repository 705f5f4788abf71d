Feature: Ask two things in a row
  As a hurried visitor with two questions
  I want to send them one after the other
  So that I can get on with my day

  @journey:comment-again
  Scenario: A hurried visitor sends a second comment straight after the first
    Given I am a hurried customer
    And I open the "november-post" page
    When I fill in "Comment" with "Did the very old radio really work again? Mine is from 1962."
    And I fill in "Name" with my full name
    And I fill in "Email" with my email address
    And I press "Post Comment"
    And I fill in "Comment" with "And do you mend record players too, or only radios?"
    And I fill in "Name" with my full name
    And I fill in "Email" with my email address
    And I press "Post Comment"
    Then every message should be kind
    And nothing I said should be lost
