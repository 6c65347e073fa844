import { describe, expect, it } from 'vitest';
import { checkConfigSchema } from '../../../lib/checks/config';
import { DEFAULT_CHECK_CONFIG } from '../../../lib/checks/defaults';
import { RULE_IDS } from '../../../lib/checks/types';
import {
  changedRuleCount,
  configFromDraft,
  defaultDraft,
  draftFromConfig,
  OPTION_FIELDS,
  OPTION_KEYS,
  readStoredConfig,
  type RulesDraft,
} from '../../../lib/ui/rules-config';

function edit(change: (d: RulesDraft) => void): RulesDraft {
  const d = structuredClone(defaultDraft());
  change(d);
  return d;
}

describe('configFromDraft', () => {
  it('stores nothing for the defaults', () => {
    const result = configFromDraft(defaultDraft(), 'zh-CN');
    expect(result).toEqual({ ok: true, input: {}, config: DEFAULT_CHECK_CONFIG });
  });

  it.each([
    ['a rule switched off', (d: RulesDraft) => (d.rules['text.format'].enabled = false), { rules: { 'text.format': { enabled: false } } }],
    ['a re-graded rule', (d: RulesDraft) => (d.rules['goal.missing'].severity = 'warning'), { rules: { 'goal.missing': { severity: 'warning' } } }],
    ['a threshold', (d: RulesDraft) => (d.rules['indicator.too-long'].options.maxNameLength = '80'), { rules: { 'indicator.too-long': { maxNameLength: 80 } } }],
    [
      'a word list, one per line',
      (d: RulesDraft) => (d.rules['category.missing'].options.required = '产出指标\n效益指标\n满意度指标'),
      { rules: { 'category.missing': { required: ['产出指标', '效益指标', '满意度指标'] } } },
    ],
    [
      'unit groups',
      (d: RulesDraft) => (d.rules['value.unit-mismatch'].options.equivalentUnits = '场，场次\n人次, 人\n单独'),
      { rules: { 'value.unit-mismatch': { equivalentUnits: [['场', '场次'], ['人次', '人']] } } },
    ],
    ['an optional total', (d: RulesDraft) => (d.rules['weights.sum'].options.total = '90'), { rules: { 'weights.sum': { total: 90 } } }],
    ['the 2021 profile', (d: RulesDraft) => (d.profile = 'central-2021'), { profile: 'central-2021' }],
  ])('stores only %s', (_label, change, input) => {
    const result = configFromDraft(edit(change), 'zh-CN');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.input).toEqual(input);
    // What is stored is what the background parses.
    expect(checkConfigSchema.parse(result.input)).toEqual(result.config);
  });

  it('stores the English locale', () => {
    const result = configFromDraft(defaultDraft(), 'en');
    expect(result.ok && result.input).toEqual({ locale: 'en' });
  });

  it.each([
    ['indicator.too-long', 'maxNameLength', 'abc', 'notNumber'],
    ['indicator.too-long', 'maxNameLength', '12.5', 'notInteger'],
    ['indicator.too-long', 'maxNameLength', '0', 'outOfRange'],
    ['project.copied-indicators', 'similarity', '1.5', 'outOfRange'],
    ['amount.format', 'maxDecimals', '-1', 'outOfRange'],
  ] as const)('refuses %s.%s = %j (%s)', (rule, key, text, code) => {
    const result = configFromDraft(edit((d) => (d.rules[rule].options[key] = text)), 'zh-CN');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([expect.objectContaining({ rule, key, code })]);
  });

  it('refuses a percentage range whose maximum is below its minimum', () => {
    const result = configFromDraft(
      edit((d) => {
        d.rules['value.percent-range'].options.min = '50';
        d.rules['value.percent-range'].options.max = '10';
      }),
      'zh-CN',
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ rule: 'value.percent-range', key: 'max', code: 'minAboveMax' });
  });

  it('puts an emptied threshold back to its default', () => {
    const result = configFromDraft(edit((d) => (d.rules['amount.format'].options.maxDecimals = '  ')), 'zh-CN');
    expect(result.ok && result.input).toEqual({});
  });

  it('counts the rules that differ', () => {
    const result = configFromDraft(
      edit((d) => {
        d.rules['text.typo'].enabled = false;
        d.rules['goal.missing'].severity = 'info';
      }),
      'zh-CN',
    );
    expect(result.ok && changedRuleCount(result.input)).toBe(2);
  });
});

describe('the form model', () => {
  it('edits every option of every rule: thresholds and word lists here, the typo table and per-一级 weights in their own editors', () => {
    const exempt = new Set(['text.typo:typos', 'weights.sum:perLevel1']);
    for (const id of RULE_IDS) {
      const keys = Object.keys(DEFAULT_CHECK_CONFIG.rules[id]).filter((k) => k !== 'enabled' && k !== 'severity' && !exempt.has(`${id}:${k}`));
      const edited = (OPTION_FIELDS[id] ?? []).map((f) => f.key).filter((k) => k !== 'total');
      expect(edited.sort(), id).toEqual(keys.sort());
    }
    for (const fields of Object.values(OPTION_FIELDS)) for (const f of fields ?? []) expect(OPTION_KEYS).toContain(f.key);
    // The two tables are part of the form too.
    const draft = defaultDraft();
    expect(draft.typos.map((r) => r.wrong)).toEqual(DEFAULT_CHECK_CONFIG.rules['text.typo'].typos.map((x) => x.wrong));
    expect(draft.weights).toEqual({});
  });

  it('reads a stored config back into the same form', () => {
    const input = { profile: 'central-2021', rules: { 'text.format': { enabled: false }, 'value.percent-range': { max: 120 } } };
    const { config, valid } = readStoredConfig(input);
    expect(valid).toBe(true);
    const draft = draftFromConfig(config);
    expect(draft.profile).toBe('central-2021');
    expect(draft.rules['text.format'].enabled).toBe(false);
    expect(draft.rules['value.percent-range'].options.max).toBe('120');
    const again = configFromDraft(draft, 'zh-CN');
    expect(again.ok && again.input).toEqual(input);
  });

  it.each([[{ rules: { 'no.such-rule': {} } }], [{ profile: 'atlantis' }], ['text']])('falls back to the defaults for a stored config it cannot read: %j', (stored) => {
    expect(readStoredConfig(stored)).toEqual({ config: DEFAULT_CHECK_CONFIG, valid: false });
  });
});
