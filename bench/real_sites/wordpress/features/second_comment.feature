Feature: Make sure a question went
  As a visitor who is not sure the first try worked
  I want to send my question again
  So that a volunteer sees it

  @journey:comment-again
  Scenario: An anxious visitor is not sure the comment went and sends it again
    Given I am an anxious customer
    And I open the "sewing-post" page
    When I fill in "Comment" with "I can replace zips and darn jumpers. Could I help at the sewing table in January?"
    And I fill in "Name" with my full name
    And I fill in "Email" with my email address
    And I press "Post Comment"
    And I go back
    And I fill in "Comment" with "I can replace zips and darn jumpers. Could I help at the sewing table in January?"
    And I fill in "Name" with my full name
    And I fill in "Email" with my email address
    And I press "Post Comment"
    Then every message should be kind
    And I should know what happens next
