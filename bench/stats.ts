/** Percentiles for the bench suites (no Node imports: bench/library.bench.ts is also bundled for a page). */

/** The p-th percentile (nearest rank) of ascending `sorted`; NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** The median of `values` in any order (the upper one of the middle two when their number is even). */
export function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[values.length >> 1]!;
}

/**
 * The machine's quiet phases.
 *
 * On the shared VMs these benchmarks run on, the same code's speed flips between two levels for seconds
 * at a time: a parse of the seed fixture takes 2.1–2.7 ms in one 250 ms stretch and 4–6 ms in the next,
 * in user CPU time, with no GC or page-fault difference, and a Python loop with no V8 in it swings the
 * same way (18 ↔ 34 ms). How much of a run falls in the slow phases changes from run to run, so medians
 * over every call moved 25–33 % between otherwise identical runs. The quiet phases are the code's own
 * speed; the slow ones are the neighbours'.
 *
 * So each distribution is cut into rounds of consecutive calls (at least QUIET_ROUND_MS of them, or one
 * call when it is longer) and the headline p50/p95 are over the calls of the fastest QUIET_SHARE of the
 * rounds (by round median). Every call's p50/p95 are kept beside them (`every`), and targets are shown
 * against both.
 */
export const QUIET_ROUND_MS = 200;
export const QUIET_SHARE = 0.2;

/** How a distribution is cut into rounds. */
export interface RoundOptions {
  roundMs?: number;
  share?: number;
  /** Time between two runs that is not in the samples (runs spaced on purpose), counted towards a round's length. */
  gapMs?: number;
}

/** Indices (ascending) of the calls in the fastest `share` of the rounds of `samples` (ms, in call order). */
export function quietIndices(samples: readonly number[], { roundMs = QUIET_ROUND_MS, share = QUIET_SHARE, gapMs = 0 }: RoundOptions = {}): number[] {
  const rounds: number[][] = [];
  let current: number[] = [];
  let sum = 0;
  samples.forEach((ms, i) => {
    current.push(i);
    sum += ms + gapMs;
    if (sum >= roundMs) {
      rounds.push(current);
      current = [];
      sum = 0;
    }
  });
  // A short tail joins the round before it rather than standing as a round of its own.
  if (current.length > 0) {
    if (rounds.length > 0) rounds[rounds.length - 1]!.push(...current);
    else rounds.push(current);
  }
  const ranked = rounds
    .filter((r) => r.length > 0)
    .map((r) => ({ r, m: median(r.map((i) => samples[i]!)) }))
    .sort((a, b) => a.m - b.m);
  const keep = Math.max(1, Math.ceil(ranked.length * share));
  return ranked
    .slice(0, keep)
    .flatMap((x) => x.r)
    .sort((a, b) => a - b);
}

/** p50/p95 of ascending-sorted copies. */
function p50p95(values: readonly number[]): { p50: number; p95: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

/** A distribution's headline (quiet) and every-call percentiles, and the CPU median over the same quiet calls. */
export interface QuietStats {
  p50: number;
  p95: number;
  /** The median of `cpu[i]` over the quiet calls, when a CPU time per call was given. */
  cpuP50?: number;
  every: { p50: number; p95: number };
  /** How many calls the quiet rounds hold, of how many. */
  quiet: number;
  count: number;
}

export function quietStats(samples: readonly number[], cpu?: readonly number[], rounds: RoundOptions = {}): QuietStats {
  const picked = quietIndices(samples, rounds);
  const quiet = p50p95(picked.map((i) => samples[i]!));
  const cpuPicked = cpu && cpu.length === samples.length ? picked.map((i) => cpu[i]!) : [];
  return {
    ...quiet,
    ...(cpuPicked.length > 0 ? { cpuP50: p50p95(cpuPicked).p50 } : {}),
    every: p50p95(samples),
    quiet: picked.length,
    count: samples.length,
  };
}

/** The note fragment that says how the headline was taken. */
export function quietNote(s: QuietStats, digits = 3): string {
  const r = (n: number) => Number(n.toFixed(digits));
  return `p50/p95 over the ${s.quiet} of ${s.count} runs in the quietest ${Math.round(QUIET_SHARE * 100)}% of ${QUIET_ROUND_MS} ms rounds; every run: p50 ${r(s.every.p50)} / p95 ${r(s.every.p95)}`;
}
