/**
 * Single-project target tables — 绩效目标申报表 / 批复表 as staff hold them from last year (Word, Excel, a
 * disclosure page, pasted text) — and self-evaluation tables (自评表), read from rows into a FormSnapshot
 * with no configuration. Several projects' tables one after another (a page listing every project) give
 * several projects.
 *
 * Entry points for the dispatcher (lib/parse/index.ts):
 * - `parseDeclarationRows(rows, options)`: rows from `textToRows` (text-grid.ts), `readHtmlRows`
 *   (read-html.ts), `readDocxRows` (read-docx.ts) or the xlsx/csv reader → snapshot, or null when the rows
 *   are not a declaration / 批复 / self-evaluation table (e.g. the multi-project export list).
 * The readers are not re-exported here: read-docx pulls in mammoth, which callers load on demand
 * (`await import('./read-docx')`) so pages that never open a Word file do not carry it.
 *
 * Golden rule: actual values are never taken for targets. A self-evaluation returns layout
 * `self-evaluation` with a warning saying it is not a target table; its 实际完成值 go to `previousActual`.
 */
import { DEFAULT_PROFILE, type FormSnapshot, type ImportWarning, type Project } from '../domain';
import { readProjectHeader } from './declaration-header';
import {
  type BlockItem,
  findIndicatorHeader,
  type IndicatorHeader,
  isBlockEnd,
  isHeaderStart,
  pairSets,
  readIndicatorBlock,
} from './declaration-indicators';
import {
  groupLabel,
  headerLabel,
  isFooterRow,
  type MoneyUnit,
  scopeCell,
  SELF_EVALUATION_LABEL_RE,
  SELF_EVALUATION_TITLE_RE,
  TITLE_RE,
  unitStatement,
} from './declaration-vocab';
import type { ParseOptions, SourceRow } from './index';
import type { LineMark } from './trace';

function filled(row: SourceRow): string[] {
  return row.cells.filter((c) => c.trim() !== '');
}

function hasNameLabel(row: SourceRow): boolean {
  return filled(row).some((c) => headerLabel(c)?.field === 'name');
}

/**
 * The column header of a multi-project list (`项目名称 | 总计 | 财政拨款 | … | 绩效目标`): labels only, one of
 * them 项目名称. Such rows belong to the export-list importer, not here.
 */
function isListHeader(row: SourceRow): boolean {
  const cells = filled(row);
  if (cells.length < 4) return false;
  const labels = cells.map((c) => headerLabel(c));
  return labels.every((l) => l !== undefined && l.inlineValue === undefined) && labels.some((l) => l?.field === 'name');
}

/** Rows that introduce the next project's table rather than close the previous one. */
function isPreambleRow(row: SourceRow): boolean {
  const cells = filled(row);
  if (cells.length === 0) return true;
  if (cells.length !== 1) return false;
  const t = cells[0]!;
  return TITLE_RE.test(t) || (unitStatement(t) !== undefined && t.length <= 30) || headerLabel(t)?.field === 'ownerFiler';
}

/** Splits rows into one section per project: a new 项目名称 starts a project once the current one has indicators. */
function sections(rows: readonly SourceRow[]): { start: number; end: number }[] {
  const starts: number[] = [0];
  let sawHeader = false;
  let sawName = false;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (hasNameLabel(row)) {
      if (sawName && sawHeader) {
        let start = i;
        while (start - 1 > starts[starts.length - 1]! && isPreambleRow(rows[start - 1]!)) start--;
        starts.push(start);
        sawHeader = false;
      }
      sawName = true;
    }
    if (!sawHeader && isHeaderStart(rows, i)) sawHeader = true;
  }
  return starts.map((start, k) => ({ start, end: starts[k + 1] ?? rows.length }));
}


/** A set label between blocks (`年度绩效指标`) with no header of its own: the columns above, re-scoped. */
function rescopedHeader(
  rows: readonly SourceRow[],
  i: number,
  previous: IndicatorHeader,
): IndicatorHeader | undefined {
  const cells = [...new Set(filled(rows[i]!))];
  if (cells.length !== 1) return undefined;
  const scope = groupLabel(cells[0]!)?.scope ?? scopeCell(cells[0]!);
  if (!scope) return undefined;
  // Only value columns whose set was a default take the label's; `长期 | 年度` columns keep theirs.
  const columns = previous.columns.map((c) => (c.role === 'value' && c.defaultScope ? { ...c, scope } : { ...c }));
  return { ...previous, start: i, end: i + 1, columns };
}

interface SectionResult {
  project: Project;
  selfEvaluation: boolean;
  recognised: boolean;
}

