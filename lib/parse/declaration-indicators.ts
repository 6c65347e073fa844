/**
 * The indicator block(s) of a single-project target table: finds each column header, reads the rows under
 * it into indicators, carries merged 一级/二级 labels, and pairs the 长期 and 年度 blocks of one project.
 *
 * Value columns and indicator sets — the rule (documented here because it decides what the checker sees):
 * - A column that says its set (`年度指标值`, `实施周期指标值`, `预期(当年)实现值`, a `长期 | 年度` sub-row,
 *   a `中期指标 | 年度指标` group row above) fills that set: period (实施周期/中长期) or annual (年度).
 * - A block under a set label (`长期绩效指标`, `年度绩效指标`) fills that set; the two blocks of one project
 *   are paired by 一级/二级/name into one indicator with both values.
 * - A single unlabelled `指标值` column is the annual target: a 申报表/批复表 for one budget year states
 *   this year's target. Period stays null and `Project.sets` says the form has only the annual set, so no
 *   check asks for a period value the form never had. Only a header naming both sets (`实施期及年度指标值`)
 *   fills both.
 * - 上年实际值 and a self-evaluation's 实际完成值 are never targets: they go to `previousActual`.
 */
import {
  cleanLabel,
  findLevel1,
  findLevel2,
  type ImportWarning,
  type Indicator,
  type IndicatorValue,
  normaliseDecimalString,
  normaliseSymbol,
  splitValue,
  type TaxonomyProfile,
} from '../domain';
import { toHalfWidth } from '../domain/text';
import { type AlignCell, type AlignedRow, alignCells, fitScore, isMeasureUnit, isValueLike, type Slot } from './declaration-align';
import {
  categoryText,
  type ColumnHeader,
  type Scope,
  columnHeader,
  directionOf,
  groupLabel,
  headerLabel,
  isFooterRow,
  isPlaceholderCell,
  nameTemplateHint,
  NOTE_RE,
  scopeCell,
  TITLE_RE,
  unitStatement,
} from './declaration-vocab';
import type { SourceRow } from './index';

/** A column of a recognised header, with the set its values belong to. */
export interface Column extends Slot {
  scope?: Scope;
  /** Whether the scope is a default (no set named in the header), which a set label between blocks may change. */
  defaultScope?: boolean;
}

/** A recognised indicator header: where it is and what its columns hold. */
export interface IndicatorHeader {
  /** Index of the first header row in the rows given. */
  start: number;
  /** Index just past the header (and its sub-header row). */
  end: number;
  columns: Column[];
  /** Whether the header was one cell per line (then data rows are a stream too). */
  stream: boolean;
  /** Whether the table is a self-evaluation (实际完成值 / 得分 columns). */
  selfEvaluation: boolean;
}

function nonEmpty(row: SourceRow): string[] {
  return row.cells.filter((c) => c.trim() !== '');
}

function isHeaderSet(headers: (ColumnHeader | undefined)[]): boolean {
  const roles = new Set(headers.flatMap((h) => (h ? [h.role] : [])));
  const known = headers.filter((h) => h && h.role !== 'frame' && h.role !== 'ignore').length;
  if (known < 2 || known * 5 < headers.length * 3) return false;
  const category = roles.has('l1') || roles.has('l2');
  const item = roles.has('name') || roles.has('value');
  return (category && item) || (roles.has('name') && roles.has('value'));
}

/** Whether a row is a grid header row. */
function gridHeaderRow(row: SourceRow): boolean {
  const cells = nonEmpty(row);
  if (cells.length < 2) return false;
  return isHeaderSet(cells.map((c) => columnHeader(c)));
}

const MAX_STREAM_HEADER = 30;

/** The longest run of one-cell rows from `i` that are column headers, if it forms a header. */
function streamHeaderRun(rows: readonly SourceRow[], i: number): number {
  let j = i;
  // Headers have a few dozen columns at most; the cap keeps scanning linear on hostile input.
  while (j < rows.length && j - i < MAX_STREAM_HEADER) {
    const cells = nonEmpty(rows[j]!);
    if (cells.length !== 1) break;
    const h = columnHeader(cells[0]!);
    if (!h || (h.role === 'frame' && j > i)) break;
    j++;
  }
  if (j - i < 2) return 0;
  return isHeaderSet(rows.slice(i, j).map((r) => columnHeader(nonEmpty(r)[0]!))) ? j - i : 0;
}

