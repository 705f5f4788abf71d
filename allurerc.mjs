// Allure 3 configuration used by `empathy report`: one self-contained HTML file (opens from file://)
// and a history file kept between runs, so trends and "new since last run" show.
import { defineConfig } from "allure";

export default defineConfig({
  name: "empathy-harness",
  output: "./reports/allure-report",
  historyPath: "./reports/history/allure-history.jsonl",
  plugins: {
    awesome: {
      options: {
        singleFile: true,
        reportName: "empathy-harness",
        groupBy: ["epic", "feature", "story"],
      },
    },
  },
});
