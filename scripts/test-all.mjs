// `npm test`: every suite, even when an earlier one fails, so the JSON reports in test-results/ always
// cover the whole run (.ci/run counts them). Exit code: non-zero when any suite failed.
import { spawnSync } from 'node:child_process';

const suites = [
  ['unit', ['run', 'test:unit']],
  ['e2e', ['run', 'test:e2e']],
];
let failed = false;
for (const [name, args] of suites) {
  console.log(`\n=== ${name} tests ===`);
  const result = spawnSync('npm', args, { stdio: 'inherit' });
  if (result.status !== 0) {
    failed = true;
    console.error(`=== ${name} tests failed (exit ${result.status ?? result.signal}) ===`);
  }
}
process.exit(failed ? 1 : 0);