/** Scope of a block from a set label on the row(s) just above it (`年度绩效指标`). */
function scopeAbove(rows: readonly SourceRow[], index: number): Scope | undefined {
  for (let k = index - 1; k >= Math.max(0, index - 2); k--) {
    const distinct = [...new Set(nonEmpty(rows[k]!))];
    if (distinct.length !== 1) return undefined;
    const g = groupLabel(distinct[0]!);
    if (g) return g.scope;
    if (!scopeCell(distinct[0]!)) return undefined;
  }
  return undefined;
}

/** Whether an indicator header (grid row or one-cell run) starts at row `i`. */
export function isHeaderStart(rows: readonly SourceRow[], i: number): boolean {
  return gridHeaderRow(rows[i]!) || streamHeaderRun(rows, i) > 0;
}

/** Finds the next indicator header at or after `from`; undefined when there is none. */
export function findIndicatorHeader(rows: readonly SourceRow[], from: number): IndicatorHeader | undefined {
  for (let i = from; i < rows.length; i++) {
    const row = rows[i]!;
    if (gridHeaderRow(row)) return buildGridHeader(rows, i);
    const run = streamHeaderRun(rows, i);
    if (run > 0) return buildStreamHeader(rows, i, run);
  }
  return undefined;
}

function buildGridHeader(rows: readonly SourceRow[], i: number): IndicatorHeader {
  const row = rows[i]!;
  const heads: (ColumnHeader | undefined)[] = row.cells.map((c) => (c.trim() === '' ? undefined : columnHeader(c)));
  let end = i + 1;
  const below = rows[i + 1];
  // A sub-row copied without its merged cells (`长期 | 年度` alone, shorter than the header): the scopes
  // split the first unscoped value column.
  if (below && below.cells.length < heads.length && below.cells[0]?.trim() !== '') {
    const scopes = nonEmpty(below).map((c) => scopeCell(c));
    if (scopes.length >= 2 && scopes.every((x) => x !== undefined)) {
      const at = heads.findIndex((h) => h?.role === 'value' && !h.scope);
      if (at >= 0) {
        heads.splice(at, 1, ...scopes.map((scope) => ({ role: 'value' as const, scope: scope! })));
        end = i + 2;
      }
    }
  }
  // A sub-header row under merged cells: `长期 | 年度` under `指标值`, or the second row of a two-row header.
  if (below && end === i + 1) {
    const cells = below.cells;
    const filled = nonEmpty(below);
    const subs = cells.map((c) => (c.trim() === '' ? undefined : (columnHeader(c) ?? undefined)));
    const allHeaders = filled.length > 0 && filled.every((c) => columnHeader(c) !== undefined || scopeCell(c));
    if (allHeaders && subs.some((s, k) => s && (s.role === 'value' || s.role !== heads[k]?.role))) {
      cells.forEach((c, k) => {
        if (c.trim() === '') return;
        const scope = scopeCell(c);
        const top = heads[k];
        const sub = subs[k];
        if (scope && (!top || top.role === 'value' || top.role === 'frame' || top.role === 'ignore')) {
          heads[k] = { role: 'value', scope };
        } else if (sub && (!top || top.role === 'frame' || top.role === 'ignore' || (top.role === 'value' && !top.scope))) {
          heads[k] = sub;
        }
      });
      end = i + 2;
    }
  }
  // A group row above: `中期指标 | 年度指标` over two column groups, or `指标值` split by set.
  const above = rows[i - 1];
  heads.forEach((h, k) => {
    if (h?.role !== 'value' || h.scope || !above) return;
    const text = above.cells[k] ?? '';
    const scope = scopeCell(text) ?? groupLabel(text)?.scope;
    if (scope) heads[k] = { role: 'value', scope };
  });
  const frameScope = heads.find((h) => h?.role === 'frame' && h.scope)?.scope;
  const blockScope = frameScope ?? scopeAbove(rows, i);
  const columns = finishColumns(heads.map((h) => h ?? { role: 'ignore' }), blockScope);
  return { start: i, end, columns, stream: false, selfEvaluation: isSelfEvaluation(columns) };
}

function buildStreamHeader(rows: readonly SourceRow[], i: number, run: number): IndicatorHeader {
  const heads = rows.slice(i, i + run).map((r) => columnHeader(nonEmpty(r)[0]!)!);
  const blockScope = heads.find((h) => h.role === 'frame' && h.scope)?.scope ?? scopeAbove(rows, i);
  // A two-row header read one cell per line lists the sub-row last: `… 指标值 / 备注 / 长期 / 年度`.
  // The scoped values at the end take the place of the first unscoped `指标值`.
  let kept = [...heads];
  let tail = kept.length;
  while (tail > 0 && kept[tail - 1]!.role === 'value' && kept[tail - 1]!.scope) tail--;
  const parent = kept.findIndex((h) => h.role === 'value' && !h.scope);
  if (kept.length - tail >= 2 && parent >= 0 && parent < tail) {
    const subs = kept.slice(tail);
    kept = [...kept.slice(0, parent), ...subs, ...kept.slice(parent + 1, tail)];
  }
  const columns = finishColumns(
    kept.filter((h) => h.role !== 'frame'),
    blockScope,
  );
  return { start: i, end: i + run, columns, stream: true, selfEvaluation: isSelfEvaluation(columns) };
}

