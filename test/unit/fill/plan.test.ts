import { describe, expect, it } from 'vitest';
import { splitValue, type TemplateContent } from '@/lib/domain';
import { cellsForItem, planFill, verifyFill } from '@/lib/fill/plan';
import { FILL_FIELDS, type GridState } from '@/lib/fill/types';

function item(name: string, period: string, annual: string, extra: Partial<TemplateContent> = {}): TemplateContent {
  return { level1: '产出指标', level2: '数量指标', name, period: splitValue(period), annual: splitValue(annual), ...extra };
}

const items = [item('培训人次', '≥100人次', '≥50人次'), item('无重大安全事故', '无重大安全事故', '无重大安全事故', { level1: '效益指标', level2: '社会效益' })];

function grid(set: 'period' | 'annual', rows: GridState['rows'] = []): GridState {
  // The usual portal grid: every field but 指标性质 (a column only some portals keep apart).
  return { set, fields: FILL_FIELDS.filter((f) => f !== 'nature'), rows };
}

describe('cellsForItem', () => {
  it.each([
    ['period', { symbol: '≥', value: '100', unit: '人次' }],
    ['annual', { symbol: '≥', value: '50', unit: '人次' }],
  ] as const)('writes the %s value into its own set', (set, expected) => {
    expect(cellsForItem(items[0]!, set)).toMatchObject({ level1: '产出指标', level2: '数量指标', name: '培训人次', ...expected });
  });

  it('writes a qualitative value as text with the 定性 symbol and no unit', () => {
    expect(cellsForItem(items[1]!, 'annual')).toMatchObject({ symbol: '定性', value: '无重大安全事故', unit: '' });
  });

  it('never invents a value from the other set', () => {
    expect(cellsForItem({ ...item('x', '≥3个', ''), annual: null }, 'annual')).toBeNull();
    const plan = planFill([grid('period'), grid('annual')], [{ ...item('x', '≥3个', ''), annual: null }]);
    expect(plan.added).toEqual({ period: 1, annual: 0 });
  });

  it('keeps the words around a number as 指标值说明 and an unreadable value as typed', () => {
    expect(cellsForItem(item('资源', '地理信息平台服务资源数量≥350条', '≥350条'), 'period')).toMatchObject({
      symbol: '≥',
      value: '350',
      unit: '条',
      explanation: '地理信息平台服务资源数量',
    });
    // The misread symbol is left empty for the person (and the portal's save check) to see.
    expect(cellsForItem(item('资金使用', '参90%', '≥90%'), 'period')).toMatchObject({ symbol: '', value: '90', unit: '%', explanation: '' });
    expect(cellsForItem(item('模板', '≥**', '≥**'), 'period')).toMatchObject({ symbol: '≥', value: '≥**' });
  });
});

describe('planFill', () => {
  it('adds rows to empty grids and sets every field, period and annual apart', () => {
    const plan = planFill([grid('period'), grid('annual')], items);
    expect(plan.ops[0]).toEqual({ kind: 'switch-set', set: 'period' });
    expect(plan.ops[1]).toEqual({ kind: 'add-rows', set: 'period', count: 2 });
    expect(plan.ops).toContainEqual({ kind: 'set-cell', set: 'period', row: 0, field: 'value', value: '100', key: '培训人次' });
    expect(plan.ops).toContainEqual({ kind: 'set-cell', set: 'annual', row: 0, field: 'value', value: '50', key: '培训人次' });
    expect(plan.added).toEqual({ period: 2, annual: 2 });
    expect(plan.targets).toEqual({ period: [0, 1], annual: [0, 1] });
  });

  it('fills empty rows first, then appends', () => {
    const plan = planFill([grid('period', [{ name: '已有指标', value: '1' }, {}])], items);
    expect(plan.targets.period).toEqual([1, 2]);
    expect(plan.added.period).toBe(1);
  });

  it('never overwrites a non-empty field unless asked', () => {
    const rows = [{ level1: '产出指标', level2: '数量指标', name: '培训人次', symbol: '≥', value: '80', unit: '人次' }];
    const safe = planFill([grid('period', rows)], [items[0]!]);
    expect(safe.ops.filter((o) => o.kind === 'set-cell')).toEqual([]);
    expect(safe.skipped).toEqual([{ set: 'period', row: 0, field: 'value', current: '80', wanted: '100' }]);
    const forced = planFill([grid('period', rows)], [items[0]!], { overwrite: true });
    expect(forced.ops).toContainEqual({ kind: 'set-cell', set: 'period', row: 0, field: 'value', value: '100', key: '培训人次' });
    expect(forced.skipped).toEqual([]);
  });

  it('only writes fields the grid has', () => {
    const plan = planFill([{ set: 'annual', fields: ['name', 'value'], rows: [] }], [items[0]!]);
    const fields = plan.ops.flatMap((o) => (o.kind === 'set-cell' ? [o.field] : []));
    expect(new Set(fields)).toEqual(new Set(['name', 'value']));
  });
});

describe('verifyFill', () => {
  it('reports every field that did not take its value', () => {
    const plan = planFill([grid('period')], [items[0]!]);
    const after = [grid('period', [{ level1: '产出指标', level2: '数量指标', name: '培训人次', symbol: '≥', value: '', unit: '人次' }])];
    expect(verifyFill(after, plan)).toEqual([{ set: 'period', row: 0, field: 'value', expected: '100', actual: '' }]);
    const good = [grid('period', [{ level1: '产出指标', level2: '数量指标', name: '培训人次', symbol: '≥', value: '100', unit: '人次' }])];
    expect(verifyFill(good, plan)).toEqual([]);
  });
});

describe('a grid with a 指标性质 column', () => {
  it('writes 正向 / 反向 / 定性 there, and no 指标方向 for a 定性 item', () => {
    const withNature: GridState = { set: 'period', fields: FILL_FIELDS, rows: [] };
    const plan = planFill([withNature], [items[0]!, items[1]!, item('故障响应时间', '≤2小时', '≤2小时')]);
    const cell = (row: number, field: string) => plan.ops.find((o) => o.kind === 'set-cell' && o.row === row && o.field === field);
    expect(cell(0, 'nature')).toMatchObject({ value: '正向' });
    expect(cell(0, 'symbol')).toMatchObject({ value: '≥' });
    expect(cell(1, 'nature')).toMatchObject({ value: '定性' });
    expect(cell(1, 'symbol')).toBeUndefined();
    expect(cell(2, 'nature')).toMatchObject({ value: '反向' });
  });
});
