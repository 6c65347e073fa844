import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkProject,
  DEFAULT_CHECK_CONFIG,
  findingSchema,
  parseCheckConfig,
  recheckProject,
  RULE_IDS,
  RULES,
  runChecks,
  runChecksDetailed,
} from '@/lib/checks';
import { makeIndicator, makeProject, makeSnapshot } from '../../fixtures/make-snapshot';

const faulty = () =>
  makeSnapshot({
    projects: [
      makeProject({ name: '甲', goal: '', amounts: { total: '10.00', fiscal: '9.00' } }),
      makeProject({ name: '乙', indicators: [makeIndicator({ level1: '效益指标', level2: '质量指标', annual: null })] }),
      makeProject({ name: '丙', indicators: [] }),
    ],
  });

describe('config', () => {
  it('an empty config is the defaults the engine uses', () => {
    expect(parseCheckConfig({})).toEqual(DEFAULT_CHECK_CONFIG);
    expect(parseCheckConfig(undefined)).toEqual(DEFAULT_CHECK_CONFIG);
  });

  it.each([
    ['an unknown rule id', { rules: { 'totals.projects': { enabled: false } } }],
    ['an unknown option', { rules: { 'indicator.too-long': { maxLength: 5 } } }],
    ['an unknown profile id', { profile: 'hainan-2030' }],
    ['a bad severity', { rules: { 'text.typo': { severity: 'fatal' } } }],
    ['a similarity above 1', { rules: { 'project.copied-indicators': { similarity: 2 } } }],
    ['an unknown locale', { locale: 'fr' }],
  ])('rejects %s', (_label, input) => {
    expect(() => parseCheckConfig(input)).toThrow();
  });

  it('accepts a whole province profile as data', () => {
    const config = parseCheckConfig({
      profile: { id: 'x', name: '某省', level1: [{ code: '1', name: '产出指标', level2: [{ code: '11', name: '数量指标' }] }] },
    });
    const snapshot = makeSnapshot({ projects: [makeProject({ indicators: [makeIndicator()] })] });
    // 效益指标 is not in this profile, so category.missing only asks for what the profile has.
    expect(runChecks(snapshot, config).filter((f) => f.rule === 'category.missing')).toEqual([]);
  });

  it('switches a rule off and re-grades another', () => {
    const config = parseCheckConfig({ rules: { 'goal.missing': { enabled: false }, 'totals.project': { severity: 'warning' } } });
    const findings = runChecks(faulty(), config);
    expect(findings.some((f) => f.rule === 'goal.missing')).toBe(false);
    expect(findings.filter((f) => f.rule === 'totals.project').map((f) => f.severity)).toEqual(['warning']);
  });

  it('renders messages in the configured locale', () => {
    const [finding] = runChecks(faulty(), parseCheckConfig({ locale: 'en' })).filter((f) => f.rule === 'goal.missing');
    expect(finding?.message).toBe('No performance goal text; state the outputs and effects the project is to achieve over its period');
  });
});

describe('registry and findings', () => {
  it('registers every rule id under its own id', () => {
    expect(Object.keys(RULES).sort()).toEqual([...RULE_IDS].sort());
    for (const id of RULE_IDS) expect(RULES[id].id).toBe(id);
  });

  it('gives valid findings with unique keys, in form order', () => {
    const findings = runChecks(faulty());
    for (const f of findings) expect(findingSchema.parse(f)).toEqual(f);
    expect(new Set(findings.map((f) => f.key)).size).toBe(findings.length);
    const order = findings.map((f) => f.projectIndex ?? -1);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('carries the source line and page element of the item', () => {
    const snapshot = makeSnapshot({
      projects: [
        makeProject({
          source: { line: 12 },
          indicators: [makeIndicator({ name: '甲', annual: null, source: { element: 'row-3' } }), makeIndicator({ name: '乙', annual: null })],
        }),
      ],
    });
    const findings = runChecks(snapshot).filter((f) => f.rule === 'value.annual-missing');
    expect(findings.map((f) => [f.indicator, f.line, f.element])).toEqual([
      ['甲', 12, 'row-3'],
      ['乙', 12, undefined],
    ]);
  });

  it('checkProject gives exactly that project’s findings', () => {
    const snapshot = faulty();
    const all = runChecks(snapshot);
    for (let i = 0; i < snapshot.projects.length; i += 1) {
      expect(checkProject(snapshot, i)).toEqual(all.filter((f) => f.projectIndex === i));
    }
  });
});

describe('recheckProject', () => {
  const base = () =>
    makeSnapshot({
      projects: ['甲', '乙', '丙'].map((name, i) =>
        makeProject({ name, indicators: [makeIndicator({ name: `${name}一` }), makeIndicator({ name: `${name}二`, level1: '效益指标', level2: '社会效益' })], amounts: { total: `${i + 1}.00` } }),
      ),
    });
  const edits: [string, (p: ReturnType<typeof makeProject>) => ReturnType<typeof makeProject>][] = [
    ['an amount changes (unit and 合计 now disagree)', (p) => ({ ...p, amounts: { ...p.amounts, total: '9.99', fiscal: '9.99' } })],
    ['an annual value is removed', (p) => ({ ...p, indicators: p.indicators.map((i) => ({ ...i, annual: null })) })],
    ['the goal is cleared', (p) => ({ ...p, goal: '' })],
    ['it becomes a copy of another project', (p) => ({ ...p, indicators: base().projects[0]!.indicators.concat(makeIndicator({ name: 'x' }), makeIndicator({ name: 'y' })) })],
    ['it is renamed to another project’s name', (p) => ({ ...p, name: '甲' })],
    ['a problem is fixed', (p) => ({ ...p, goal: '新的目标。' })],
  ];

  it.each(edits)('equals a full run when %s', (_label, edit) => {
    const before = base();
    before.projects[1] = { ...before.projects[1]!, goal: '' };
    const previous = runChecksDetailed(before);
    const after = { ...before, projects: before.projects.map((p, i) => (i === 1 ? edit(p) : p)) };
    expect(recheckProject(previous, after, 1).findings).toEqual(runChecks(after));
  });

  it('falls back to a full run when projects were added', () => {
    const before = base();
    const after = { ...before, projects: [...before.projects, makeProject({ name: '丁', goal: '' })] };
    expect(recheckProject(runChecksDetailed(before), after, 3).findings).toEqual(runChecks(after));
  });
});

describe('the engine stays zod-free (it runs in the content script)', () => {
  it('no runtime import path from engine.ts reaches zod', () => {
    const root = resolve(__dirname, '../../../lib/checks/engine.ts');
    const seen = new Set<string>();
    const reachesZod: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      // Value imports only: `import type` and `export type` vanish at build time.
      for (const m of source.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)) {
        const spec = m[1]!;
        if (spec === 'zod') reachesZod.push(file);
        else if (spec.startsWith('.')) {
          const base = resolve(dirname(file), spec);
          visit(existsSync(`${base}.ts`) ? `${base}.ts` : resolve(base, 'index.ts'));
        }
      }
    };
    visit(root);
    expect(seen.size).toBeGreaterThan(20);
    expect(reachesZod).toEqual([]);
  });
});
