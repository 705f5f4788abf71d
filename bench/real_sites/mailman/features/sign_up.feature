Feature: Create an account for the choir's lists
  As someone who has just joined the choir
  I want an account on the lists' site
  So that I can choose which lists I get

  @journey:register
  Scenario: An anxious newcomer signs up
    Given I am an anxious customer
    And I open the "sign-up" page
    When I fill in "Email" with my email address
    And I fill in "Username" with "jo.newcomer"
    And I fill in "Password" with "Green-Teapot-81"
    And I fill in "Password (again)" with "Green-Teapot-81"
    And I press "Sign Up" in the "Sign Up" section
    Then I should see "Verify Your Email Address"
    And I should know what happens next
    And every message should be kind
    And I should not be asked for anything twice

  @journey:register-weak-password
  Scenario: A low-confidence newcomer chooses a password that is too short
    Given I am a low-confidence customer
    And I open the "sign-up" page
    When I fill in "Email" with my email address
    And I fill in "Username" with "jo.newcomer"
    And I fill in "Password" with "abc"
    And I fill in "Password (again)" with "abc"
    And I press "Sign Up" in the "Sign Up" section
    Then I should see "too short"
    And every message should be kind
    And I should be reassured while I wait

  @journey:register-mismatch
  Scenario: A hurried newcomer types two different passwords
    Given I am a hurried customer
    And I open the "sign-up" page
    When I fill in "Email" with my email address
    And I fill in "Username" with "jo.newcomer"
    And I fill in "Password" with "Green-Teapot-81"
    And I fill in "Password (again)" with "Green-Teapot-18"
    And I press "Sign Up" in the "Sign Up" section
    Then I should see "same password"
    And I should not be asked for anything twice
    And every message should be kind

  @journey:reset-password
  Scenario: A singer who forgot the password asks for a new one
    Given I am an anxious customer
    And I open the "forgot-password" page
    When I fill in "Email" with "alex@example.test"
    And I press "Reset My Password"
    Then I should see "We have sent you an email"
    And I should know what happens next
    And every message should be kind
