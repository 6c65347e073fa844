import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 20_000,
    // The JSON report is what .ci/run counts (Vitest's own summary line is not read by CI).
    reporters: ['default', ['json', { outputFile: 'test-results/unit.json' }]],
  },
});
