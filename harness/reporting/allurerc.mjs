// Allure 3 configuration used by `empathy report`: one self-contained HTML file (it opens from file://)
// and a history file kept between runs, so trends and "new since last run" show.
// Plain object (no import), so it loads from the installed package wherever node_modules is.
export default {
  name: process.env.EMPATHY_REPORT_NAME || "empathy-harness",
  output: process.env.EMPATHY_REPORT_DIR || "./reports/allure-report",
  historyPath: process.env.EMPATHY_HISTORY_PATH || "./reports/history/allure-history.jsonl",
  plugins: {
    awesome: {
      options: {
        singleFile: true,
        reportName: process.env.EMPATHY_REPORT_NAME || "empathy-harness",
        groupBy: ["epic", "feature", "story"],
      },
    },
  },
};