function isSelfEvaluation(columns: readonly Column[]): boolean {
  return columns.some((c) => c.role === 'actual' || c.role === 'score');
}

/** Assigns column groups and the default set of unlabelled value columns (see the module note). */
function finishColumns(heads: ColumnHeader[], blockScope: Scope | undefined): Column[] {
  const nameIndexes = heads.flatMap((h, k) => (h.role === 'name' ? [k] : []));
  const groupStart: number[] = [0];
  for (const at of nameIndexes.slice(1)) {
    let start = at;
    while (start > 0 && heads[start - 1]!.role === 'l2') start--;
    groupStart.push(start);
  }
  const columns: Column[] = heads.map((h, k) => {
    let group = 0;
    for (let g = 0; g < groupStart.length; g++) if (k >= groupStart[g]!) group = g;
    return { role: h.role, group, ...(h.scope ? { scope: h.scope } : {}) };
  });
  const groups = groupStart.length;
  for (let g = 0; g < groups; g++) {
    const unscoped = columns.filter((c) => c.group === g && c.role === 'value' && !c.scope);
    if (unscoped.length === 0) continue;
    if (groups >= 2) {
      // Side-by-side groups without labels: the central template puts 中长期 first, 年度 second.
      for (const c of unscoped) Object.assign(c, { scope: blockScope ?? (g === 0 ? 'period' : 'annual'), defaultScope: true });
    } else if (unscoped.length === 1) {
      Object.assign(unscoped[0]!, { scope: blockScope ?? 'annual', defaultScope: true });
    } else {
      unscoped.forEach((c, k) => Object.assign(c, { scope: k === 0 ? 'period' : 'annual', defaultScope: true }));
    }
  }
  return columns;
}

// ---------------------------------------------------------------------------------------------------------
// Reading rows under a header

/** Where an indicator block stops: the next header, a set label, notes, titles or header-block labels. */
export function isBlockEnd(rows: readonly SourceRow[], index: number): boolean {
  const row = rows[index]!;
  const cells = nonEmpty(row);
  if (cells.length === 0) return false;
  if (gridHeaderRow(row) || streamHeaderRun(rows, index) > 0) return true;
  const first = cells[0]!;
  if (new Set(cells).size === 1 && groupLabel(first)) return true;
  if (NOTE_RE.test(first) || isFooterRow(cells) || /^(总分|合计|总计|小计)$/.test(first.replace(/\s/g, ''))) return true;
  if (cells.length === 1 && (TITLE_RE.test(first) || (unitStatement(first) && first.length <= 20))) return true;
  const label = headerLabel(first);
  return label !== undefined && label.field !== 'ignore';
}

/** Rows of one item group as read, before labels are carried. */
interface RawGroup {
  l1?: string;
  l2?: string;
  name: string;
  values: { scope: Scope; text: string }[];
  symbol?: string;
  unit?: string;
  weight?: string;
  direction?: string;
  explanation: string[];
  remark: string[];
  previous?: string;
  previousTarget?: string;
  actual?: string;
}

interface RawRow {
  line: number;
  text: string;
  groups: RawGroup[];
}

