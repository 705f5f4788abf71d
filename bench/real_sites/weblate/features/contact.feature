Feature: Contact the people who run the platform
  As a volunteer with a question
  I want to write to the administrators
  So that someone answers me

  @journey:contact
  Scenario: An anxious volunteer sends a question
    Given I am an anxious customer
    And I open the "contact" page
    When I fill in "Subject" with "Helping with the French translation"
    And I fill in "Your name" with my full name
    And I fill in "Your e-mail" with my email address
    And I fill in "Message" with "Hello, I would like to help translate the garden app into French. Where do I start?"
    And I press "Send"
    Then I should see "Your request has been sent"
    And I should know what happens next
    And every message should be kind

  @journey:search-none
  Scenario: A hurried volunteer searches for a phrase nobody has translated
    Given I am a hurried customer
    And I open the "home" page
    When I search for "greenhouse heater"
    Then I should see "No matching strings found"
    And every message should be kind
