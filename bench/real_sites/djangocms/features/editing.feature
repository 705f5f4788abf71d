Feature: Editing the garden's pages in the toolbar
  As a volunteer who looks after the garden's website
  I want to change a page's text and add new pages
  So that neighbours read what is true this week

  @journey:edit-page
  Scenario: A returning editor changes a page's text and publishes it
    Given I am a returning team member
    And I am signed in
    When I open the "plots" page
    And I press "New Draft"
    And I write "Ask at the shed about a plot." in the editor
    And I press "Publish"
    Then I should see "Ask at the shed about a plot."
    And I should know what happens next
    And I should be reassured while I wait
    And every message should be kind

  @journey:edit-reload
  Scenario: A returning editor reloads the page with text not yet saved
    Given I am a returning team member
    And I am signed in
    When I open the "plots" page
    And I press "New Draft"
    And I write "Ask at the shed about a plot." in the editor
    And I reload the page
    Then nothing I said should be lost

  @journey:new-page
  Scenario: A returning editor adds a page for the plant sale
    Given I am a returning team member
    And I am signed in
    When I open the "about" page
    And I press "Create"
    And I press "Next" in the "Create" dialog
    And I fill in "Title" with "Plant sale"
    And I press "Create" in the "Create" dialog
    Then I should see "Plant sale"
    And I should know what happens next
    And every message should be kind
