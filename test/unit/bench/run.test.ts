import { describe, expect, it } from 'vitest';
import { type BenchResult, change, markdown, mergeRuns, verdict, withPrevious } from '../../../bench/run';
import { middle } from '../../../bench/stats';
import { latencyFigure, sample } from '../../../bench/sampling';

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

  it('reports p50/p95 of the wall times, the CPU median beside them, and judges p95 against the target', () => {
    const wall = Array.from({ length: 100 }, (_, i) => i + 1);
    const cpu = Array.from({ length: 100 }, (_, i) => (i + 1) / 2);
    const f = latencyFigure('x', 'x', { wall, cpu }, { target: 90, note: 'n' });
    expect([f.p50, f.p95, f.value, f.cpuP50]).toEqual([50, 95, 95, 25]);
    expect(verdict(f)).toBe('missed');
    expect(f.note).toMatch(/^100 runs after warm-up; n; CPU p50 25 ms per call/);
  });
});

describe('bench: a suite run in several processes', () => {
  it('reports each figure as the median over the processes (two: the mean of both), with every run\'s value in the note', () => {
    const fig = (value: number, p50: number, cpuP50: number, note: string) => ({ id: 'a', label: 'a', unit: 'ms' as const, value, p50, p95: value, cpuP50, note, target: { op: '<=' as const, value: 10 } });
    const size = (value: number) => ({ id: 'size', label: 'size', unit: 'KB' as const, value });
    const merged = mergeRuns([
      [fig(9, 4, 3.9, 'first'), size(30)],
      [fig(5, 2, 2.1, 'second'), size(31)],
      [fig(7, 3, 3.2, 'third'), size(30)],
    ]);
    expect(merged.map((f) => f.id)).toEqual(['a', 'size']);
    const [a, s] = merged;
    expect([a!.value, a!.p50, a!.p95, a!.cpuP50]).toEqual([7, 3, 7, 3.2]);
    expect(a!.note).toBe('median of 3 processes (value 9 / 5 / 7 ms); third');
    expect(verdict(a!)).toBe('met');
    expect(s!.value).toBe(30);
    // Two passes: the mean of the two, not the slower one; the note is the nearer pass's.
    const two = mergeRuns([[fig(12, 6, 5, 'slow pass')], [fig(8, 4, 3, 'fast pass')]])[0]!;
    expect([two.value, two.p50, two.p95, two.cpuP50]).toEqual([10, 5, 10, 4]);
    expect(two.note).toMatch(/^median of 2 processes \(value 12 \/ 8 ms\); (slow|fast) pass$/);
    // 10 ≤ 10: the two passes together meet the target the slower one alone (12) misses.
    expect(verdict(two)).toBe('met');
  });

  it('takes the median of any count, the mean of the middle two when even', () => {
    expect(middle([3, 1, 2])).toBe(2);
    expect(middle([4, 1, 3, 2])).toBe(2.5);
    expect(middle([7])).toBe(7);
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
