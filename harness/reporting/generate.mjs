// `empathy report`'s driver for Allure 3: `allure generate`, plus the two things that command leaves out
// for a report built after the run: the empathy metrics (score, blocking findings, drop) and the quality
// gate evaluated over them, so the report's Quality Gates tab shows the same verdict as the exit code.
// Usage: node generate.mjs <allure package folder> <allurerc.mjs> <plan.json> <results folder>...
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

// Allure 3.18's quality gate calls Iterator.prototype.toArray (Node 22); Node 20 lacks it.
const iteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
if (!iteratorPrototype.toArray) {
  iteratorPrototype.toArray = function toArray() {
    return Array.from(this);
  };
}

const [allurePackage, configPath, planPath, ...resultsDirs] = process.argv.slice(2);
const require = createRequire(join(allurePackage, "package.json"));
const { AllureReport, readConfig } = await import(pathToFileURL(require.resolve("@allurereport/core")).href);

const plan = JSON.parse(readFileSync(planPath, "utf8"));
const report = new AllureReport(await readConfig(process.cwd(), configPath, {}));
await report.start();
for (const dir of resultsDirs) {
  await report.readDirectory(dir);
}
const now = Date.now();
await report.store.visitMetrics(plan.metrics.map((m, i) => ({ id: `empathy-${i}`, start: now, stop: now, ...m })));
if (plan.qualityGate.length) {
  const trs = await report.store.allTestResults({ includeRetries: false });
  const { results } = await report.validate({ trs });
  report.realtimeDispatcher.sendQualityGateResults(results);
}
await report.done();
