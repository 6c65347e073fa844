import { describe, expect, it } from 'vitest';
import { checkConfigSchema } from '../../../lib/checks/config';
import { DEFAULT_TYPOS } from '../../../lib/checks/defaults';
import { runChecks } from '../../../lib/checks';
import { DEFAULT_PROFILE, PROFILE_2021 } from '../../../lib/domain/taxonomy';
import { configFromDraft, defaultDraft, draftFromConfig, readStoredConfig, type RulesDraft } from '../../../lib/ui/rules-config';
import {
  foreignWeightKeys,
  isDefaultTypos,
  perLevel1FromDraft,
  rowsFromTypos,
  typosFromRows,
  weightDraftFrom,
  weightSummary,
  weightTotal,
  type TypoRow,
} from '../../../lib/ui/rules-tables';

const row = (wrong: string, right: string, notAfter = '', notBefore = ''): TypoRow => ({ wrong, right, notAfter, notBefore });

function edit(change: (d: RulesDraft) => void): RulesDraft {
  const d = structuredClone(defaultDraft());
  change(d);
  return d;
}

describe('typo table', () => {
  it('reads rows into the config shape, trimmed, neighbours without blanks or repeats', () => {
    const result = typosFromRows([row(' 设各 ', '设备', '', '类 级，类'), row('既然', '即然')]);
    expect(result).toEqual({
      ok: true,
      typos: [
        { wrong: '设各', right: '设备', notAfter: '', notBefore: '类级' },
        { wrong: '既然', right: '即然', notAfter: '', notBefore: '' },
      ],
    });
  });

  it.each([
    ['an empty typo', [row('', '设备')], [{ row: 0, field: 'wrong', code: 'required' }]],
    ['an empty correction', [row('设各', '  ')], [{ row: 0, field: 'right', code: 'required' }]],
    ['a blank row', [row('', '')], [{ row: 0, field: 'wrong', code: 'required' }, { row: 0, field: 'right', code: 'required' }]],
    ['a typo the same as its correction', [row('设备', '设备')], [{ row: 0, field: 'right', code: 'sameAsRight' }]],
    [
      'a typo listed twice (the later row, naming the first)',
      [row('设各', '设备'), row('台理', '合理'), row(' 设各', '设施')],
      [{ row: 2, field: 'wrong', code: 'duplicate', firstRow: 1 }],
    ],
    ['a typo too long to be a slip', [row('这是一整句话而不是一个错别字这是一整句话啊', '对')], [{ row: 0, field: 'wrong', code: 'tooLong', max: 20 }]],
  ])('refuses %s, by row and field', (_label, rows, errors) => {
    expect(typosFromRows(rows)).toEqual({ ok: false, errors });
  });

  it('round-trips the built-in table and knows it for the default', () => {
    const rows = rowsFromTypos(DEFAULT_TYPOS);
    const result = typosFromRows(rows);
    expect(result.ok && isDefaultTypos(result.typos)).toBe(true);
    expect(isDefaultTypos([...DEFAULT_TYPOS].slice(1))).toBe(false);
  });
});

describe('per-一级 weights', () => {
  it('reads numbers (a trailing 分 is fine) and leaves empty ones out', () => {
    expect(perLevel1FromDraft({ 产出指标: '50', 效益指标: ' 30分 ', 满意度指标: '' })).toEqual({ ok: true, perLevel1: { 产出指标: 50, 效益指标: 30 } });
  });

  it('names every unreadable value by its 一级', () => {
    expect(perLevel1FromDraft({ 产出指标: 'abc', 效益指标: '-5', 满意度指标: '10' })).toEqual({
      ok: false,
      errors: [
        { level1: '产出指标', code: 'notNumber' },
        { level1: '效益指标', code: 'negative' },
      ],
    });
  });

  it.each([
    ['nothing set', {}, 'none', 0, 100],
    ['all set, adding up to the total', { 产出指标: '60', 效益指标: '30', 满意度指标: '10' }, 'ok', 100, 0],
    ['all set with decimals', { 产出指标: '33.3', 效益指标: '33.3', 满意度指标: '33.4' }, 'ok', 100, 0],
    ['all set, short of the total', { 产出指标: '50', 效益指标: '30', 满意度指标: '10' }, 'mismatch', 90, 10],
    ['some set, leaving room', { 产出指标: '50', 效益指标: '30' }, 'ok', 80, 20],
    ['some set, over the total', { 产出指标: '80', 效益指标: '30' }, 'over', 110, -10],
  ] as const)('sums against the total: %s', (_label, draft, state, sum, remaining) => {
    const s = weightSummary(draft, DEFAULT_PROFILE, 100);
    expect(s).toMatchObject({ state, sum, total: 100, of: 3, remaining });
  });

  it('has no sum rule without a total', () => {
    expect(weightSummary({ 产出指标: '50' }, { ...DEFAULT_PROFILE, weights: undefined }, undefined)).toMatchObject({ state: 'none', total: undefined });
  });

  it('takes the rule’s own total over the profile’s', () => {
    expect(weightTotal('90', DEFAULT_PROFILE)).toBe(90);
    expect(weightTotal('', DEFAULT_PROFILE)).toBe(100);
    expect(weightTotal('abc', DEFAULT_PROFILE)).toBe(100);
  });

  it('files stored keys under the profile’s 一级 names and keeps unknown ones apart', () => {
    const draft = weightDraftFrom({ 产出: 50, '2-效益指标': 30, 成本指标: 10 }, DEFAULT_PROFILE);
    expect(draft).toEqual({ 产出指标: '50', 效益指标: '30', 成本指标: '10' });
    expect(foreignWeightKeys(draft, DEFAULT_PROFILE)).toEqual(['成本指标']);
    expect(foreignWeightKeys(draft, PROFILE_2021)).toEqual([]);
  });
});

