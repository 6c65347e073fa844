import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findingSchema, forgetIncrementalState, parseCheckConfig, recheckProject, runChecks, runChecksDetailed } from '@/lib/checks';
import { SYMBOLS, splitValue, type FormSnapshot, type Indicator, type IndicatorValue, type Project } from '@/lib/domain';

/** Texts that reach every branch: domain words, typos, symbols, money noise, and arbitrary Unicode. */
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom(
    '', ' ', '\u3000', '产出指标', '1-产出指标', '效益指标', '2', '满意度', '12-质量指标', '22', '社会效益', '未知',
    '≥90%', '参90%', '令90%', '≥**', '98%以上', '0宗', '≥1项', '不少于800万人次、10万人次', '≥合理', '120%', '-5%',
    '设各', '平台理念', '并展', '千度指标值', '指标信', '提高管理规范化水平', '重大事故发生数', '完好率', ';', '。',
    '1,000.00', '10, 540. 32', '-5.00', '1.234', 'abc', '１２.５', '1e5', '0.001', '100', '33.33',
  ),
);
const decimalText = fc.oneof(fc.integer({ min: -1000, max: 100000 }).map(String), fc.double({ noNaN: true }).map(String), text);

const rawValue: fc.Arbitrary<IndicatorValue> = fc.record(
  {
    symbol: fc.constantFrom(...SYMBOLS, null),
    value: fc.option(decimalText),
    unit: fc.oneof(text, fc.constantFrom('%', '个', '场', '小时', '')),
    text,
    raw: text,
    problem: fc.constantFrom('symbol-unreadable', 'number-unreadable'),
  },
  { requiredKeys: ['symbol', 'value', 'unit', 'text', 'raw'] },
);
const value = fc.oneof(fc.constant(null), text.map(splitValue), rawValue);

const indicator: fc.Arbitrary<Indicator> = fc.record(
  {
    level1: text,
    level2: text,
    name: text,
    period: value,
    annual: value,
    explanation: text,
    weight: decimalText,
    remark: text,
    source: fc.record({ line: fc.integer({ min: 1, max: 500 }), text, element: text }, { requiredKeys: [] }),
  },
  { requiredKeys: ['level1', 'level2', 'name', 'period', 'annual'] },
);

const amounts = fc.record({ total: decimalText, fiscal: decimalText, specialAccount: decimalText, other: decimalText });
const names = fc.constantFrom('甲', '乙', '丙', '', '示例项目');

const project: fc.Arbitrary<Project> = fc.record(
  {
    name: fc.oneof(names, text),
    owner: fc.oneof(names, text),
    amounts,
    goal: text,
    annualGoal: text,
    indicators: fc.array(indicator, { maxLength: 8 }),
    sets: fc.record({ period: fc.boolean(), annual: fc.boolean() }),
    source: fc.record({ line: fc.integer({ min: 1, max: 500 }), text }, { requiredKeys: [] }),
  },
  { requiredKeys: ['name', 'owner', 'amounts', 'goal', 'indicators'] },
);

const snapshot: fc.Arbitrary<FormSnapshot> = fc.record({
  total: fc.option(decimalText),
  units: fc.array(fc.record({ name: fc.oneof(names, text), amounts }), { maxLength: 3 }),
  projects: fc.array(project, { maxLength: 6 }),
  warnings: fc.constant([]),
});

const configs = [
  undefined,
  parseCheckConfig({ locale: 'en', profile: 'central-2021' }),
  parseCheckConfig({ rules: { 'weights.sum': { perLevel1: { 产出指标: 50, 效益指标: 30, 满意度指标: 20 } }, 'project.copied-indicators': { similarity: 0.1, minIndicators: 1 } } }),
];

describe('runChecks on arbitrary snapshots', () => {
  it.each(configs.map((c, i) => [i, c] as const))('never throws and gives valid findings with unique keys (config %i)', (_i, config) => {
    fc.assert(
      fc.property(snapshot, (s) => {
        const findings = runChecks(s, config);
        for (const f of findings) findingSchema.parse(f);
        expect(new Set(findings.map((f) => f.key)).size).toBe(findings.length);
      }),
      { numRuns: 300 },
    );
  });

  it('re-checking one replaced project equals a full run', () => {
    fc.assert(
      fc.property(
        snapshot.filter((s) => s.projects.length > 0),
        project,
        fc.nat(),
        (s, replacement, n) => {
          const index = n % s.projects.length;
          const edited = { ...s, projects: s.projects.map((p, i) => (i === index ? replacement : p)) };
          expect(recheckProject(runChecksDetailed(s), edited, index).findings).toEqual(runChecks(edited));
        },
      ),
      { numRuns: 200 },
    );
  });

  it.each([
    ['default config', undefined],
    ['a loose copy threshold', parseCheckConfig({ rules: { 'project.copied-indicators': { similarity: 0.2, minIndicators: 1 } } })],
  ])('the incremental across-project rules (copied lists, unit sums) agree with a run from scratch after every edit (%s)', (_label, config) => {
    const edits = fc.array(fc.tuple(fc.nat(), project, fc.boolean()), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(snapshot.filter((s) => s.projects.length > 1), edits, (start, steps) => {
        let current = start;
        runChecks(current, config);
        for (const [n, replacement, second] of steps) {
          const index = n % current.projects.length;
          const projects = current.projects.slice();
          projects[index] = replacement;
          // Sometimes two projects change at once (an edit undone while another is made).
          if (second) projects[(index + 1) % projects.length] = { ...projects[(index + 1) % projects.length]!, indicators: [] };
          current = { ...current, projects };
          const incremental = runChecks(current, config);
          forgetIncrementalState();
          expect(incremental).toEqual(runChecks(current, config));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('shares the kept state safely when the same edits are replayed in another order', () => {
    const base = fc.sample(snapshot.filter((s) => s.projects.length > 2), { numRuns: 1, seed: 7 })[0]!;
    const a = { ...base, projects: base.projects.map((p, i) => (i === 0 ? { ...p, indicators: [] } : p)) };
    const b = { ...base, projects: base.projects.map((p, i) => (i === 1 ? { ...p, indicators: [] } : p)) };
    const fresh = (s: FormSnapshot) => {
      forgetIncrementalState();
      return runChecks(s);
    };
    const expected = [fresh(a), fresh(b), fresh(base)];
    expect([runChecks(a), runChecks(b), runChecks(base), runChecks(b), runChecks(a)]).toEqual([
      expected[0],
      expected[1],
      expected[2],
      expected[1],
      expected[0],
    ]);
  });
});
