@journey:contact-form
Feature: Sending a message through the contact form
  Someone mistypes their e-mail address, corrects it, sends the message, then reloads the thank-you page.

  Scenario Outline: A mistyped e-mail address, then a sent message
    Given I am "<persona>"
    And I open the "contact" page
    When I fill in "Your name" with "Robin Ellis"
    And I fill in "Email" with "robin@example"
    And I choose "Events" for "Topic"
    And I fill in "Message" with "Is there a harvest fair this year, and can children come along?"
    And I press "Submit"
    Then I should see "Enter a valid email address."
    When I fill in "Email" with my email address
    And I press "Submit"
    Then I should see "Thank you for your message"
    When I reload the page
    Then I should know what happens next
    And the journey should feel considerate

    Examples:
      | persona       |
      | anxious       |
      | screen-reader |
