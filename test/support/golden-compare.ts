/**
 * Compares what the importer read from a real table with the table's hand-written golden reading, field by
 * field: every golden field is one point (project name and total; per indicator its 一级, 二级, name,
 * weight, and the sign, number and unit of each value, or the absence of a value); every indicator the
 * importer invented costs a point too. Footer lines read as indicators are counted apart.
 */
import { DEFAULT_PROFILE, findLevel1, findLevel2, type FormSnapshot, type Indicator, type IndicatorValue, type Project } from '@/lib/domain';
import { toHalfWidth } from '@/lib/domain/text';
import type { Golden, GoldenIndicator, GoldenValue } from '../fixtures/real/golden';

export interface FieldMiss {
  project: string;
  indicator?: string;
  field: string;
  expected: string;
  actual: string;
}

export interface Comparison {
  right: number;
  total: number;
  misses: FieldMiss[];
  /** Indicators read that the golden does not have. */
  extra: string[];
  /** Extra indicators whose name is an approval / signature / date line. */
  footerIndicators: string[];
  /** Golden projects found, and those whose 总额 matched. */
  projectsFound: number;
  projectsWithAmount: number;
}

/** Spaces, punctuation width and the quotes around names do not make a name different. */
export function normName(text: string): string {
  return toHalfWidth(text)
    .replace(/[\s"“”'‘’「」]/g, '')
    .replace(/[()（）]/g, (c) => (c === '（' ? '(' : c === '）' ? ')' : c))
    .toLowerCase();
}

function normDecimal(text: string | null | undefined): string {
  if (text === null || text === undefined) return '∅';
  const t = toHalfWidth(text).replace(/,/g, '').trim();
  if (!/^-?\d+(\.\d+)?$/.test(t)) return t;
  const [int, frac = ''] = t.split('.');
  const f = frac.replace(/0+$/, '');
  return `${String(BigInt(int!))}${f ? `.${f}` : ''}`;
}

function roundMoney(text: string | undefined): string | undefined {
  if (text === undefined || !/^\d+\.\d{3,}$/.test(text)) return text;
  return (Math.round(Number(text) * 100) / 100).toFixed(2);
}

function normUnit(text: string | undefined): string {
  return toHalfWidth(text ?? '').replace(/\s/g, '');
}

/** The footer vocabulary of published tables: approval, signature, date and contact lines. */
export const FOOTER_NAME_RE = /审核意见|盖章|填表人|填报人|联系电话|负责人|签字|签章|年\s*月\s*日|^日期|审核人|经办人/;

function valueFields(set: 'period' | 'annual', golden: GoldenValue | null, read: IndicatorValue | null): [string, string, string][] {
  if (golden === null) return [[set, '∅', read === null ? '∅' : read.raw || `${read.symbol ?? ''}${read.value ?? ''}${read.unit}`]];
  if (read === null) return [[`${set}.symbol`, golden.symbol ?? '∅', '∅'], [`${set}.value`, normDecimal(golden.value), '∅'], [`${set}.unit`, golden.unit, '∅']];
  // A number printed without a sign: the golden leaves the sign empty, the importer reads it as ＝.
  const goldenSymbol = golden.symbol ?? (golden.value !== null ? '＝' : '∅');
  return [
    [`${set}.symbol`, goldenSymbol, read.symbol ?? '∅'],
    [`${set}.value`, normDecimal(golden.value), normDecimal(read.value)],
    [`${set}.unit`, normUnit(golden.unit), normUnit(read.unit)],
  ];
}

/** A category as the taxonomy names it (`社会效益指标` and `社会效益` are one 二级), else as printed. */
function level1Key(text: string): string {
  return normName(findLevel1(DEFAULT_PROFILE, text)?.name ?? text);
}

function level2Key(text: string): string {
  return normName(findLevel2(DEFAULT_PROFILE, text)?.level2.name ?? text);
}

function indicatorFields(golden: GoldenIndicator, read: Indicator | undefined): [string, string, string][] {
  const fields: [string, string, string][] = [
    ['level1', level1Key(golden.level1), read ? level1Key(read.level1) : '∅'],
    ['level2', level2Key(golden.level2), read ? level2Key(read.level2) : '∅'],
    ['name', normName(golden.name), normName(read?.name ?? '∅')],
    ...valueFields('period', golden.period, read ? read.period : null),
    ...valueFields('annual', golden.annual, read ? read.annual : null),
  ];
  if (golden.weight !== undefined) fields.push(['weight', normDecimal(golden.weight), normDecimal(read?.weight)]);
  return fields;
}

/** Picks the read indicator for a golden one: same name (and 二级 when names repeat), else the same position. */
function matchIndicators(golden: readonly GoldenIndicator[], read: readonly Indicator[]): (Indicator | undefined)[] {
  const used = new Set<number>();
  const pick = (i: number, test: (r: Indicator, j: number) => boolean) => {
    const j = read.findIndex((r, k) => !used.has(k) && test(r, k));
    if (j < 0) return undefined;
    used.add(j);
    return read[j];
  };
  const out: (Indicator | undefined)[] = golden.map((g, i) =>
    pick(i, (r) => normName(r.name) === normName(g.name) && level2Key(r.level2) === level2Key(g.level2)),
  );
  golden.forEach((g, i) => {
    out[i] ??= pick(i, (r) => normName(r.name) === normName(g.name));
  });
  // Names read differently (a value left in the name, a split in another place): the next unused one in order.
  golden.forEach((g, i) => {
    out[i] ??= pick(i, (r) => normName(r.name).includes(normName(g.name)) || normName(g.name).includes(normName(r.name)));
  });
  return out;
}

function matchProject(golden: Golden['projects'][number], index: number, read: readonly Project[], used: Set<number>): Project | undefined {
  let j = read.findIndex((p, k) => !used.has(k) && normName(p.name) === normName(golden.name));
  if (j < 0) j = read.findIndex((p, k) => !used.has(k) && (normName(p.name).includes(normName(golden.name)) || (p.name !== '' && normName(golden.name).includes(normName(p.name)))));
  if (j < 0 && read.length === 1 && index === 0 && !used.has(0)) j = 0;
  if (j < 0) return undefined;
  used.add(j);
  return read[j];
}

export function compareWithGolden(snapshot: FormSnapshot, golden: Golden): Comparison {
  const result: Comparison = { right: 0, total: 0, misses: [], extra: [], footerIndicators: [], projectsFound: 0, projectsWithAmount: 0 };
  const score = (project: string, indicator: string | undefined, [field, expected, actual]: [string, string, string]) => {
    result.total += 1;
    if (expected === actual) result.right += 1;
    else result.misses.push({ project, ...(indicator !== undefined ? { indicator } : {}), field, expected, actual });
  };
  const usedProjects = new Set<number>();
  golden.projects.forEach((g, index) => {
    const read = matchProject(g, index, snapshot.projects, usedProjects);
    if (read) result.projectsFound += 1;
    score(g.name, undefined, ['project.name', normName(g.name), normName(read?.name ?? '∅')]);
    if (g.total !== null) {
      // Goldens give 万元 to two places; an importer that keeps every printed place (`10606.7522`) is right too.
      const actual = normDecimal(roundMoney(read?.amounts.total));
      score(g.name, undefined, ['project.total', normDecimal(g.total), actual]);
      if (read && actual === normDecimal(g.total)) result.projectsWithAmount += 1;
    } else if (read) result.projectsWithAmount += 1;
    const indicators = read?.indicators ?? [];
    const matched = matchIndicators(g.indicators, indicators);
    g.indicators.forEach((gi, i) => {
      for (const field of indicatorFields(gi, matched[i])) score(g.name, gi.name, field);
    });
    for (const r of indicators) {
      if (matched.includes(r)) continue;
      result.total += 1;
      result.extra.push(`${g.name} / ${r.level1}/${r.level2}/${r.name}`);
      result.misses.push({ project: g.name, indicator: r.name, field: 'extra indicator', expected: '∅', actual: r.name });
      if (FOOTER_NAME_RE.test(r.name)) result.footerIndicators.push(r.name);
    }
  });
  for (const [k, p] of snapshot.projects.entries()) {
    if (usedProjects.has(k)) continue;
    result.total += 1;
    result.misses.push({ project: p.name, field: 'extra project', expected: '∅', actual: p.name });
    for (const r of p.indicators) if (FOOTER_NAME_RE.test(r.name)) result.footerIndicators.push(r.name);
  }
  return result;
}