function readSection(
  rows: readonly SourceRow[],
  start: number,
  end: number,
  options: ParseOptions,
  defaultUnit: MoneyUnit | undefined,
  warnings: ImportWarning[],
  marks: LineMark[],
): SectionResult {
  const profile = options.profile ?? DEFAULT_PROFILE;
  const slice = rows.slice(start, end);
  const headerRuns: SourceRow[][] = [];
  let run: SourceRow[] = [];
  const items: BlockItem[] = [];
  let selfEvaluation = false;
  let foundHeader = false;
  let inFooter = false;
  let previous: IndicatorHeader | undefined;
  let i = 0;
  while (i < slice.length) {
    const next = findIndicatorHeader(slice, i);
    const nextStart = next?.start ?? slice.length;
    // Rows before the header (a set label row between blocks may re-scope the previous header instead).
    while (i < nextStart) {
      // The approval / signature block under a table: nothing in it is a header field or an indicator.
      if (foundHeader && (inFooter || isFooterRow(slice[i]!.cells))) {
        inFooter = true;
        marks.push({ line: slice[i]!.line, kind: 'footer', note: '表格下方的审核 / 签字栏,已忽略' });
        i++;
        continue;
      }
      const rescoped = previous ? rescopedHeader(slice, i, previous) : undefined;
      if (rescoped && !(next && next.start <= i + 2)) {
        if (run.length > 0) headerRuns.push(run);
        run = [];
        i = readBlock(rescoped);
        continue;
      }
      run.push(slice[i]!);
      i++;
    }
    if (!next) break;
    if (run.length > 0) headerRuns.push(run);
    run = [];
    foundHeader = true;
    inFooter = false;
    i = readBlock(next);
  }
  if (run.length > 0) headerRuns.push(run);

  function readBlock(header: IndicatorHeader): number {
    for (let k = header.start; k < header.end; k++) marks.push({ line: slice[k]!.line, kind: 'header', note: '指标表表头' });
    let stop = header.end;
    while (stop < slice.length && !isBlockEnd(slice, stop)) stop++;
    selfEvaluation ||= header.selfEvaluation;
    items.push(
      ...readIndicatorBlock(slice, header, stop, { profile, selfEvaluation: header.selfEvaluation, ...(options.file ? { file: options.file } : {}) }, warnings),
    );
    previous = header;
    return Math.max(stop, header.end);
  }

  const header = readProjectHeader(headerRuns, defaultUnit);
  for (const row of headerRuns.flat()) {
    const cells = filled(row);
    if (cells.length === 0) continue;
    const title = cells.length === 1 && (TITLE_RE.test(cells[0]!) || unitStatement(cells[0]!) !== undefined);
    marks.push(title ? { line: row.line, kind: 'title', note: '标题 / 金额单位' } : { line: row.line, kind: 'project', note: '项目信息栏' });
  }
  warnings.push(...header.warnings);
  const textCells = headerRuns.flat().flatMap((r) => filled(r));
  if (textCells.some((c) => (TITLE_RE.test(c) && SELF_EVALUATION_TITLE_RE.test(c)) || SELF_EVALUATION_LABEL_RE.test(c.replace(/\s/g, '')))) {
    selfEvaluation = true;
  }
  const { indicators, period, annual } = pairSets(items);
  const project: Project = {
    name: header.name,
    owner: header.owner,
    amounts: header.amounts,
    goal: header.goal,
    ...(header.annualGoal !== undefined ? { annualGoal: header.annualGoal } : {}),
    indicators,
    ...(foundHeader ? { sets: { period, annual } } : {}),
    source: { line: header.line, ...(options.file ? { file: options.file } : {}) },
  };
  const entries = header.entries;
  const hasName = entries.some((e) => e.field === 'name' && e.value.trim() !== '');
  const hasBody = entries.some((e) => e.field !== 'name' && e.field !== 'ignore' && e.value.trim() !== '');
  if (!foundHeader && hasName && hasBody) {
    warnings.push({ line: header.line, message: '未找到绩效指标表 / no indicator table found' });
  }
  return { project, selfEvaluation, recognised: foundHeader || (hasName && hasBody) };
}

/**
 * Reads rows of a single-project 申报表 / 批复表 (or several in a row, or a 自评表) into a snapshot; null when
 * the rows are not such a table. Never throws on odd input: what cannot be placed becomes a warning.
 */
export function parseDeclarationRows(rows: readonly SourceRow[], options: ParseOptions = {}): FormSnapshot | null {
  if (rows.length === 0) return null;
  const hasHeader = findIndicatorHeader(rows, 0) !== undefined;
  if (!hasHeader && rows.some(isListHeader)) return null;
  const parts = sections(rows);
  const firstName = rows.findIndex(hasNameLabel);
  let defaultUnit: MoneyUnit | undefined;
  for (let i = 0; i < (firstName < 0 ? 0 : firstName); i++) {
    for (const c of filled(rows[i]!)) defaultUnit ??= unitStatement(c);
  }
  const warnings: ImportWarning[] = [];
  const projects: Project[] = [];
  let selfEvaluation = false;
  // Marks reach the trace only once the rows are read as this kind of table.
  const marks: LineMark[] = [];
  for (const part of parts) {
    const sectionMarks: LineMark[] = [];
    const result = readSection(rows, part.start, part.end, options, defaultUnit, warnings, sectionMarks);
    if (!result.recognised) continue;
    marks.push(...sectionMarks);
    projects.push(result.project);
    if (result.selfEvaluation) {
      selfEvaluation = true;
      warnings.push({
        line: result.project.source?.line ?? rows[part.start]!.line,
        message:
          '这是绩效自评表,不是目标表:目标只取年度指标值,实际完成值记为上年实际值,分值/得分未读取 / ' +
          'this is a self-evaluation (自评表), not a target table: targets come from 年度指标值 only, actual ' +
          'values are kept as previous actuals, scores are not read',
      });
    }
  }
  if (projects.length === 0) return null;
  for (const m of marks) options.trace?.mark(m.line, m.kind, m.note);
  warnings.sort((a, b) => a.line - b.line);
  return {
    total: null,
    units: [],
    projects,
    warnings,
    ...(options.file ? { origin: options.file } : {}),
    layout: selfEvaluation ? 'self-evaluation' : 'declaration',
  };
}
