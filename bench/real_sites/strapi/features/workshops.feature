Feature: Keep the workshop programme in the Content Manager
  As an editor of the community centre's programme
  I want to add, change and publish workshops
  So that the programme people read is right

  @journey:save-draft
  Scenario: A returning editor saves a new workshop as a draft with only its title
    Given I am a returning team member
    And I am signed in
    When I open the "new-workshop" page
    And I fill in "title" with "Knife skills"
    And I press "Save"
    Then I should see "Saved document"
    And I should know what happens next
    And every message should be kind

  @journey:publish-missing
  Scenario: A hurried editor publishes a new workshop with only its title
    Given I am a returning team member
    And I am signed in
    When I open the "new-workshop" page
    And I fill in "title" with "Knife skills"
    And I press "Publish"
    Then I should see "This value is required"
    And every message should be kind
    And I should know what happens next

  @journey:publish-invalid
  Scenario: An editor publishes a workshop with no places and a mistyped e-mail
    Given I am a returning team member
    And I am signed in
    When I open the "new-workshop" page
    And I fill in "title" with "Knife skills"
    And I fill in "summary" with "Hold, sharpen and care for a kitchen knife."
    And I fill in "places" with "0"
    And I fill in "contactEmail" with "kitchen@example"
    And I press "Publish"
    Then I should see "too low"
    And nothing I said should be lost
    And every message should be kind

  @journey:publish-new
  Scenario: A returning editor publishes a new workshop with every required field
    Given I am a returning team member
    And I am signed in
    When I open the "new-workshop" page
    And I fill in "title" with "Knife skills"
    And I fill in "summary" with "Hold, sharpen and care for a kitchen knife."
    And I choose "16 March 2027" at "10:00" for "startsAt"
    And I fill in "places" with "12"
    And I press "Publish"
    Then I should see "Published document"
    And I should know what happens next
    And every message should be kind

  @journey:edit-publish
  Scenario: A returning editor changes the places of a workshop and publishes it
    Given I am a returning team member
    And I am signed in
    When I open the "workshops" page
    And I press "Sourdough from scratch"
    And I fill in "places" with "14"
    And I press "Save"
    Then I should see "Saved document"
    When I press "Publish"
    Then I should see "Published document"
    And I should know what happens next
    And every message should be kind

  @journey:search-no-results
  Scenario: An editor searches the workshops for something that is not there
    Given I am a returning team member
    And I am signed in
    When I open the "workshops" page
    And I search for "zebra crossing"
    Then I should see "0 entries found"
    And I should know what happens next
    And every message should be kind

  @journey:missing-entry
  Scenario: An editor follows an old link to a workshop that is gone
    Given I am a returning team member
    And I am signed in
    When I open the "missing-entry" page
    Then every message should be kind
    And the journey should feel considerate
