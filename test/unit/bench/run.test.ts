import { describe, expect, it } from 'vitest';
import { type BenchResult, change, markdown, mergeRuns, verdict, withPrevious } from '../../../bench/run';
import { latencyFigure, sample } from '../../../bench/sampling';
import { quietIndices, quietStats } from '../../../bench/stats';

const host = { cpu: 'Test CPU', cores: 2, memoryGB: 4, node: 'v20', chromium: 'Chromium 1', platform: 'linux x64', loadAtStart: 0.5 };

function result(id: string, p50: number | undefined, value: number, target?: BenchResult['target']): BenchResult {
  const f = { id, label: id, unit: 'ms' as const, ...(p50 === undefined ? {} : { p50 }), value, ...(target ? { target } : {}) };
  return { ...f, suite: 't', status: verdict(f) };
}

describe('bench results: targets and repeatability', () => {
  it('judges a figure against its target in the direction the target states', () => {
    expect(verdict({ id: 'a', label: 'a', unit: 'ms', value: 9, target: { op: '<=', value: 10 } })).toBe('met');
    expect(verdict({ id: 'a', label: 'a', unit: 'ms', value: 11, target: { op: '<=', value: 10 } })).toBe('missed');
    expect(verdict({ id: 'a', label: 'a', unit: 'x', value: 9, target: { op: '>=', value: 10 } })).toBe('missed');
    expect(verdict({ id: 'a', label: 'a', unit: 'x', value: NaN, target: { op: '>=', value: 10 } })).toBe('n/a');
  });

  it('compares medians with the previous run of the same id and counts the figures within 20%', () => {
    const now = [result('fast', 110, 150), result('slow', 200, 260), result('size', undefined, 30), result('new', 5, 5)];
    const previous = { generatedAt: '2026-01-01T00:00:00.000Z', results: [{ id: 'fast', p50: 100, value: 400 }, { id: 'slow', p50: 100, value: 120 }, { id: 'size', value: 30 }] };
    const compared = withPrevious(now, previous);
    expect(compared.map((r) => r.previous)).toEqual([100, 100, 30, undefined]);
    const deltas = compared.map((r) => change(r));
    expect(deltas[0]).toBeCloseTo(0.1, 10);
    expect(deltas.slice(1)).toEqual([1, 0, null]);
    const table = markdown(compared, host, '2026-01-02T00:00:00.000Z', previous.generatedAt);
    expect(table).toContain('| +10% |');
    expect(table).toContain('| +100% ⚠ |');
    expect(table).toContain('Repeatability: 2 of 3 figures within 20% of the previous run (2026-01-01T00:00:00.000Z)');
  });

  it('judges repeatability on the medians alone, whatever CPU times the runs kept', () => {
    const now = { ...result('cpu', 130, 150), cpuP50: 105 };
    const previous = { results: [{ id: 'cpu', p50: 100, value: 120, cpuP50: 100 }] };
    const [r] = withPrevious([now], previous);
    expect(r!.previous).toBe(100);
    expect(change(r!)).toBeCloseTo(0.3, 10);
    const table = markdown([r!], host, 'now', 'before');
    expect(table).toContain('| +30% ⚠ |');
    expect(table).toContain('Repeatability: 0 of 1 figures within 20%');
  });

  it('has nothing to compare on a first run or with an unreadable previous file', () => {
    const now = [result('a', 1, 1)];
    expect(withPrevious(now, null)[0]!.previous).toBeUndefined();
    expect(withPrevious(now, { results: 'nope' })[0]!.previous).toBeUndefined();
    expect(markdown(now, host, 'now')).not.toContain('Repeatability');
  });
});