describe('the Rules form with its tables', () => {
  it('stores an edited typo table whole, in the shape the background parses', () => {
    const d = edit((x) => {
      x.typos = [...x.typos.slice(1), row('绩效自平', '绩效自评')];
    });
    const result = configFromDraft(d, 'zh-CN');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.input.rules?.['text.typo']?.typos).toHaveLength(DEFAULT_TYPOS.length);
    expect(result.input.rules?.['text.typo']?.typos?.at(-1)).toEqual({ wrong: '绩效自平', right: '绩效自评', notAfter: '', notBefore: '' });
    expect(checkConfigSchema.parse(result.input)).toEqual(result.config);
    // Read back, the form is the same.
    expect(draftFromConfig(readStoredConfig(result.input).config).typos).toEqual(configFromDraft(d, 'zh-CN').ok ? d.typos : []);
  });

  it('stores nothing for the built-in typos, an empty list for an emptied table', () => {
    expect(configFromDraft(defaultDraft(), 'zh-CN')).toMatchObject({ ok: true, input: {} });
    const emptied = configFromDraft(edit((x) => (x.typos = [])), 'zh-CN');
    expect(emptied.ok && emptied.input).toEqual({ rules: { 'text.typo': { typos: [] } } });
  });

  it('refuses a bad typo row with its place, and stores nothing', () => {
    const result = configFromDraft(edit((x) => x.typos.push(row('设各', '设施'))), 'zh-CN');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.typoErrors).toEqual([{ row: DEFAULT_TYPOS.length, field: 'wrong', code: 'duplicate', firstRow: 1 }]);
  });

  it('stores per-一级 weights under weights.sum.perLevel1', () => {
    const result = configFromDraft(edit((x) => (x.weights = { 产出指标: '60', 效益指标: '30', 满意度指标: '10' })), 'zh-CN');
    expect(result.ok && result.input).toEqual({ rules: { 'weights.sum': { perLevel1: { 产出指标: 60, 效益指标: 30, 满意度指标: 10 } } } });
  });

  it('keeps weights of 一级 the profile lacks when saving', () => {
    const stored = { rules: { 'weights.sum': { perLevel1: { 产出指标: 40, 成本指标: 10 } } } };
    const draft = draftFromConfig(readStoredConfig(stored).config);
    const result = configFromDraft(draft, 'zh-CN');
    expect(result.ok && result.input).toEqual(stored);
  });

  it.each([
    ['all set and not adding up', { 产出指标: '50', 效益指标: '30', 满意度指标: '10' }, 'mismatch'],
    ['over the total', { 产出指标: '90', 效益指标: '30' }, 'over'],
  ])('refuses weights %s', (_label, weights, state) => {
    const result = configFromDraft(edit((x) => (x.weights = weights)), 'zh-CN');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.weightSum?.state).toBe(state);
  });

  it('measures the sum against the rule’s own total when one is set', () => {
    const result = configFromDraft(
      edit((x) => {
        x.weights = { 产出指标: '50', 效益指标: '30', 满意度指标: '10' };
        x.rules['weights.sum'].options.total = '90';
      }),
      'zh-CN',
    );
    expect(result.ok && result.input).toEqual({ rules: { 'weights.sum': { total: 90, perLevel1: { 产出指标: 50, 效益指标: 30, 满意度指标: 10 } } } });
  });

  it('a saved typo and a saved weight are what the checks then use', () => {
    const result = configFromDraft(
      edit((x) => {
        x.typos = [row('绩效自平', '绩效自评')];
        x.weights = { 产出指标: '60', 效益指标: '30', 满意度指标: '10' };
      }),
      'zh-CN',
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const config = readStoredConfig(JSON.parse(JSON.stringify(result.input))).config;
    const project = {
      name: '绩效自平系统运维',
      owner: '',
      amounts: { total: '10.00', fiscal: '10.00', specialAccount: '0.00', other: '0.00' },
      goal: '保障系统运行',
      indicators: [
        { level1: '产出指标', level2: '数量指标', name: '巡检次数', period: null, annual: null, weight: '50' },
        { level1: '效益指标', level2: '社会效益', name: '服务保障', period: null, annual: null, weight: '40' },
        { level1: '满意度指标', level2: '服务对象满意度', name: '满意度', period: null, annual: null, weight: '10' },
      ],
    };
    const rules = new Set(runChecks({ total: null, units: [], projects: [project], warnings: [] } as never, config).map((f) => `${f.rule}:${f.message}`));
    expect([...rules].some((r) => r.startsWith('text.typo:') && r.includes('绩效自评'))).toBe(true);
    expect([...rules].some((r) => r.startsWith('weights.sum:') && r.includes('产出指标'))).toBe(true);
  });
});