function rawRow(aligned: AlignedRow, columns: readonly Column[]): RawRow {
  const groupCount = Math.max(1, ...columns.map((c) => c.group + 1));
  const groups: RawGroup[] = Array.from({ length: groupCount }, () => ({
    name: '',
    values: [],
    explanation: [],
    remark: [],
  }));
  for (const [slot, texts] of aligned.slots) {
    const column = columns[slot]!;
    const text = joinCells(texts);
    if (text === '') continue;
    const g = groups[column.group]!;
    switch (column.role) {
      case 'l1': {
        // One 一级 column serves every group; a score range beside the label (`成本指标(0-20)分`) is not its name.
        const l1 = categoryText(text);
        for (const each of groups) each.l1 ??= l1;
        g.l1 = l1;
        break;
      }
      case 'l2':
        g.l2 = categoryText(text);
        break;
      case 'name':
        g.name = g.name ? `${g.name}${text}` : text;
        break;
      case 'value':
        g.values.push({ scope: column.scope ?? 'annual', text });
        break;
      case 'symbol':
        // A 正向/反向 in the 指标性质 column (columns printed swapped): the direction, not a sign.
        if (directionOf(text) && normaliseSymbol(text) === null) g.direction ??= text;
        else g.symbol = text;
        break;
      case 'unit':
        g.unit = text;
        break;
      case 'weight':
        g.weight = text;
        break;
      case 'direction':
        // `=` / `≥` in the 指标方向 column (columns printed swapped): the sign.
        if (!directionOf(text) && normaliseSymbol(text) !== null) g.symbol ??= text;
        else g.direction = text;
        break;
      case 'explanation':
        g.explanation.push(text);
        break;
      case 'remark':
        g.remark.push(text);
        break;
      case 'previous':
        g.previous = text;
        break;
      case 'previousTarget':
        g.previousTarget = text;
        break;
      case 'actual':
        g.actual = text;
        break;
      case 'score':
      case 'frame':
      case 'ignore':
        break;
    }
  }
  return { line: aligned.line, text: aligned.cells.filter((c) => c.trim() !== '').join(' | '), groups };
}

/** Joins cells that landed in one column: no space between Chinese pieces, one space otherwise. */
function joinCells(texts: string[]): string {
  return cleanLabel(texts.join(' '));
}

/** Reads the data rows of a block into raw rows, grid rows by position, one-cell rows as a stream. */
function readBlockRows(
  profile: TaxonomyProfile,
  rows: readonly SourceRow[],
  header: IndicatorHeader,
  end: number,
  warnings: ImportWarning[],
): RawRow[] {
  const out: RawRow[] = [];
  const columns = header.columns;
  let stream: AlignCell[] = [];
  const flushStream = (): void => {
    if (stream.length === 0) return;
    const { rows: aligned, unplaced } = alignCells(profile, stream, columns, true);
    for (const a of aligned) out.push(rawRow(a, columns));
    for (const u of unplaced) warnings.push(unplacedWarning(u.line, u.text));
    stream = [];
  };
  for (let i = header.end; i < end; i++) {
    const row = rows[i]!;
    const filled = nonEmpty(row);
    if (filled.length === 0) continue;
    if (filled.length === 1 && (header.stream || row.cells.length !== columns.length)) {
      stream.push({ text: filled[0]!, line: row.line });
      continue;
    }
    flushStream();
    let cells = row.cells;
    while (cells.length > columns.length && cells[cells.length - 1]!.trim() === '') cells = cells.slice(0, -1);
    // Positions hold when the row is as wide as the header, or starts in the first column (blank for a
    // merged cell, or the 一级 itself) and keeps blank cells, as sheet readers give rows with trailing
    // blanks trimmed. A row copied from a web page drops merged cells and starts further right; text
    // split on spaces has no blank cells at all.
    const positional =
      cells.length === columns.length ||
      (cells.length < columns.length &&
        cells.some((c) => c.trim() === '') &&
        (cells[0]?.trim() === '' || fitScore(profile, cells[0]!, columns[0]!.role) >= 1));
    if (positional) cells = [...cells, ...new Array<string>(columns.length - cells.length).fill('')];
    const { rows: aligned, unplaced } = alignCells(
      profile,
      cells.map((text) => ({ text, line: row.line })),
      columns,
      false,
      positional,
    );
    for (const a of aligned) out.push(rawRow(a, columns));
    if (unplaced.length > 0) warnings.push(unplacedWarning(row.line, unplaced.map((u) => u.text).join(' | ')));
  }
  flushStream();
  return out;
}

function unplacedWarning(line: number, text: string): ImportWarning {
  return { line, message: `无法放入指标表的内容:${text.slice(0, 60)} / could not place this in the indicator table` };
}

// ---------------------------------------------------------------------------------------------------------
// Carrying merged category labels

/**
 * Fills blank labels of a merged column. When the first row carries the label, merges were read top-aligned
 * (xlsx, Word, web tables): a label runs down to the next one. When it does not, the labels were centred
 * (PDF text): blank rows go to the nearest label, the first half of a gap to the label above. `choose` may
 * pick between the label above and below (the taxonomy knows which 一级 a 二级 belongs to).
 */