describe('bench sampling: wall and CPU time per call', () => {
  it('keeps one CPU time per measured call, leaving the warm-up calls out', async () => {
    let calls = 0;
    const sampled = await sample(
      () => {
        calls += 1;
        let x = 0;
        for (let i = 0; i < 20_000; i += 1) x += i;
        return x;
      },
      { time: 0, iterations: 20, warmupTime: 0, warmupIterations: 5 },
    );
    expect(sampled.wall.length).toBeGreaterThanOrEqual(20);
    // tinybench may call once more before warming up (to tell a sync from an async task).
    expect(calls - sampled.wall.length).toBeGreaterThanOrEqual(5);
    expect(calls - sampled.wall.length).toBeLessThanOrEqual(6);
    expect(sampled.cpu).toHaveLength(sampled.wall.length);
    expect(sampled.cpu.every((ms) => ms >= 0)).toBe(true);
  });

  it('reports p50/p95 of the quiet runs\' wall times, the CPU median of the same runs, every run beside them, and judges p95 against the target', () => {
    // 15 rounds of 200 ms: three quiet ones (2 ms calls) among twelve slow ones (4 ms calls).
    const wall: number[] = [];
    for (let round = 0; round < 15; round += 1) {
      const ms = round % 5 === 2 ? 2 : 4;
      for (let i = 0; i < 200 / ms; i += 1) wall.push(ms);
    }
    const cpu = wall.map((ms) => ms * 0.9);
    const f = latencyFigure('x', 'x', { wall, cpu }, { target: 3, note: 'n' });
    expect([f.p50, f.p95, f.value, f.cpuP50]).toEqual([2, 2, 2, 1.8]);
    expect(f.every).toEqual({ p50: 4, p95: 4 });
    expect(verdict(f)).toBe('met');
    expect(f.note).toMatch(/^900 runs after warm-up; p50\/p95 over the 300 of 900 runs in the quietest 20% of 200 ms rounds; every run: p50 4 \/ p95 4; n; CPU p50 1.8 ms/);
  });
});

describe('bench: the machine\'s quiet phases', () => {
  it('keeps the calls of the fastest fifth of the rounds, whichever part of the run they came in', () => {
    const slow = Array.from({ length: 50 }, () => 4);
    const fast = Array.from({ length: 100 }, () => 2);
    // Rounds: slow ×3, fast, slow ×4, fast: 10 rounds, so the 2 fastest are kept.
    const samples = [...slow, ...slow, ...slow, ...fast, ...slow, ...slow, ...slow, ...slow, ...fast];
    const picked = quietIndices(samples);
    expect(picked).toHaveLength(200);
    expect(picked.every((i) => samples[i] === 2)).toBe(true);
    expect(picked[0]).toBe(150);
    expect(picked[199]).toBe(samples.length - 1);
  });

  it('makes a call as long as a round a round of its own, and a short tail part of the round before it', () => {
    expect(quietIndices([900, 500, 520, 800, 1000])).toEqual([1]);
    expect(quietIndices([900, 500, 520, 800, 1000, 510, 700, 880, 990, 600])).toEqual([1, 5]);
    // 50+50+50+250 is one round; the 10 after it joins that round instead of being a (fast) round alone.
    expect(quietIndices([300, 50, 50, 50, 250, 10])).toEqual([1, 2, 3, 4, 5]);
    expect(quietIndices([5])).toEqual([0]);
    // Runs spaced on purpose: the time between them counts towards a round (5 ms runs 120 ms apart: 2 a round).
    expect(quietIndices([5, 5, 9, 9, 9, 9, 9, 9, 9, 9], { gapMs: 120 })).toEqual([0, 1]);
    expect(quietIndices([])).toEqual([]);
  });

  it('keeps every run\'s percentiles beside the quiet ones and the CPU median of the quiet runs only', () => {
    const s = quietStats([1000, 400, 900, 950, 1100], [990, 380, 880, 940, 1000]);
    expect(s).toEqual({ p50: 400, p95: 400, cpuP50: 380, every: { p50: 950, p95: 1100 }, quiet: 1, count: 5 });
    // A CPU list that does not match the runs one for one is left out rather than misaligned.
    expect(quietStats([1, 2], [1]).cpuP50).toBeUndefined();
  });

  it('says so when a target is met in the quiet phases only', () => {
    const f = { ...result('t', 1.5, 1.8, { op: '<=', value: 2 }), every: { p50: 2.5, p95: 3.2 } };
    const ok = { ...result('u', 1, 1.2, { op: '<=', value: 2 }), every: { p50: 1.1, p95: 1.4 } };
    const table = markdown([f, ok], host, 'now');
    expect(table).toContain("| 2.50 / 3.20 | 1.80 ms | ≤ 2 ms | ✅ met (quiet phases; every run's p95 3.20 ❌) |");
    expect(table).toContain('| 1.10 / 1.40 | 1.20 ms | ≤ 2 ms | ✅ met |');
    expect(table).toContain('2 targets met (1 of them in the quiet phases only), 0 missed');
  });
});

