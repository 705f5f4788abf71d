Feature: Write for the bulletin
  As the bulletin's editor
  I want to sign in to Ghost's admin and publish posts
  So that the neighbourhood hears the news

  @journey:admin-sign-in-empty
  Scenario: A hurried editor presses "Sign in" with nothing typed
    Given I am a hurried customer
    And I open the "sign-in" page
    When I press "Sign in"
    Then I should see "Please fill out the form"
    And every message should be kind

  @journey:admin-sign-in-wrong
  Scenario: The editor types the wrong password
    Given I am "organizer"
    And I open the "sign-in" page
    When I enter my email address in "Email address"
    And I enter "blue-door-77" in "Password"
    And I press "Sign in"
    Then I should see "Your password is incorrect"
    And every message should be kind
    And nothing I said should be lost

  @journey:admin-forgot-empty
  Scenario: The editor presses "Forgot?" before typing an address
    Given I am "organizer"
    And I open the "sign-in" page
    When I press "Forgot?"
    Then I should see "We need your email address"
    And every message should be kind

  @journey:admin-forgot
  Scenario: The editor asks for a new password
    Given I am "organizer"
    And I open the "sign-in" page
    When I enter my email address in "Email address"
    And I press "Forgot?"
    Then I should see "password reset instructions"
    And I should know what happens next
    And every message should be kind

  @journey:publish-post
  Scenario: The editor signs in and publishes a short notice
    Given I am "organizer"
    And I open the "sign-in" page
    When I sign in
    And I press "Posts"
    And I press "New post"
    And I fill in "Post title" with "Lost cat on Mill Street"
    And I write "Pepper, our black and white cat, has been missing since Tuesday. Please call 0161 496 0000 if you see her." in the post's text
    And I press "Publish"
    And I press "Continue, final review"
    And I press "Publish post, right now"
    Then I should see "out there"
    And I should know what happens next
    And every message should be kind
