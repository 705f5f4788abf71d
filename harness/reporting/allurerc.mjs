// Allure 3 configuration used by `empathy report`: one self-contained HTML file (it opens from file://),
// a history file kept between runs (trends, "new since last run"), and what `empathy report` computed
// for this run (EMPATHY_REPORT_PLAN: categories per rule, quality gate rules, the summary page).
// Plain object (no package import), so it loads from the installed package wherever node_modules is.
import { readFileSync } from "node:fs";

const plan = process.env.EMPATHY_REPORT_PLAN ? JSON.parse(readFileSync(process.env.EMPATHY_REPORT_PLAN, "utf8")) : {};
const name = process.env.EMPATHY_REPORT_NAME || "empathy-harness";

// The gate's conditions as quality-gate rules over the metrics `empathy report` measured (generate.mjs
// adds them), with messages a release manager reads: "The empathy score is 70.5, below the floor of 80".
const measured = (metrics, key) => metrics.find((metric) => metric.key === key);
const bound = (rule, holds, failed, passed) => ({
  rule,
  message: ({ actual, expected }) => `${actual.title} is ${actual.value}, ${failed} ${expected.value}`,
  successMessage: ({ actual, expected }) => `${actual.title} is ${actual.value}, ${passed} ${expected.value}`,
  validate: async ({ metrics = [], expected }) => {
    const metric = measured(metrics, expected.key);
    const actual = metric ? { title: metric.title, value: metric.value } : { title: expected.key, value: "n/a" };
    return { success: metric !== undefined && holds(metric.value, expected.value), actual, testResults: [] };
  },
});
const rules = [
  bound("at most", (actual, limit) => actual <= limit, "more than the allowed", "within the allowed"),
  bound("at least", (actual, floor) => actual >= floor, "below the floor of", "at or above the floor of"),
];

export default {
  name,
  output: process.env.EMPATHY_REPORT_DIR || "./reports/allure-report",
  historyPath: process.env.EMPATHY_HISTORY_PATH || "./reports/history/allure-history.jsonl",
  categories: plan.categories || [],
  qualityGate: plan.qualityGate && plan.qualityGate.length ? { rules: plan.qualityGate, use: rules } : undefined,
  globalAttachments: plan.globalAttachments || [],
  variables: plan.variables || {},
  plugins: {
    awesome: {
      options: {
        singleFile: true,
        reportName: name,
        groupBy: ["epic", "feature", "story"],
      },
    },
  },
};
