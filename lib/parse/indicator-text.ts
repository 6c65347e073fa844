import type { ImportWarning, Indicator, IndicatorValue, TaxonomyProfile } from '../domain';
import { findLevel1, findLevel2, splitValue } from '../domain';
import { cleanLabel, trimChars } from '../domain/text';

/**
 * Reads the indicator cell of an exported table, where one line holds a whole indicator block:
 * `1、1-产出指标; 11-数量指标; 专家评审; 实施周期指标值:≥30场; 年度指标值:≥30场。2、…`
 *
 * PDF extraction mangles it (mixed separators `;；:：,，。`, repeated fragments, lost numbers, OCR misreads
 * such as 千度指标值 / 年度指标信), so this is a scanner over anchors — item numbers, 一级 and 二级 labels and the
 * two value keys — rather than a split on separators. Whatever lies between anchors and fits no slot becomes
 * a warning; nothing is dropped silently and nothing throws.
 */

/** OCR misreadings of the value keys seen in published tables, mapped to the real key. */
const KEY_MISREADS: ReadonlyArray<readonly [RegExp, string]> = [
  [/千度指标/g, '年度指标'],
  [/年度指标[信借植直]/g, '年度指标值'],
  [/实施周期指标[信借植直]/g, '实施周期指标值'],
  [/实施期指标值/g, '实施周期指标值'],
];

/** Separators that may stand around any field. */
const SEP = ' \t\n\r\u00a0\u3000;；:：,，。、.．';
/** Where a value ends when the next anchor is further away (a fragment may follow). */
const VALUE_END_RE = /[;；。]/;

type Token =
  | { kind: 'num'; start: number; end: number; n: number }
  | { kind: 'level1'; start: number; end: number; label: string; valueKey: boolean }
  | { kind: 'level2'; start: number; end: number; label: string }
  | { kind: 'key'; start: number; end: number; set: 'period' | 'annual' | 'unknown' };

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface Scanner {
  re: RegExp;
}

const scannerCache = new WeakMap<TaxonomyProfile, Scanner>();

/** One regex with named groups for every anchor, built from the profile (categories are data). */
function scannerFor(profile: TaxonomyProfile): Scanner {
  const cached = scannerCache.get(profile);
  if (cached) return cached;
  const l1Names = profile.level1.map((c) => c.name).sort((a, b) => b.length - a.length);
  const l2Names = profile.level1
    .flatMap((c) => c.level2.flatMap((l2) => [l2.name, ...l2.aliases]))
    .filter((n) => n.length >= 2)
    .sort((a, b) => b.length - a.length);
  const dash = '\\s*[-—–－]\\s*';
  const anchorAfterNum = `\\s*(?:\\d{1,2}\\s*、|\\d{1,2}${dash}|(?:${l1Names.map(escapeRe).join('|')}))`;
  const source = [
    // An item number only counts where an indicator starts after it, so `网站2个、政务新媒体1个` is not split.
    `(?<num>(?<![\\d.])\\d{1,2})\\s*、(?=${anchorAfterNum})`,
    `(?<l1>\\d{1,2}${dash}(?:${l1Names.map(escapeRe).join('|')}))(?<l1val>值)?`,
    `(?<l2>\\d{2}${dash}(?:${l2Names.map(escapeRe).join('|')}))`,
    `(?<key>实施周期指标值|年度指标值)\\s*[:：]?`,
  ].join('|');
  const scanner = { re: new RegExp(source, 'g') };
  scannerCache.set(profile, scanner);
  return scanner;
}

