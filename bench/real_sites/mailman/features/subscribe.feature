Feature: Join a mailing list
  As a singer in the choir
  I want to subscribe to the choir's lists
  So that I get the news and the discussion

  @journey:anon-subscribe
  Scenario: A hurried singer subscribes without an account
    Given I am a hurried customer
    And I open the "announcements" page
    When I fill in "Your email address" with my email address
    And I fill in "Your name (optional)" with my full name
    And I press "Subscribe"
    Then I should see "check your inbox"
    And I should know what happens next
    And every message should be kind

  @journey:anon-subscribe-bad-email
  Scenario: An anxious singer mistypes the address when subscribing without an account
    Given I am an anxious customer
    And I open the "announcements" page
    When I fill in "Your email address" with "sam.newcomer@example"
    And I press "Subscribe"
    Then I should see an error
    And nothing I said should be lost
    And every message should be kind

  @journey:subscribe-signed-in
  Scenario: A returning singer subscribes to the announcements
    Given I am a returning team member
    And I am signed in
    And I open the "announcements" page
    When I press "Subscribe"
    Then I should see "You are subscribed"
    And I should not be asked for anything twice
    And nothing I said should be lost
    And every message should be kind

  @journey:subscribe-moderated
  Scenario: A returning singer asks to join the committee's list
    Given I am a returning team member
    And I am signed in
    And I open the "committee" page
    When I press "Subscribe"
    Then I should see "waiting for moderator approval"
    And I should know what happens next
    And every message should be kind
