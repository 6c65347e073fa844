import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * End-to-end suite: real Chromium (system package) against the replica portals and the built extension.
 * One file at a time: the machine is small and every file starts its own browser.
 */
export default defineConfig({
  // Tests compute expectations with the product's own pure code (e.g. the fill plan): `@/` is the repo root.
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/support/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    pool: 'forks',
    poolOptions: { forks: { singleFork: true } },
    retry: 0,
    // The JSON report is what .ci/run counts (Vitest's own summary line is not read by CI).
    reporters: ['default', ['json', { outputFile: 'test-results/e2e.json' }]],
  },
});
