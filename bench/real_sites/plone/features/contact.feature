Feature: Write to the society
  As a plot holder with a question
  I want to use the contact form
  So that someone on the committee can help

  @journey:contact-email
  Scenario: A low-confidence plot holder leaves the @ out of the address
    Given I am a low-confidence customer
    And I open the "contact" page
    When I fill in the form:
      | label   | value                                                  |
      | Name    | Priya Shah                                             |
      | From    | priya.example.org                                      |
      | Subject | Plot 14 shed                                           |
      | Message | The shed roof on plot 14 is leaking, who should I tell? |
    And I press "Send"
    Then I should see "not valid"
    And every message should be kind
    And nothing I said should be lost

  @journey:contact-sent
  Scenario: An anxious plot holder sends a question
    Given I am an anxious customer
    And I open the "contact" page
    When I fill in the form:
      | label   | value                                         |
      | Name    | Priya Shah                                    |
      | From    | priya@example.org                             |
      | Subject | Spare water butt                              |
      | Message | Is there a spare water butt for plot 9, please? |
    And I press "Send"
    Then I should see "sent to the site administrator"
    And I should know what happens next
    And every message should be kind
