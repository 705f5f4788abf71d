Feature: Keep the garden's connections, variables and pools
  As the volunteer who looks after the garden's Airflow
  I want to add connections, variables and pools
  So that the jobs know where the sensors are and how much they may use

  Background:
    Given I am a returning team member
    And I am signed in

  @journey:connection-taken
  Scenario: A volunteer adds a connection whose id is taken
    Given I open the "add-connection" page
    When I fill in "Connection Id" with "garden_sensors"
    And I fill in "Description" with "The second sensor hub"
    And I fill in "Host" with "hub2.example.test"
    And I press "Save"
    Then I should see an error
    And every message should be kind
    And nothing I said should be lost

  @journey:variable-add
  Scenario: A volunteer adds a variable
    Given I open the "add-variable" page
    When I fill in "Key" with "first_frost"
    And I fill in "Val" with "2026-11-20"
    And I press "Save"
    Then I should see "first_frost"
    And every message should be kind
    And I should know what happens next
    And nothing I said should be lost

  @journey:variable-taken
  Scenario: A volunteer adds a variable whose key is taken
    Given I open the "add-variable" page
    When I fill in "Key" with "garden_name"
    And I fill in "Val" with "Riverside Garden"
    And I press "Save"
    Then I should see "Already exists"
    And every message should be kind
    And nothing I said should be lost

  @journey:pool-slots
  Scenario: A volunteer gives a pool fewer than no slots
    Given I open the "add-pool" page
    When I fill in "Pool" with "compost_bays"
    And I fill in "Slots" with "-3"
    And I press "Save"
    Then I should see an error
    And every message should be kind
