Feature: Send a proposal
  As a speaker
  I want to propose a talk through the call for proposals
  So that the organisers can consider it

  @journey:cfp-submit
  Scenario: A returning speaker sends a second proposal
    Given I am a returning team member
    And I open the "cfp" page
    When I press "Submit a proposal"
    And I fill in "Proposal title" with "Keeping community gardens going through winter"
    And I choose "Talk (30 minutes)" for "Session type"
    And I fill in "Abstract" with "What our allotment group learnt about planning, sharing tools and keeping volunteers in the cold months."
    And I fill in "Notes" with "I can bring printed handouts."
    And I press "Continue"
    And I fill in "Email address" in the "I already have an account" section with my email address
    And I fill in "Password" in the "I already have an account" section with my password
    And I press "Continue"
    And I press "Submit proposal!"
    Then I should see "submitted your proposal"
    And I should know what happens next
    And I should not be asked for anything twice
    And every message should be kind

  @journey:cfp-back
  Scenario: A hurried speaker goes back to check the first step
    Given I am a hurried customer
    And I open the "cfp" page
    When I press "Submit a proposal"
    And I fill in "Proposal title" with "Solar panels for the scout hut"
    And I fill in "Abstract" with "How the scouts paid for their roof panels and what they save each winter."
    And I fill in "Notes" with "A projector would help."
    And I press "Continue"
    And I press "Back"
    Then nothing I said should be lost
