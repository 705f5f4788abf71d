Feature: Bring a file into a pad
  As a volunteer with notes on my computer
  I want to import them into a pad
  So that I need not type them again

  @journey:import-image
  Scenario: An anxious volunteer imports a photo by mistake
    Given I am an anxious customer
    And I open the "harvest" page
    When I press "Import/Export from/to different file formats"
    And I upload a photo to "Upload any text file or document"
    And I press "Import Now" and accept the dialog
    And I wait for the page to finish
    Then I should know what happens next
    And every message should be kind

  @journey:import-cancel
  Scenario: A low-confidence volunteer changes their mind about an import
    Given I am a low-confidence customer
    And I open the "rota" page
    When I press "Import/Export from/to different file formats"
    And I upload "files/notes.txt" to "Upload any text file or document"
    And I press "Import Now" and dismiss the dialog
    Then nothing I said should be lost
