import { describe, expect, it } from 'vitest';
import { makeProject, makeSnapshot } from '../../../fixtures/make-snapshot';
import { forgetIncrementalState } from '@/lib/checks';
import type { FormSnapshot } from '@/lib/domain';
import { checkProjectWith, checkWith, where } from '../support';

describe('totals.project', () => {
  it.each([
    ['总计 = 财政拨款', { total: '712.97', fiscal: '712.97' }, []],
    ['three sources', { total: '150.30', fiscal: '100.10', specialAccount: '50.20', other: '0.00' }, []],
    ['0.1 + 0.2 = 0.3 exactly (no float drift)', { total: '0.30', fiscal: '0.10', specialAccount: '0.20', other: '0.00' }, []],
    ['an empty source counts as zero', { total: '5.00', fiscal: '5.00', specialAccount: '', other: '' }, []],
    ['an unreadable amount is amount.format’s finding', { total: 'abc', fiscal: '5.00' }, []],
    ['a table that prints only the total (no parts to add up)', { total: '885.00', fiscal: '0.00', specialAccount: '0.00', other: '0.00' }, []],
    ['total one fen off', { total: '712.97', fiscal: '712.96' }, ['error:-:amounts.total']],
    ['other funds left out of the total', { total: '100.00', fiscal: '100.00', other: '20.00' }, ['error:-:amounts.total']],
  ])('%s', (_label, amounts, expected) => {
    expect(where(checkProjectWith('totals.project', { amounts }))).toEqual(expected);
  });

  it('says what the sum is and what the total should be', () => {
    const [finding] = checkProjectWith('totals.project', { amounts: { total: '100.00', fiscal: '80.00', other: '20.50' } });
    expect(finding?.message).toContain('100.50');
    expect(finding?.message).toContain('总计应为 100.50 万元');
  });
});

describe('totals.unit', () => {
  const a = makeProject({ name: '甲项目', amounts: { total: '712.97' } });
  const b = makeProject({ name: '乙项目', amounts: { total: '414.26' } });

  it('right unit rows and 合计 give nothing', () => {
    expect(checkWith('totals.unit', makeSnapshot({ projects: [a, b] }))).toEqual([]);
  });

  it.each([
    [
      'a unit total that is not its projects’ sum',
      makeSnapshot({
        projects: [a, b],
        units: [{ name: '示例单位', amounts: { total: '1127.24', fiscal: '1127.23', specialAccount: '0.00', other: '0.00' } }],
        total: '1127.24',
      }),
      ['示例单位|amounts.total'],
    ],
    ['合计 off by one fen', makeSnapshot({ projects: [a, b], total: '1127.22' }), ['合计|total']],
    ['合计 over projects when there are no unit rows', makeSnapshot({ projects: [a, b], units: [], total: '1000.00' }), ['合计|total']],
    ['no 合计 printed', makeSnapshot({ projects: [a, b], total: null }), []],
    [
      'two units, one wrong in 财政拨款',
      makeSnapshot({
        projects: [a, makeProject({ name: '丙项目', owner: '第二单位', amounts: { total: '10.00' } })],
        units: [
          { name: '示例单位', amounts: { total: '712.97', fiscal: '712.97', specialAccount: '0.00', other: '0.00' } },
          { name: '第二单位', amounts: { total: '10.00', fiscal: '9.00', specialAccount: '0.00', other: '0.00' } },
        ],
        total: '722.97',
      }),
      ['第二单位|amounts.fiscal'],
    ],
    [
      'a lone unit with unmatched owners covers every project',
      makeSnapshot({
        projects: [makeProject({ owner: '', amounts: { total: '5.00' } })],
        units: [{ name: '本级', amounts: { total: '6.00', fiscal: '6.00', specialAccount: '0.00', other: '0.00' } }],
        total: '6.00',
      }),
      ['本级|amounts.total', '本级|amounts.fiscal'],
    ],
  ])('%s', (_label, snapshot, expected) => {
    const findings = checkWith('totals.unit', snapshot);
    expect(findings.map((f) => `${f.project}|${f.field}`)).toEqual(expected);
    for (const f of findings) expect(f.severity).toBe('error');
  });

  it('names the expected sum', () => {
    const [finding] = checkWith('totals.unit', makeSnapshot({ projects: [a, b], total: '1127.22' }));
    expect(finding?.message).toBe('合计 1127.22 万元不等于 1 个单位的总计之和 1127.23 万元；应为 1127.23 万元');
  });

  it('keeps up with a sequence of amount edits (the live checker’s incremental path)', () => {
    const base = makeSnapshot({ projects: [a, b, makeProject({ name: '丙项目', amounts: { total: '1.01' } })] });
    let current: FormSnapshot = base;
    const edit = (i: number, total: string) => {
      current = { ...current, projects: current.projects.map((p, k) => (k === i ? { ...p, amounts: { ...p.amounts, total, fiscal: total } } : p)) };
    };
    const run = () => checkWith('totals.unit', current).map((f) => `${f.project}|${f.field}|${/之和 ([\d.]+)/.exec(f.message)?.[1]}`);
    const fresh = () => {
      forgetIncrementalState();
      return run();
    };
    forgetIncrementalState();
    expect(run()).toEqual([]);
    edit(0, '700.00');
    expect(run()).toEqual(['示例单位|amounts.total|1115.27', '示例单位|amounts.fiscal|1115.27']);
    edit(2, '13.98'); // 700.00 + 414.26 + 13.98 is the printed 1128.24 again
    expect(run()).toEqual([]);
    edit(2, '14.00');
    expect(run()).toEqual(['示例单位|amounts.total|1128.26', '示例单位|amounts.fiscal|1128.26']);
    const incremental = run();
    expect(fresh()).toEqual(incremental);
    edit(0, '712.97');
    edit(2, '1.01');
    expect(run()).toEqual([]);
    edit(1, 'abc');
    expect(run()).toEqual([]); // an unreadable amount is amount.format's; no sum is claimed over it
    edit(1, '414.26');
    expect(run()).toEqual([]);
  });
});
