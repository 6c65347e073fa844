// Sums the Vitest JSON reports in a folder and prints the plain line CI reads:
// `tests: N passed, N failed` (", N skipped" when any were skipped). Exits 1 when a report is missing
// or unreadable, or when no test ran at all.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'test-results';
let passed = 0;
let failed = 0;
let skipped = 0;
let reports = 0;
let files;
try {
  files = readdirSync(dir).filter((f) => f.endsWith('.json'));
} catch {
  files = [];
}
for (const file of files) {
  try {
    const report = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    passed += report.numPassedTests ?? 0;
    failed += (report.numFailedTests ?? 0) + (report.numFailedTestSuites && !report.numFailedTests ? report.numFailedTestSuites : 0);
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    reports += 1;
  } catch (error) {
    console.error(`count-tests: cannot read ${file}: ${error.message}`);
    failed += 1;
  }
}
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(reports === 0 || passed + failed === 0 || failed > 0 ? 1 : 0);
