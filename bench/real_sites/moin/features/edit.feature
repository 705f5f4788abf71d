Feature: Keep the community's pages up to date
  As a neighbour with an account
  I want to change a page and start a new one
  So that the wiki says what is true now

  @journey:edit-save
  Scenario: A returning neighbour notes that they borrowed the ladder
    Given I am a returning team member
    And I am signed in
    And I open the "tool-library" page
    When I press "Modify"
    And I write "Extension ladder: borrowed by Alex on 6 December, back by the 13th." in the editor
    And I fill in "Comment" with "borrowed the ladder"
    And I press the "OK" button
    Then I should see "borrowed by Alex on 6 December"
    And I should know what happens next
    And the journey should feel considerate

  @journey:edit-preview
  Scenario: A careful neighbour previews a change before saving it
    Given I am a returning team member
    And I am signed in
    And I open the "tool-library" page
    When I press "Modify"
    And I write "Pressure washer: the hose leaks, please use the tap outside." in the editor
    And I press the "Preview" button
    Then I should see "the hose leaks"
    And nothing I said should be lost

  @journey:edit-reload
  Scenario: A returning neighbour reloads the page half-way through an edit
    Given I am a returning team member
    And I am signed in
    And I open the "tool-library" page
    When I press "Modify"
    And I write "Lawnmower: out of petrol since Sunday." in the editor
    And I reload the page
    Then nothing I said should be lost

  @journey:new-page
  Scenario: A returning neighbour starts a page for the bike repair café
    Given I am a returning team member
    And I am signed in
    And I open the "new-page" page
    When I press "MoinMoin"
    And I write "The bike repair café meets on the first Saturday of the month in the community hall." in the editor
    And I press the "OK" button
    Then I should see "first Saturday of the month"
    And the journey should feel considerate
