Feature: Create an account to volunteer
  As someone who wants to help at the sewing table
  I want to register on the repair café's site
  So that I can sign in and follow the volunteers' posts

  @journey:register
  Scenario: A low-confidence newcomer presses Register before filling anything in
    Given I am a low-confidence customer
    And I open the "register" page
    When I press "Register"
    Then I should see an error
    And every message should be kind

  @journey:register
  Scenario: A hurried newcomer picks a taken username and mistypes the e-mail address
    Given I am a hurried customer
    And I open the "register" page
    When I fill in "Username" with "alex"
    And I fill in "Email" with "sam.okafor.example.test"
    And I press "Register"
    Then I should see "already registered"
    And every message should be kind
    And nothing I said should be lost

  @journey:register-success
  Scenario: An anxious newcomer registers
    Given I am an anxious customer
    And I open the "register" page
    When I fill in "Username" with my username
    And I fill in "Email" with my email address
    And I press "Register"
    Then I should see "Registration complete"
    And I should know what happens next
    And every message should be kind