function carryLabels(
  labels: (string | undefined)[],
  barrier: boolean[],
  choose?: (index: number, above: string | undefined, below: string | undefined) => string | undefined,
): { filled: (string | undefined)[]; centred: boolean } {
  const n = labels.length;
  const filled = [...labels];
  const firstLabel = labels.findIndex((l) => l !== undefined);
  if (firstLabel < 0) return { filled, centred: false };
  const centred = firstLabel > 0;
  const prevIdx = new Int32Array(n).fill(-1);
  const nextIdx = new Int32Array(n).fill(-1);
  let last = -1;
  for (let i = 0; i < n; i++) {
    if (barrier[i] && labels[i] === undefined) last = -1;
    if (labels[i] !== undefined) last = i;
    prevIdx[i] = last;
  }
  last = -1;
  for (let i = n - 1; i >= 0; i--) {
    if (labels[i] !== undefined) last = i;
    nextIdx[i] = last;
    // Rows above a new 一级 block never take a label from inside it.
    if (barrier[i]) last = -1;
  }
  for (let i = 0; i < n; i++) {
    if (labels[i] !== undefined) continue;
    const p = prevIdx[i]!;
    const q = nextIdx[i]!;
    const above = p >= 0 ? labels[p] : undefined;
    const below = q >= 0 ? labels[q] : undefined;
    const chosen = choose?.(i, above, below);
    if (chosen !== undefined) {
      filled[i] = chosen;
      continue;
    }
    if (!centred) filled[i] = above ?? below;
    else if (above === undefined || below === undefined) filled[i] = above ?? below;
    else filled[i] = i - p <= q - i ? above : below;
  }
  return { filled, centred };
}

// ---------------------------------------------------------------------------------------------------------
// Values

const EXPLICIT_SYMBOL_RE =
  /[<>=≥≤≧≦＜＞＝]|不少于|不低于|不小于|不超过|不高于|不大于|大于|小于|等于|高于|低于|超过|少于|多于|至少|最少|最多|以上|以下|以内|之内|达到/;

/** A 计量单位 cell holding only a number (`44,561`). */
const NUMERIC_UNIT_RE = /^\d[\d,.]*$/;

/**
 * A number in the 计量单位 column is a spreadsheet artefact: usually a date typed into a cell formatted as a
 * number, which Excel shows as its serial (`44,561` = 2021-12-31). Said with the date it stands for.
 */
function numericUnitWarning(line: number, name: string, unit: string): ImportWarning | undefined {
  const t = toHalfWidth(unit).trim();
  if (!NUMERIC_UNIT_RE.test(t)) return undefined;
  const serial = Number(t.replace(/,/g, ''));
  const date =
    Number.isInteger(serial) && serial > 20000 && serial < 80000
      ? new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10)
      : undefined;
  return {
    line,
    message:
      `「${name}」的计量单位是数字「${unit}」${date ? `,可能是表格把日期 ${date} 存成了序列号` : ''},已照原样保留,请核对 / ` +
      `the unit of「${name}」is a number「${unit}」${date ? ` (possibly the date ${date} stored as a spreadsheet serial)` : ''}; kept as printed — please review`,
  };
}

/** Builds one value from the value cell and the 计算符号 / 度量单位 / 指标方向性 columns beside it. */
export function buildValue(
  valueText: string,
  symbolText?: string,
  unitText?: string,
  directionText?: string,
): IndicatorValue | null {
  const valueCell = valueText.trim();
  const symbolCell = symbolText?.trim() ?? '';
  if (valueCell === '') return null;
  const explicit = EXPLICIT_SYMBOL_RE.test(toHalfWidth(valueCell));
  const columnSymbol = symbolCell === '' ? null : normaliseSymbol(symbolCell);
  if (columnSymbol === '定性') {
    return { symbol: '定性', value: null, unit: '', text: cleanLabel(valueCell), raw: valueCell };
  }
  // `定量` names the kind, not a comparison; a symbol typed in the value itself wins over it.
  const useColumn = columnSymbol !== null && !/^定量/.test(symbolCell) && !explicit;
  let composed = useColumn ? `${symbolCell}${valueCell}` : valueCell;
  const unitCell = unitText?.trim() ?? '';
  let v = splitValue(composed);
  if (unitCell !== '' && v.value !== null && v.unit === '') {
    // A number in the 计量单位 cell (see numericUnitWarning) is kept as printed, never glued to the value.
    if (NUMERIC_UNIT_RE.test(toHalfWidth(unitCell))) v = { ...v, unit: unitCell };
    else {
      composed = `${composed}${unitCell}`;
      v = splitValue(composed);
    }
  }
  // 指标方向性 gives the comparison a bare number leaves out: 正向 = at least, 反向 = at most.
  if (!explicit && !useColumn && v.symbol === '＝' && v.value !== null && directionText) {
    const d = directionOf(directionText);
    if (d === 'up') v = { ...v, symbol: '≥' };
    if (d === 'down') v = { ...v, symbol: '≤' };
  }
  return { ...v, raw: composed };
}