describe('bench: a suite run in several processes', () => {
  it('takes a distribution from the quietest process and a single value as the median, with every process\'s figure in the note', () => {
    const fig = (value: number, p50: number, cpuP50: number, everyP50: number, note: string) => ({
      id: 'a', label: 'a', unit: 'ms' as const, value, p50, p95: value, cpuP50, every: { p50: everyP50, p95: everyP50 * 2 }, note, target: { op: '<=' as const, value: 10 },
    });
    const size = (value: number) => ({ id: 'size', label: 'size', unit: 'KB' as const, value });
    const merged = mergeRuns([
      [fig(9, 4, 3.9, 6, 'first'), size(30)],
      [fig(5, 2, 2.1, 3, 'second'), size(31)],
      [fig(7, 3, 3.2, 5, 'third'), size(30)],
    ]);
    expect(merged.map((f) => f.id)).toEqual(['a', 'size']);
    const [a, s] = merged;
    expect([a!.value, a!.p50, a!.p95, a!.cpuP50]).toEqual([5, 2, 5, 2.1]);
    expect(a!.every).toEqual({ p50: 5, p95: 10 });
    expect(a!.note).toBe('quietest of 3 processes (p50 4 / 2 / 3 ms; every run, median over the processes: p50 5 / p95 10); second');
    expect(verdict(a!)).toBe('met');
    expect(s!.value).toBe(30);
    expect(s!.note).toBe('median of 3 processes (value 30 / 31 / 30 KB)');
  });

  it('passes a single run through unchanged and keeps a figure no run could measure', () => {
    const skipped = { id: 'x', label: 'x', unit: 'ms' as const, value: NaN, note: 'skipped: no Chromium' };
    expect(mergeRuns([[skipped]])).toEqual([skipped]);
    expect(mergeRuns([[skipped], [skipped]])[0]).toEqual(skipped);
  });
});

describe('bench: browser ratios after merging passes', () => {
  it('makes the ratios again from the merged medians, replacing those of a single pass', async () => {
    const { derive } = await import('../../../bench/browser.bench');
    const lat = (id: string, p50: number) => ({ id, label: id, unit: 'ms' as const, p50, p95: p50, value: p50 });
    const stale = { id: 'browser.ratio-paced', label: 'old', unit: 'x' as const, value: 99 };
    const out = derive([
      lat('browser.tianbao-fill-15-element', 2000),
      stale,
      lat('browser.paced-fill-15-element', 12000),
      lat('browser.rpa-fill-15-element', 40000),
      { id: 'browser.typing-estimate', label: 't', unit: 'ms', value: 300000 },
    ]);
    expect(out.map((f) => f.id)).toEqual([
      'browser.tianbao-fill-15-element',
      'browser.paced-fill-15-element',
      'browser.rpa-fill-15-element',
      'browser.ratio-paced',
      'browser.ratio-rpa',
      'browser.typing-estimate',
      'browser.ratio-typing',
    ]);
    const value = (id: string) => out.find((f) => f.id === id)!.value;
    expect([value('browser.ratio-paced'), value('browser.ratio-rpa'), value('browser.ratio-typing')]).toEqual([6, 20, 150]);
    expect(verdict(out.find((f) => f.id === 'browser.ratio-paced')!)).toBe('missed');
  });
});