function tokenize(text: string, profile: TaxonomyProfile): Token[] {
  const { re } = scannerFor(profile);
  const tokens: Token[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const g = m.groups ?? {};
    const start = m.index;
    const end = start + m[0].length;
    if (g.num !== undefined) tokens.push({ kind: 'num', start, end, n: Number(g.num) });
    else if (g.l1 !== undefined) tokens.push({ kind: 'level1', start, end, label: g.l1, valueKey: g.l1val !== undefined });
    else if (g.l2 !== undefined) tokens.push({ kind: 'level2', start, end, label: g.l2 });
    else if (g.key !== undefined) tokens.push({ kind: 'key', start, end, set: g.key.startsWith('年度') ? 'annual' : 'period' });
    if (m[0].length === 0) re.lastIndex += 1;
  }
  return tokens;
}

function trimSeparators(s: string): string {
  return trimChars(s, SEP);
}

/** An indicator under construction. */
interface Draft {
  level1Label?: string;
  level2Label?: string;
  name?: string;
  period?: string;
  annual?: string;
  number?: number;
}

function isEmptyDraft(d: Draft): boolean {
  return d.level1Label === undefined && d.level2Label === undefined && d.name === undefined && d.period === undefined && d.annual === undefined;
}

function hasBody(d: Draft): boolean {
  return d.name !== undefined || d.period !== undefined || d.annual !== undefined;
}

/** Result of reading one indicator cell. */
export interface IndicatorCellResult {
  indicators: Indicator[];
  warnings: ImportWarning[];
}

/** Repairs the OCR misreadings of value keys (千度指标值 → 年度指标值 …) before scanning. */
export function repairKeyMisreads(text: string): string {
  return KEY_MISREADS.reduce((t, [re, to]) => t.replace(re, to), text);
}

/**
 * Parses one indicator cell into indicators (in printed order) and warnings for fragments that fit nowhere.
 * Exact repeats of an indicator (same category, name and values) are merged with a warning; different
 * indicators that share a name are kept for the checker to report.
 */
export function parseIndicatorCell(
  cell: string,
  line: number,
  profile: TaxonomyProfile,
): IndicatorCellResult {
  const text = repairKeyMisreads(cell);
  const tokens = tokenize(text, profile);
  const warnings: ImportWarning[] = [];
  const drafts: Draft[] = [];
  let current: Draft = {};

  const fragment = (raw: string, context: string) => {
    const t = trimSeparators(raw);
    if (t !== '') warnings.push({ line, message: `无法归入的片段「${t}」(${context})` });
  };
  const finish = () => {
    if (!isEmptyDraft(current)) drafts.push(current);
    current = {};
  };
  const setValue = (set: 'period' | 'annual', value: string) => {
    const existing = current[set];
    if (existing === undefined) {
      current[set] = value;
    } else if (existing !== value) {
      const label = set === 'period' ? '实施周期指标值' : '年度指标值';
      warnings.push({
        line,
        message: `指标「${current.name ?? '(无名称)'}」重复出现${label},「${value}」与已读取的「${existing}」不同,未采用`,
      });
    } else {
      warnings.push({ line, message: `指标「${current.name ?? '(无名称)'}」的${set === 'period' ? '实施周期' : '年度'}指标值重复打印,已合并` });
    }
  };

  const leading = tokens.length > 0 ? text.slice(0, tokens[0]!.start) : text;
  fragment(leading, tokens.length > 0 ? '位于第一个指标之前' : '不是可识别的指标');

  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    const nextStart = tokens[i + 1]?.start ?? text.length;
    const between = text.slice(token.end, nextStart);
    switch (token.kind) {
      case 'num': {
        if (!isEmptyDraft(current)) finish();
        current.number = token.n;
        fragment(between, `序号${token.n}之后`);
        break;
      }
      case 'level1': {
        if (current.level1Label !== undefined || current.level2Label !== undefined || hasBody(current)) finish();
        current.level1Label = token.label;
        if (token.valueKey) {
          // `3-满意度指标值:不低于95%` — the 二级 and name were lost; the value key survived glued to the 一级.
          const value = readValue(between);
          setValue(current.period === undefined ? 'period' : 'annual', value.value);
          fragment(value.rest, '指标值之后');
        } else {
          fragment(between, '一级指标之后');
        }
        break;
      }
      case 'level2': {
        if (current.level2Label !== undefined || hasBody(current)) finish();
        current.level2Label = token.label;
        const name = cleanLabel(trimSeparators(between));
        if (name !== '') current.name = name;
        break;
      }
      case 'key': {
        const set = token.set === 'unknown' ? (current.period === undefined ? 'period' : 'annual') : token.set;
        if (set === 'period' && current.period !== undefined && current.annual !== undefined) finish();
        const value = readValue(between);
        if (value.value !== '') setValue(set, value.value);
        fragment(value.rest, '指标值之后');
        break;
      }
    }
  }
  finish();

  const indicators: Indicator[] = [];
  for (const draft of drafts) {
    const indicator = toIndicator(draft, line, profile, warnings);
    const prev = indicators[indicators.length - 1];
    if (prev && isRepeat(prev, indicator)) {
      warnings.push({ line, message: `指标「${indicator.name || '(无名称)'}」被重复打印,已合并为一条` });
      continue;
    }
    indicators.push(indicator);
  }
  return { indicators, warnings };
}

