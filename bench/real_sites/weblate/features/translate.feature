Feature: Translate the garden app
  As a volunteer who translates into French
  I want to translate strings and start a new language
  So that the garden app speaks to more neighbours

  @journey:translate
  Scenario: A returning translator translates a French string
    Given I am a returning team member
    And I am signed in
    And I open the "untranslated-french" page
    When I fill in "French" with "Inscrivez-vous pour un créneau d'arrosage"
    And I press "Save and continue"
    Then I should see "Inscrivez-vous pour un créneau d'arrosage"
    And I should know what happens next
    And nothing I said should be lost

  @journey:new-translation
  Scenario: A returning translator starts a Spanish translation
    Given I am a returning team member
    And I am signed in
    And I open the "new-translation" page
    When I choose "Spanish" for "Language"
    And I press "Start new translation"
    Then I should see "Spanish"
    And I should know what happens next
    And every message should be kind

  @journey:new-translation-empty
  Scenario: A returning translator presses "Start new translation" without choosing a language
    Given I am a returning team member
    And I am signed in
    And I open the "new-translation" page
    When I press "Start new translation"
    Then I should see the browser's validation message
    And every message should be kind
