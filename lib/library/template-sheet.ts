/**
 * Tianbao's flat template sheet (CSV / XLSX) for colleagues: one indicator per row with the columns
 * 一级指标, 二级指标, 三级指标, 计算符号, 实施周期指标值, 年度指标值, 计量单位, 指标值说明, 标签, 所属指标集
 * (+ 项目名称, 绩效目标, 权重, 备注). Reading gives row-numbered problems; writing then reading gives
 * the same templates and sets back.
 */
import type { Template, TemplateContent, TemplateSet } from '../domain/schemas';
import { formatValue, type IndicatorSymbol, type IndicatorValue, normaliseSymbol, splitValue } from '../domain/values';
import { normaliseDecimalString } from '../domain/decimal';
import { InputError } from '../parse/errors';
import type { SourceRow } from '../parse/index';
import {
  checkContent,
  type ImportBatch,
  type ImportIssue,
  type ImportItem,
  type ImportSetDraft,
  makeIssue,
} from './import-batch';
import { clean, contentKey, normaliseKey, splitTags } from './keys';

/** The sheet's columns in export order, with the header names accepted on import. */
export const SHEET_COLUMNS = [
  { key: 'level1', header: '一级指标', aliases: ['一级', '一级指标名称'] },
  { key: 'level2', header: '二级指标', aliases: ['二级', '二级指标名称'] },
  { key: 'name', header: '三级指标', aliases: ['指标名称', '三级指标名称', '绩效指标名称'] },
  { key: 'symbol', header: '计算符号', aliases: ['符号', '运算符号', '指标值符号'] },
  { key: 'period', header: '实施周期指标值', aliases: ['中长期指标值', '实施期指标值', '总体指标值', '周期指标值'] },
  { key: 'annual', header: '年度指标值', aliases: ['指标值', '本年指标值'] },
  { key: 'unit', header: '计量单位', aliases: ['度量单位', '单位'] },
  { key: 'explanation', header: '指标值说明', aliases: ['指标说明', '说明'] },
  { key: 'tags', header: '标签', aliases: ['tags'] },
  { key: 'set', header: '所属指标集', aliases: ['指标集', '指标集名称'] },
  { key: 'projectName', header: '项目名称', aliases: [] },
  { key: 'goal', header: '绩效目标', aliases: ['总体目标', '项目目标'] },
  { key: 'weight', header: '权重', aliases: ['分值', '权重(分值)'] },
  { key: 'remark', header: '备注', aliases: [] },
] as const;

type ColumnKey = (typeof SHEET_COLUMNS)[number]['key'];
const HEADER_OF = Object.fromEntries(SHEET_COLUMNS.map((c) => [c.key, c.header])) as Record<ColumnKey, string>;

/** Sheet name used on export and preferred on import. */
export const SHEET_NAME = '指标模板';

const HEADER_LOOKUP = new Map<string, ColumnKey>();
for (const c of SHEET_COLUMNS) for (const h of [c.header, ...c.aliases]) HEADER_LOOKUP.set(normaliseKey(h), c.key);

/** Where the header is and which column holds what. */
export interface SheetHeader {
  /** Index into the rows array. */
  index: number;
  columns: Map<ColumnKey, number>;
  /** Header cells that name no known column: [column index, text]. */
  unknown: Array<[number, string]>;
}

/** How many leading rows may stand above the header (a title line, a blank line). */
const HEADER_SEARCH_ROWS = 5;

/**
 * Finds the template header: a row naming 三级指标 (or 指标名称) and at least one other known column,
 * among the first few rows. Returns null when the sheet is not a template sheet.
 */
export function findSheetHeader(rows: readonly SourceRow[]): SheetHeader | null {
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
    const columns = new Map<ColumnKey, number>();
    const unknown: Array<[number, string]> = [];
    rows[i]!.cells.forEach((cell, c) => {
      const text = clean(cell);
      if (text === '') return;
      const key = HEADER_LOOKUP.get(normaliseKey(text));
      if (key && !columns.has(key)) columns.set(key, c);
      else unknown.push([c, text]);
    });
    if (columns.has('name') && columns.size >= 2) return { index: i, columns, unknown };
    // A 申报表 / 批复表 starts with its project block (项目名称 …): a portal table, not a template sheet.
    if (rows[i]!.cells.some((c) => PROJECT_LABEL_RE.test(clean(c)))) return null;
  }
  return null;
}

/** Labels of a declaration's project block, never found above a template sheet's header. */
const PROJECT_LABEL_RE = /^(项目名称|主管部门(及代码)?|实施单位|项目属性|项目资金.*|总体目标|年度目标)[:：]?$/;

const BARE_NUMBER_RE = /^[+-]?\d+(?:\.\d+)?$/;
const EXPLICIT_EQUALS_RE = /[=＝]|等于|^为/;

interface ValueRead {
  value: IndicatorValue | null;
  issues: ImportIssue[];
}

