Feature: Follow an old link
  As a volunteer with an old link from an e-mail
  I want to be told where the page went
  So that I can find the rota again

  @journey:missing-page
  Scenario: A low-confidence volunteer follows an old link to the rota
    Given I am a low-confidence customer
    And I open the "missing" page
    Then I should see "Cannot GET"
    And every message should be kind