/**
 * A number (with its sign and a short unit) at the end of a name cell: `培训人次280人次` → `培训人次` + `280人次`.
 * The name keeps at least two characters and may not end in words that make the number part of the name
 * (`第2批`, `前3名`, `G20`).
 */
const NAME_VALUE_RE =
  /^(.*?[\p{Script=Han}a-zA-Z)）])\s*((?:[≥≤<>=＜＞＝]|不少于|不低于|不超过|不高于|大于等于|小于等于|大于|小于|达到)?\s*\d+(?:\.\d+)?\s*(?:%|‰|[\p{Script=Han}]{1,3})?)$/u;

export function splitNameValue(name: string): { name: string; value: string } | undefined {
  // Names are short; a long cell is prose, and the regex stays linear only on bounded input.
  if (name.length > 80) return undefined;
  const m = NAME_VALUE_RE.exec(toHalfWidth(name).trim());
  if (!m) return undefined;
  const head = cleanLabel(m[1]!);
  if (head.replace(/[^\p{Script=Han}]/gu, '').length < 2 || /(第|前|后|约|近|共|每|G|V|No)$/i.test(head)) return undefined;
  // A year or a date in the name is not its value (`2024年度`, `3月底前`).
  if (/^\d{4}年|^\d{1,2}月/.test(m[2]!.trim())) return undefined;
  return { name: head, value: m[2]!.trim() };
}

/** A 权重 / 分值 cell as an exact decimal string (`10`, `10分`, `10%` → `10`); undefined when empty. */
export function readWeight(text: string | undefined): string | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const t = toHalfWidth(text).replace(/\s/g, '').replace(/(%|分)$/, '');
  return normaliseDecimalString(t) ?? text.trim();
}

// ---------------------------------------------------------------------------------------------------------
// Rows → indicators

/** An indicator as read from one block, with the sets its columns cover (for pairing blocks). */
export interface BlockItem {
  indicator: Indicator;
  hasPeriod: boolean;
  hasAnnual: boolean;
}

/** Options for reading indicator blocks. */
export interface ReadIndicatorsOptions {
  profile: TaxonomyProfile;
  file?: string;
  /** Self-evaluation: 实际完成值 → previousActual, no weights (分值 there are scoring points). */
  selfEvaluation: boolean;
}

function isSatisfactionUnderBenefit(profile: TaxonomyProfile, level1: string, level2: string): boolean {
  const l2 = findLevel2(profile, level2);
  const l1 = findLevel1(profile, level1);
  return l2 !== undefined && l1 !== undefined && /满意/.test(l2.level1.name) && /效益/.test(l1.name);
}