/** Reads one value cell with the row's 计算符号 and 计量单位 columns (which apply to bare numbers). */
function readValueCell(
  cell: string,
  symbolCell: string,
  unitCell: string,
  file: string,
  row: number,
  field: string,
): ValueRead {
  const text = cell.trim();
  if (text === '') return { value: null, issues: [] };
  const columnSymbol: IndicatorSymbol | null = symbolCell.trim() === '' ? null : normaliseSymbol(symbolCell);
  const unit = unitCell.trim();
  if (columnSymbol === '定性') return { value: { symbol: '定性', value: null, unit: '', text, raw: text }, issues: [] };
  if (BARE_NUMBER_RE.test(text)) {
    const symbol = columnSymbol ?? '＝';
    return {
      value: { symbol, value: normaliseDecimalString(text), unit, text: '', raw: `${symbol}${text}${unit}` },
      issues: [],
    };
  }
  const v = splitValue(text);
  if (v.symbol === '定性' && columnSymbol !== null) {
    return {
      value: null,
      issues: [
        makeIssue(
          'error',
          file,
          row,
          field,
          `计算符号为「${columnSymbol}」，但指标值「${text}」不是数字`,
          `symbol is "${columnSymbol}" but value "${text}" is not a number`,
        ),
      ],
    };
  }
  if (v.symbol === '定性') return { value: v, issues: [] };
  const explicit = v.symbol !== '＝' || EXPLICIT_EQUALS_RE.test(text);
  return {
    value: {
      ...v,
      symbol: explicit || columnSymbol === null ? v.symbol : columnSymbol,
      unit: v.unit === '' ? unit : v.unit,
    },
    issues: [],
  };
}

const SHEET_LABELS = {
  name: HEADER_OF.name,
  level1: HEADER_OF.level1,
  level2: HEADER_OF.level2,
  period: HEADER_OF.period,
  annual: HEADER_OF.annual,
  explanation: HEADER_OF.explanation,
};

/**
 * Reads template-sheet rows into a batch. Throws InputError (naming file and sheet) when no header is
 * found; unknown columns are ignored with a note; each row's problems carry its row number.
 */
export function readTemplateSheet(rows: readonly SourceRow[], file: string): ImportBatch {
  const header = findSheetHeader(rows);
  if (!header) {
    const first = rows.find((r) => r.cells.some((c) => c.trim() !== ''));
    const seen = first ? first.cells.filter((c) => c.trim() !== '').join('、') : '（空）';
    throw new InputError(
      `${file}：未找到指标模板表头，需要「三级指标」及「一级指标」「年度指标值」等列；首行为：${seen} / ` +
        `${file}: no template header found; expected 三级指标 plus columns such as 一级指标, 年度指标值; first row: ${seen}`,
      { file, line: first?.line ?? 1 },
    );
  }
  const headerRow = rows[header.index]!.line;
  const notes: ImportIssue[] = header.unknown.map(([, text]) =>
    makeIssue('warning', file, headerRow, text, '列名未识别，该列已忽略', 'unknown column, ignored'),
  );
  const items: ImportItem[] = [];
  const sets = new Map<string, ImportSetDraft>();
  // A sheet repeats a few hundred values (＝100%, ≥98%) over thousands of rows: each is read once.
  const values = new Map<string, IndicatorValue | null>();
  const valueOf = (cell: string, symbolCell: string, unitCell: string, row: number, field: string): ValueRead => {
    const key = `${cell}\u0000${symbolCell}\u0000${unitCell}`;
    const known = values.get(key);
    // A copy each time: records never share a value object.
    if (known !== undefined) return { value: known && { ...known }, issues: [] };
    const read = readValueCell(cell, symbolCell, unitCell, file, row, field);
    if (read.issues.length === 0) {
      if (values.size > 50_000) values.clear();
      values.set(key, read.value && { ...read.value });
    }
    return read;
  };
  const get = (cells: string[], key: ColumnKey): string => {
    const c = header.columns.get(key);
    return c === undefined ? '' : (cells[c] ?? '').trim();
  };
  for (const { line: row, cells } of rows.slice(header.index + 1)) {
    if (cells.every((c) => c.trim() === '')) continue;
    const issues: ImportIssue[] = [];
    const symbolCell = get(cells, 'symbol');
    if (symbolCell !== '' && normaliseSymbol(symbolCell) === null) {
      issues.push(
        makeIssue('error', file, row, HEADER_OF.symbol, `计算符号「${symbolCell}」无法识别`, `unknown symbol "${symbolCell}"`),
      );
    }
    const unitCell = get(cells, 'unit');
    const period = valueOf(get(cells, 'period'), symbolCell, unitCell, row, HEADER_OF.period);
    const annual = valueOf(get(cells, 'annual'), symbolCell, unitCell, row, HEADER_OF.annual);
    if (period.issues.length > 0 || annual.issues.length > 0) issues.push(...period.issues, ...annual.issues);
    // Built field by field (no spread-and-strip per row), in the order the records always had.
    const content: TemplateContent = {
      level1: get(cells, 'level1'),
      level2: get(cells, 'level2'),
      name: clean(get(cells, 'name')),
      period: period.value,
      annual: annual.value,
    };
    const explanation = get(cells, 'explanation');
    if (explanation) content.explanation = explanation;
    const weightCell = get(cells, 'weight');
    if (weightCell) content.weight = weightCell;
    const remark = get(cells, 'remark');
    if (remark) content.remark = remark;
    const weight = content.weight;
    if (weight !== undefined && normaliseDecimalString(weight) === null) {
      issues.push(makeIssue('error', file, row, HEADER_OF.weight, `权重「${weight}」不是数字`, `weight "${weight}" is not a number`));
    }
    issues.push(...checkContent(content, file, row, SHEET_LABELS));
    const setName = clean(get(cells, 'set'));
    const item: ImportItem = {
      row,
      content,
      tags: splitTags(get(cells, 'tags')),
      source: file,
      issues,
      ...(setName ? { setKey: `set:${setName}` } : {}),
    };
    if (setName) {
      const key = `set:${setName}`;
      let set = sets.get(key);
      if (!set) {
        set = { key, row, name: setName, projectName: '', goal: '', tags: [], source: file, itemIndices: [], issues: [] };
        sets.set(key, set);
      }
      set.projectName ||= get(cells, 'projectName');
      set.goal ||= get(cells, 'goal');
      set.itemIndices.push(items.length);
    }
    items.push(item);
  }
  return { file, kind: 'sheet', items, sets: [...sets.values()], notes };
}

