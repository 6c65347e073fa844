/** One measured figure, compared with the target its issue set. */
export interface BenchFigure {
  /** Stable id, e.g. `checks.all-500-projects`. */
  id: string;
  /** What was measured, in plain words. */
  label: string;
  unit: 'ms' | 'KB' | 'MB' | 'x' | 'ops/s';
  /** Median and 95th percentile where the figure is a distribution. */
  p50?: number;
  p95?: number;
  /** The figure compared with the target (p95 for latencies unless stated). */
  value: number;
  target?: { op: '<=' | '>='; value: number };
  /**
   * Median CPU time per call (process, all threads, so a parallel GC counts) for Node figures sampled by
   * bench/sampling.ts: a wall time well above it means the calls waited for a core.
   */
  cpuP50?: number;
  /** Free notes: sample count, data size, assumptions. */
  note?: string;
}

/** A benchmark module exports one suite; bench/run.ts runs them all and writes bench/results.json. */
export type BenchSuite = () => Promise<BenchFigure[]>;

/** Starts the figures line a suite run as a child process (`BENCH_CHILD=1`) prints. */
export const CHILD_MARK = 'BENCH_FIGURES ';

/** `npx tsx bench/<suite>.bench.ts` runs that suite alone: call with the module's `import.meta.url`. */
export function runIfMain(moduleUrl: string, suite: BenchSuite): void {
  if (typeof process === 'undefined' || !process.argv[1] || !moduleUrl.endsWith(process.argv[1].replace(/\\/g, '/'))) return;
  suite().then(
    // Run by bench/run.ts as one of several processes: one marked line it can find among progress output.
    (figures) => console.log(process.env.BENCH_CHILD === '1' ? `\n${CHILD_MARK}${JSON.stringify(figures)}` : JSON.stringify(figures, null, 2)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
