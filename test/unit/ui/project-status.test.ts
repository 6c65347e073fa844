import { describe, expect, it } from 'vitest';
import { MAX_STATUS_ENTRIES, readStatusEntries, recordStatus, sameStatus, statusTotals } from '../../../lib/ui/project-status';

const clean = { error: 0, warning: 0, info: 0 };

describe('recordStatus', () => {
  it('puts the current projects first and replaces their older entries', () => {
    const before = recordStatus([], [{ name: '政务云经费', counts: { ...clean, error: 2 } }], 1);
    const after = recordStatus(before, [{ name: '配餐服务费', counts: clean }], 2);
    const again = recordStatus(after, [{ name: '政务云经费', counts: clean, url: 'https://portal/x' }], 3);
    expect(again.map((e) => [e.name, e.status, e.checkedAt])).toEqual([
      ['政务云经费', 'ok', 3],
      ['配餐服务费', 'ok', 2],
    ]);
    expect(again[0]!.url).toBe('https://portal/x');
  });

  it.each([[''], ['   ']])('does not record a project without a name (%j)', (name) => {
    expect(recordStatus([], [{ name, counts: clean }], 1)).toEqual([]);
  });

  it('keeps at most the newest entries', () => {
    let entries = recordStatus([], [], 0);
    for (let i = 0; i < MAX_STATUS_ENTRIES + 5; i += 1) entries = recordStatus(entries, [{ name: `项目${i}`, counts: clean }], i);
    expect(entries).toHaveLength(MAX_STATUS_ENTRIES);
    expect(entries[0]!.name).toBe(`项目${MAX_STATUS_ENTRIES + 4}`);
  });

  it('tells whether anything changed', () => {
    const a = recordStatus([], [{ name: 'A', counts: clean }], 1);
    expect(sameStatus(a, recordStatus(a, [{ name: 'A', counts: clean }], 2))).toBe(true);
    expect(sameStatus(a, recordStatus(a, [{ name: 'A', counts: { ...clean, warning: 1 } }], 2))).toBe(false);
  });
});

describe('readStatusEntries', () => {
  it('keeps valid entries, recomputes status and drops malformed ones', () => {
    const stored = [
      { name: 'A', counts: { error: 1, warning: 0, info: 0 }, status: 'ok', checkedAt: 5 },
      { name: '', counts: clean, checkedAt: 1 },
      { name: 'B', counts: { error: -1, warning: 0, info: 0 }, checkedAt: 1 },
      { name: 'C', counts: clean },
      'junk',
      { name: 'D', counts: { error: 0, warning: 2, info: 0 }, checkedAt: 7, url: 'u' },
    ];
    const entries = readStatusEntries(stored);
    expect(entries.map((e) => [e.name, e.status])).toEqual([
      ['A', 'error'],
      ['D', 'warning'],
    ]);
    expect(statusTotals(entries)).toEqual({ ok: 0, warning: 1, error: 1 });
  });

  it.each([[undefined], [null], [{}], ['x']])('reads %j as empty', (stored) => {
    expect(readStatusEntries(stored)).toEqual([]);
  });
});
