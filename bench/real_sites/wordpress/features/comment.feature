Feature: Ask a question under a post
  As someone bringing a broken thing to the repair café
  I want to say what I am bringing under the post
  So that the right volunteer is there

  @journey:comment
  Scenario: A low-confidence visitor presses Post Comment before writing anything
    Given I am a low-confidence customer
    And I open the "toaster-post" page
    When I press "Post Comment"
    Then I should see an error
    And every message should be kind
    And I should know what happens next

  @journey:comment
  Scenario: An anxious visitor mistypes the e-mail address and goes back to fix it
    Given I am an anxious customer
    And I open the "toaster-post" page
    When I fill in "Comment" with "I am bringing a kettle that trips the fuse when it boils. Which table should I go to?"
    And I fill in "Name" with my full name
    And I fill in "Email" with "jamie.example.test"
    And I press "Post Comment"
    Then I should see "valid email address"
    When I go back to check my answers
    Then nothing I said should be lost
    And every message should be kind

  @journey:comment
  Scenario: An anxious visitor says what they are bringing
    Given I am an anxious customer
    And I open the "toaster-post" page
    When I fill in "Comment" with "I am bringing a radio that hums but plays no stations. Is there someone for radios?"
    And I fill in "Name" with my full name
    And I fill in "Email" with my email address
    And I press "Post Comment"
    Then I should see "awaiting moderation"
    And I should know what happens next
    And every message should be kind
