import { describe, expect, it } from 'vitest';
import { type BenchResult, change, markdown, verdict, withPrevious } from '../../../bench/run';

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

  it('has nothing to compare on a first run or with an unreadable previous file', () => {
    const now = [result('a', 1, 1)];
    expect(withPrevious(now, null)[0]!.previous).toBeUndefined();
    expect(withPrevious(now, { results: 'nope' })[0]!.previous).toBeUndefined();
    expect(markdown(now, host, 'now')).not.toContain('Repeatability');
  });
});
