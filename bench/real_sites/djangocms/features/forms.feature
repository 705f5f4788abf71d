Feature: The garden's forms
  As a neighbour of the community garden
  I want to offer my time or ask a question on the site
  So that someone at the garden gets back to me

  @journey:volunteer-empty
  Scenario: A screen-reader user presses the button before filling anything in
    Given I am a screen-reader user
    And I open the "volunteer" page
    When I press "Sign me up"
    Then I should see an error
    And the error should be announced
    And I should be reassured while I wait
    And every message should be kind

  @journey:volunteer-rules
  Scenario: A hurried volunteer forgets to tick the rules box
    Given I am a hurried customer
    And I open the "volunteer" page
    When I fill in "Your name" with "Jo Bloggs"
    And I fill in "Email" with my email address
    And I fill in "First Saturday you can come" with "2027-01-09"
    And I press "Sign me up"
    Then I should see "This field is required."
    And every message should be kind
    And nothing I said should be lost

  @journey:volunteer-sent
  Scenario: An anxious neighbour offers to volunteer
    Given I am an anxious customer
    And I open the "volunteer" page
    When I fill in "Your name" with "Jo Bloggs"
    And I fill in "Email" with my email address
    And I fill in "First Saturday you can come" with "2027-01-09"
    And I fill in "Hours a month" with "4"
    And I tick "I have read the garden rules"
    And I press "Sign me up"
    Then I should see "Thank you"
    And I should know what happens next
    And every message should be kind

  @journey:contact-bad-email
  Scenario: A low-confidence neighbour mistypes their e-mail address
    Given I am a low-confidence customer
    And I open the "contact" page
    When I fill in "Your name" with "Jo Bloggs"
    And I fill in "Email" with "jo@example"
    And I fill in "Message" with "Hello there, is a half plot free this spring?"
    And I press "Send"
    Then I should see "Enter a valid email address."
    And nothing I said should be lost
    And every message should be kind

  @journey:contact-sent
  Scenario: An anxious neighbour asks about a plot
    Given I am an anxious customer
    And I open the "contact" page
    When I fill in "Your name" with "Jo Bloggs"
    And I fill in "Email" with my email address
    And I fill in "Message" with "Hello there, is a half plot free this spring?"
    And I press "Send"
    Then I should see "Thank you"
    And I should know what happens next
    And every message should be kind

  @journey:contact-reload
  Scenario: A neighbour reloads the contact page half-way through
    Given I am a hurried customer
    And I open the "contact" page
    When I fill in "Your name" with "Jo Bloggs"
    And I fill in "Message" with "Hello there, is a half plot free this spring?"
    And I reload the page
    Then nothing I said should be lost