/** The symbol and unit shared by a template's values, written once in the 计算符号 / 计量单位 columns. */
function sharedSymbolUnit(t: TemplateContent): { symbol: string; unit: string } {
  const values = [t.period, t.annual].filter((v): v is IndicatorValue => v !== null && v.symbol !== null);
  if (values.length === 0) return { symbol: '', unit: '' };
  const first = values[0]!;
  const same = values.every((v) => v.symbol === first.symbol && v.unit === first.unit);
  return same ? { symbol: first.symbol ?? '', unit: first.unit } : { symbol: '', unit: '' };
}

/** A value cell: the bare number when the row's symbol/unit columns say the rest, else the whole value. */
function valueCell(v: IndicatorValue | null, shared: { symbol: string; unit: string }): string {
  if (v === null) return '';
  if (v.symbol === null || v.problem) return v.raw;
  if (v.symbol === '定性') return v.text;
  if (shared.symbol === v.symbol && shared.unit === v.unit && v.text === '' && v.value !== null) return v.value;
  return formatValue(v);
}

function contentRow(t: TemplateContent, tags: readonly string[], set?: TemplateSet): string[] {
  const shared = sharedSymbolUnit(t);
  const byKey: Record<ColumnKey, string> = {
    level1: t.level1,
    level2: t.level2,
    name: t.name,
    symbol: shared.symbol,
    period: valueCell(t.period, shared),
    annual: valueCell(t.annual, shared),
    unit: shared.unit,
    explanation: t.explanation ?? '',
    tags: tags.join('，'),
    set: set?.name ?? '',
    projectName: set?.projectName ?? '',
    goal: set?.goal ?? '',
    weight: t.weight ?? '',
    remark: t.remark ?? '',
  };
  return SHEET_COLUMNS.map((c) => byKey[c.key]);
}

/**
 * The library as sheet rows (header first): every set's items under its name, then the templates
 * that are in no set. Reading the rows back gives the same template contents and sets.
 */
export function librarySheetRows(templates: readonly Template[], sets: readonly TemplateSet[]): string[][] {
  const rows: string[][] = [SHEET_COLUMNS.map((c) => c.header)];
  const tagsByKey = new Map<string, string[]>();
  for (const t of templates) tagsByKey.set(contentKey(t), t.tags);
  const inSets = new Set<string>();
  for (const set of sets) {
    for (const item of set.items) {
      const key = contentKey(item);
      inSets.add(key);
      rows.push(contentRow(item, tagsByKey.get(key) ?? [], set));
    }
  }
  for (const t of templates) if (!inSets.has(contentKey(t))) rows.push(contentRow(t, t.tags));
  return rows;
}

/** Column widths (characters) for the exported sheet. */
const COLUMN_WIDTHS: Record<ColumnKey, number> = {
  level1: 10,
  level2: 14,
  name: 30,
  symbol: 8,
  period: 16,
  annual: 16,
  unit: 8,
  explanation: 30,
  tags: 14,
  set: 24,
  projectName: 24,
  goal: 40,
  weight: 6,
  remark: 16,
};

/** The library as an .xlsx workbook (one sheet, 指标模板). SheetJS is loaded on demand. */
export async function writeLibraryXlsx(templates: readonly Template[], sets: readonly TemplateSet[]): Promise<Uint8Array> {
  const XLSX = await import('@e965/xlsx');
  const sheet = XLSX.utils.aoa_to_sheet(librarySheetRows(templates, sets));
  sheet['!cols'] = SHEET_COLUMNS.map((c) => ({ wch: COLUMN_WIDTHS[c.key] }));
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, SHEET_NAME);
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

/** The library as CSV text (UTF-8 with BOM, so Excel opens Chinese text correctly). */
export function writeLibraryCsv(templates: readonly Template[], sets: readonly TemplateSet[]): string {
  const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return '\uFEFF' + librarySheetRows(templates, sets).map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
}