/** Reads one block (header + rows up to `end`) into items. */
export function readIndicatorBlock(
  rows: readonly SourceRow[],
  header: IndicatorHeader,
  end: number,
  options: ReadIndicatorsOptions,
  warnings: ImportWarning[],
): BlockItem[] {
  const { profile } = options;
  const raw = readBlockRows(profile, rows, header, end, warnings);
  const groupCount = Math.max(1, ...header.columns.map((c) => c.group + 1));
  const items: { row: RawRow; group: number; item: BlockItem; order: number }[] = [];
  let centredWarned = false;
  const hintsDropped: { line: number; hint: string }[] = [];
  let firstGroupL2: (string | undefined)[] = [];
  for (let g = 0; g < groupCount; g++) {
    const groups = raw.map((r) => r.groups[g]!);
    const l1Raw = groups.map((x) => x.l1);
    const l2Raw = groups.map((x) => x.l2);
    // A new explicit 一级 stops a 二级 from running on into it — when 一级 labels sit on the first row of
    // their blocks; centred ones say nothing about where a block starts.
    const l1Centred = l1Raw[0] === undefined;
    let lastL1: string | undefined;
    const l1Change = l1Raw.map((l) => {
      if (l === undefined || l1Centred) return false;
      const changed = lastL1 !== undefined && findLevel1(profile, lastL1)?.name !== findLevel1(profile, l)?.name;
      lastL1 = l;
      return changed;
    });
    const l2 = carryLabels(l2Raw, l1Change);
    const l1 = carryLabels(l1Raw, new Array<boolean>(raw.length).fill(false), (i, above, below) => {
      const parent = l2.filled[i] ? findLevel2(profile, l2.filled[i]!)?.level1 : undefined;
      if (!parent) return undefined;
      const matches = (label: string | undefined): boolean =>
        label !== undefined && findLevel1(profile, label)?.name === parent.name;
      if (matches(above)) return above;
      if (matches(below)) return below;
      return above === undefined && below === undefined ? parent.name : undefined;
    });
    if (g === 0) firstGroupL2 = l2.filled;
    if ((l1.centred || l2.centred) && !centredWarned && raw.length > 0) {
      centredWarned = true;
      warnings.push({
        line: raw[0]!.line,
        message: '类别标签不在每块首行,已按就近归类,请核对一级/二级 / category labels were not on the first row of their blocks; rows were given the nearest label — please review',
      });
    }
    const hasPeriod = header.columns.some((c) => c.group === g && c.role === 'value' && c.scope !== 'annual');
    const hasAnnual = header.columns.some((c) => c.group === g && c.role === 'value' && c.scope !== 'period');
    raw.forEach((row, r) => {
      const x = groups[r]!;
      // Side-by-side groups: the 年度 group may leave the name it shares with the 长期 group blank.
      const printedName = x.name || (g > 0 ? row.groups[0]!.name : '');
      // Template hints (`(≥**人)`) and the core-indicator `*` are not part of the name.
      const hinted = nameTemplateHint(printedName);
      const name = hinted.name;
      const values = x.values.filter((v) => !isPlaceholderCell(v.text) || /\*/.test(v.text));
      if (hinted.hint !== undefined && values.length > 0) hintsDropped.push({ line: row.line, hint: hinted.hint });
      // Placeholder rows (a 二级 with no indicator, `……`) give no indicator.
      if ((name === '' || isPlaceholderCell(name)) && values.length === 0) return;
      const l1Text = l1.filled[r];
      const l2Text = l2.filled[r] ?? (g > 0 ? firstGroupL2[r] : undefined);
      const l2Found = l2Text ? findLevel2(profile, l2Text) : undefined;
      let level1 = l1Text ? (findLevel1(profile, l1Text)?.name ?? cleanLabel(l1Text)) : (l2Found?.level1.name ?? '');
      const level2 = l2Text ? (l2Found?.level2.name ?? cleanLabel(l2Text)) : '';
      if (level1 !== '' && level2 !== '' && isSatisfactionUnderBenefit(profile, level1, level2)) {
        // The older layout listed satisfaction as a 二级 of 效益; today it is its own 一级.
        level1 = l2Found!.level1.name;
        warnings.push({
          line: row.line,
          message: `旧版表式:${level2}位于效益指标下,已按${level1}读取 / older layout: ${level2} under 效益指标 read as ${level1}`,
        });
      }
      // `培训人次280人次`, `重点建设工程安排数量 2` with the value cell empty: the value was typed into the name.
      // With no value cell, a template hint left in the name is the (unfilled) value.
      const inline =
        values.length === 0 && (hasPeriod || hasAnnual)
          ? hinted.hint !== undefined
            ? { name, value: hinted.hint }
            : splitNameValue(name)
          : undefined;
      // `…质量达标率100%` beside a filled 指标值 `>=98%`: the figure in the name is the template's or a stale one.
      // Only a figure with a unit of measure: `一期工程2号楼` keeps its `2号楼`.
      const staleSplit = values.some((v) => isValueLike(v.text)) ? splitNameValue(name) : undefined;
      const staleInName = staleSplit && isMeasureUnit(splitValue(staleSplit.value).unit) ? staleSplit : undefined;
      if (staleInName) {
        warnings.push({
          line: row.line,
          message: `指标名称末尾的「${staleInName.value}」不是名称的一部分,已去掉;指标值取指标值栏的「${values[0]!.text}」,请核对 / the figure「${staleInName.value}」at the end of the name was dropped; the value is taken from the value column「${values[0]!.text}」— please review`,
        });
      }
      if (inline) {
        warnings.push({
          line: row.line,
          message: `指标值写在了指标名称里:「${name}」已读作名称「${inline.name}」、指标值「${inline.value}」,请核对 / the value was written into the name cell; read as name「${inline.name}」and value「${inline.value}」— please review`,
        });
      }
      const inlineScope: Scope | undefined = inline ? (hasAnnual ? 'annual' : 'period') : undefined;
      const valueOf = (scope: 'period' | 'annual'): IndicatorValue | null => {
        const cell = x.values.find((v) => v.scope === scope || v.scope === 'both');
        const text = cell?.text ?? (inline && inlineScope === scope ? inline.value : undefined);
        const value = text !== undefined ? buildValue(text, x.symbol, x.unit, x.direction) : null;
        if (value?.problem === 'number-unreadable' && value.value === null && /[*＊×_＿?？]/.test(value.raw)) {
          warnings.push({
            line: row.line,
            message: `「${name}」的指标值「${value.raw}」是模板占位符,未填写数值 / the value「${value.raw}」is a template placeholder with no number`,
          });
        }
        return value;
      };
      const numericUnit = x.unit !== undefined ? numericUnitWarning(row.line, name, x.unit) : undefined;
      if (numericUnit) warnings.push(numericUnit);
      const previous = options.selfEvaluation ? (x.actual ?? x.previous) : x.previous;
      const remark = [...x.remark, ...(x.previousTarget ? [`上年指标值:${x.previousTarget}`] : [])].join(' ');
      const weight = options.selfEvaluation ? undefined : readWeight(x.weight);
      const indicator: Indicator = {
        level1,
        level2,
        name: cleanLabel(inline?.name ?? staleInName?.name ?? name),
        period: valueOf('period'),
        annual: valueOf('annual'),
        ...(x.explanation.length > 0 ? { explanation: x.explanation.join(' ') } : {}),
        ...(weight !== undefined ? { weight } : {}),
        ...(previous ? { previousActual: cleanLabel(previous) } : {}),
        ...(remark !== '' ? { remark } : {}),
        source: { line: row.line, text: row.text, ...(options.file ? { file: options.file } : {}) },
      };
      items.push({ row, group: g, order: r, item: { indicator, hasPeriod, hasAnnual } });
    });
  }
  if (hintsDropped.length > 0) {
    const shown = [...new Set(hintsDropped.map((h) => h.hint))].slice(0, 3).join('、');
    warnings.push({
      line: hintsDropped[0]!.line,
      message: `${hintsDropped.length} 个指标名称带有模板提示(如「${shown}」),已从名称中去掉,指标值取指标值栏 / ${hintsDropped.length} indicator names kept the template's hint (e.g.「${shown}」); it was dropped from the names, values come from the value column`,
    });
  }
  // Side-by-side groups: keep row order, the 长期 item of a row before its 年度 item.
  items.sort((a, b) => a.order - b.order || a.group - b.group);
  return items.map((x) => x.item);
}