/** A value runs to the next anchor, or to the first `;`/`。` when a stray fragment follows it. */
function readValue(between: string): { value: string; rest: string } {
  const trimmed = between.replace(/^[\s:：]+/, '');
  const cut = VALUE_END_RE.exec(trimmed);
  if (!cut) return { value: trimSeparators(trimmed), rest: '' };
  return { value: trimSeparators(trimmed.slice(0, cut.index)), rest: trimmed.slice(cut.index) };
}

function toIndicator(draft: Draft, line: number, profile: TaxonomyProfile, warnings: ImportWarning[]): Indicator {
  let level1 = '';
  let level2 = '';
  const l1 = draft.level1Label !== undefined ? findLevel1(profile, draft.level1Label) : undefined;
  if (draft.level1Label !== undefined) level1 = l1?.name ?? cleanLabel(draft.level1Label);
  if (draft.level2Label !== undefined) {
    const l2 = findLevel2(profile, draft.level2Label);
    level2 = l2?.level2.name ?? cleanLabel(draft.level2Label);
    if (draft.level1Label === undefined && l2) {
      level1 = l2.level1.name;
      warnings.push({
        line,
        message: `指标「${draft.name ?? '(无名称)'}」缺少一级指标,已按二级指标「${level2}」推断为「${level1}」`,
      });
    }
  }
  const value = (raw: string | undefined): IndicatorValue | null => (raw === undefined ? null : splitValue(raw));
  return {
    level1,
    level2,
    name: draft.name ?? '',
    period: value(draft.period),
    annual: value(draft.annual),
    source: { line, text: describeDraft(draft) },
  };
}

function describeDraft(d: Draft): string {
  return [d.number !== undefined ? `${d.number}、` : '', d.level1Label, d.level2Label, d.name, d.period && `实施周期指标值:${d.period}`, d.annual && `年度指标值:${d.annual}`]
    .filter(Boolean)
    .join('; ');
}

/**
 * Whether `b` repeats `a` as extraction prints the same indicator twice: same categories and values, and
 * the same name or one misread character apart (工作用餐 / 正作用餐).
 */
function isRepeat(a: Indicator, b: Indicator): boolean {
  return (
    a.level1 === b.level1 &&
    a.level2 === b.level2 &&
    sameValue(a.period, b.period) &&
    sameValue(a.annual, b.annual) &&
    (a.name === b.name || oneCharApart(a.name, b.name))
  );
}

function sameValue(a: IndicatorValue | null, b: IndicatorValue | null): boolean {
  return (a?.raw ?? null) === (b?.raw ?? null);
}

function oneCharApart(a: string, b: string): boolean {
  if (a.length !== b.length || a.length < 4) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) diff += 1;
  return diff === 1;
}
