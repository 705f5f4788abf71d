Feature: Sign up to help at the harvest festival
  As a volunteer of the garden
  I want to register for the festival with the event's form
  So that the organisers know I am coming and how many guests I bring

  @journey:event-register
  Scenario: An anxious volunteer registers for the festival
    Given I am an anxious customer
    And I open the "festival" page
    When I press "Register"
    And I fill in "First Name" with my first name
    And I fill in "Last Name" with my last name
    And I fill in "Email Address" with my email address
    And I fill in "Number of guests" with "2"
    And I fill in "Anything we should know?" with "I can bring a wheelbarrow"
    And I press "Register"
    Then I should see "Your registration has been completed"
    And I should know what happens next
    And every message should be kind

  @journey:event-register-invalid
  Scenario: A low-confidence volunteer mistypes the address and brings too many guests
    Given I am a low-confidence customer
    And I open the "volunteer-form" page
    When I fill in "First Name" with my first name
    And I fill in "Last Name" with my last name
    And I fill in "Email Address" with "alex at example"
    And I fill in "Number of guests" with "9"
    And I press "Register"
    Then I should see the browser's validation message
    And nothing I said should be lost
    And every message should be kind

  @journey:event-register-taken
  Scenario: A hurried volunteer registers a second time with the same address
    Given I am a hurried customer
    And I open the "volunteer-form" page
    When I fill in "First Name" with my first name
    And I fill in "Last Name" with my last name
    And I fill in "Email Address" with my email address
    And I press "Register"
    Then I should see "Your registration has been completed"
    When I open the "volunteer-form" page
    And I fill in "First Name" with my first name
    And I fill in "Last Name" with my last name
    And I fill in "Email Address" with my email address
    And I press "Register"
    Then I should see "already a registration"
    And nothing I said should be lost
    And every message should be kind

  @journey:event-create
  Scenario: A volunteer makes a lecture in the garden's category
    Given I am a returning team member
    And I open the "sign-in" page
    When I sign in with my username
    And I open the "category" page
    And I press "Create event"
    And I press "Lecture"
    And I fill in "Event title" with "Seed swap"
    And I press "Create event" in the "Create new lecture" dialog
    Then I should see "Seed swap"
    And I should know what happens next
    And every message should be kind