function keyOf(i: Indicator): string {
  return `${i.level1}\u0000${i.level2}\u0000${i.name.replace(/\s+/g, '')}`;
}

/** Indexes waiting to be paired, oldest first; consumed ones are skipped lazily (linear overall). */
class OpenQueues {
  private readonly queues = new Map<string, { items: number[]; head: number }>();
  constructor(private readonly consumed: Set<number>) {}
  add(key: string, at: number): void {
    const q = this.queues.get(key);
    if (q) q.items.push(at);
    else this.queues.set(key, { items: [at], head: 0 });
  }
  first(key: string): number | undefined {
    const q = this.queues.get(key);
    if (!q) return undefined;
    while (q.head < q.items.length && this.consumed.has(q.items[q.head]!)) q.head++;
    return q.items[q.head];
  }
}

/**
 * Pairs period-only items with annual-only items of the same 一级/二级/name (two blocks or two column
 * groups of one project) into indicators with both values; everything else is kept as read, in order.
 * Items that already have both sets are never merged, so a name listed twice stays twice for the checker.
 */
export function pairSets(items: readonly BlockItem[]): { indicators: Indicator[]; period: boolean; annual: boolean } {
  const result: Indicator[] = [];
  const consumed = new Set<number>();
  const byKey = new OpenQueues(consumed);
  const byName = new OpenQueues(consumed);
  let period = false;
  let annual = false;
  for (const item of items) {
    period ||= item.hasPeriod;
    annual ||= item.hasAnnual;
    const ind = item.indicator;
    const name = ind.name.replace(/\s+/g, '');
    if (item.hasPeriod && !item.hasAnnual) {
      result.push({ ...ind });
      byKey.add(keyOf(ind), result.length - 1);
      byName.add(name, result.length - 1);
      continue;
    }
    if (item.hasAnnual && !item.hasPeriod) {
      const at = byKey.first(keyOf(ind)) ?? byName.first(name);
      if (at !== undefined) {
        consumed.add(at);
        const target = result[at]!;
        result[at] = {
          ...target,
          annual: ind.annual,
          ...(target.explanation === undefined && ind.explanation !== undefined ? { explanation: ind.explanation } : {}),
          ...(target.weight === undefined && ind.weight !== undefined ? { weight: ind.weight } : {}),
          ...(target.remark === undefined && ind.remark !== undefined ? { remark: ind.remark } : {}),
          ...(target.previousActual === undefined && ind.previousActual !== undefined
            ? { previousActual: ind.previousActual }
            : {}),
        };
        continue;
      }
    }
    result.push({ ...ind });
  }
  return { indicators: result, period, annual };
}
