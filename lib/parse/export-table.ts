import type { Amounts, FormSnapshot, ImportWarning, Project, TaxonomyProfile, Unit } from '../domain';
import { DEFAULT_PROFILE, cleanLabel, formatMoney, parseMoney } from '../domain';
import { collapseSpaces, removeCjkSpaces } from '../domain/text';
import type { ParseOptions, SourceRow } from './index';
import { parseIndicatorCell, repairKeyMisreads } from './indicator-text';
import { isFooterRow } from './declaration-vocab';

/**
 * The multi-project export (项目支出绩效目标表) a unit publishes: one row per 合计, unit and project with
 * columns 项目名称 · 总计 · 财政拨款 · 财政专户拨款 · 其他资金 · 绩效目标 · 绩效指标.
 *
 * Text copied from the published PDF drops empty cells and shifts columns, so cells are placed by what they
 * hold (amounts, goal prose, indicator block), not by position; CSV/XLSX copies with aligned columns read
 * the same way.
 */

const HEADER_NAME_RE = /项目名称/;
const HEADER_MONEY_RE = /总计|资金总额|合计/;
const TOTAL_ROW_RE = /^(合计|总计)$/;
/** Unit rows: 某某局(本级), 某某委员会, 某某中心 — and never a project-like name (…经费, …项目). */
const UNIT_NAME_RE = /(\(本级\)|（本级）|局|委员会|委|办公室|中心|政府|办事处|院|所|站|队|厅|部)$/;
const PROJECT_NAME_RE = /(经费|费用?|项目|款项|资金|建设|工程|补助|专项)(\s*[(（][^()（）]{0,40}[)）])?$/;
/** An indicator block holds category labels or value keys. */
const INDICATOR_CELL_RE = /\d{1,2}\s*[-—–－]\s*\S{2,12}指标|实施周期指标值|年度指标值|千度指标值|\d\s*、\s*\d\s*[-—–－]/;

/** Whether these rows are a multi-project export: a header with 项目名称 and a money column. */
export function looksLikeExportTable(rows: readonly SourceRow[]): boolean {
  if (rows.slice(0, 15).some((r) => isHeaderRow(r.cells))) return true;
  // Pasted without its header: project rows with an amount and an indicator block.
  return rows.some(
    (r) => r.cells.length >= 3 && parseMoney(r.cells[1] ?? '').ok && r.cells.some((c) => INDICATOR_CELL_RE.test(repairKeyMisreads(c))),
  );
}

function isHeaderRow(cells: readonly string[]): boolean {
  const joined = cells.join('|');
  return HEADER_NAME_RE.test(joined) && HEADER_MONEY_RE.test(joined) && /绩效/.test(joined);
}

/** Splits pasted/saved text into tab-separated rows (1-based line numbers). */
export function splitTabbedRows(text: string): SourceRow[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((line, i) => ({ cells: line.split('\t'), line: i + 1 }));
}

const EMPTY_AMOUNTS: Amounts = { total: '0.00', fiscal: '0.00', specialAccount: '0.00', other: '0.00' };
const AMOUNT_FIELDS = ['total', 'fiscal', 'specialAccount', 'other'] as const;

/** Printed amounts carry two decimals; a bare `1` or `1.` beside them is a stray list number, not money. */
function looksLikePrintedAmount(cell: string): boolean {
  return /\d\s*[.．]\s*\d{2}\s*$/.test(cell.trim());
}

interface RowCells {
  name: string;
  amountCells: string[];
  textCells: string[];
  strays: string[];
}

/**
 * Places the cells after the name: up to four leading amount cells (empty cells count as empty amounts
 * while no text has started), then prose and indicator text.
 */
function placeCells(cells: readonly string[]): RowCells {
  const [nameCell = '', ...rest] = cells;
  const amountCells: string[] = [];
  const textCells: string[] = [];
  const strays: string[] = [];
  let i = 0;
  for (; i < rest.length && amountCells.length < 4; i += 1) {
    const cell = rest[i]!.trim();
    if (cell === '') {
      amountCells.push('');
      continue;
    }
    const parsed = parseMoney(cell);
    if (!parsed.ok) break;
    // The first two amounts (总计, 财政拨款) are always printed; later bare integers may be list numbers.
    if (amountCells.filter((c) => c !== '').length >= 2 && !looksLikePrintedAmount(cell)) {
      strays.push(cell);
      continue;
    }
    amountCells.push(cell);
  }
  for (; i < rest.length; i += 1) {
    const cell = rest[i]!;
    if (cell.trim() !== '') textCells.push(cell);
  }
  return { name: nameCell, amountCells, textCells, strays };
}

function toAmounts(cells: readonly string[]): Amounts {
  const amounts: Amounts = { ...EMPTY_AMOUNTS };
  AMOUNT_FIELDS.forEach((field, i) => {
    const cell = cells[i];
    if (cell === undefined || cell.trim() === '') return;
    const parsed = parseMoney(cell);
    amounts[field] = parsed.ok ? formatMoney(parsed.value) : cell.trim();
  });
  return amounts;
}

function cleanProse(text: string): string {
  return collapseSpaces(removeCjkSpaces(text));
}

/**
 * Parses rows of the multi-project export into a snapshot. Lines before the header (title, unit line) are
 * skipped; every fragment that cannot be placed becomes a warning with its line.
 */
export function parseExportRows(rows: readonly SourceRow[], options: ParseOptions = {}): FormSnapshot {
  const profile: TaxonomyProfile = options.profile ?? DEFAULT_PROFILE;
  const warnings: ImportWarning[] = [];
  const units: Unit[] = [];
  const projects: Project[] = [];
  let total: string | null = null;
  let owner = '';
  const headerIndex = rows.findIndex((r) => isHeaderRow(r.cells));
  const body = headerIndex >= 0 ? rows.slice(headerIndex + 1) : rows;
  if (headerIndex >= 0) {
    for (const row of rows.slice(0, headerIndex)) if (row.cells.some((c) => c.trim() !== '')) options.trace?.mark(row.line, 'title', '标题 / 单位 / 金额单位');
    options.trace?.mark(rows[headerIndex]!.line, 'header', '导出表表头');
  }
  let inFooter = false;

  for (const row of body) {
    if (row.cells.every((c) => c.trim() === '')) continue;
    // The approval / signature block under the table: never a project, never a wrapped line of the last one.
    if (inFooter || isFooterRow(row.cells)) {
      inFooter = true;
      options.trace?.mark(row.line, 'footer', '表格下方的审核 / 签字栏,已忽略');
      continue;
    }
    const placed = placeCells(row.cells);
    const name = cleanLabel(placed.name);
    const hasAmounts = placed.amountCells.some((c) => c.trim() !== '');
    for (const stray of placed.strays) {
      warnings.push({ line: row.line, message: `金额列中的片段「${stray}」不是金额(金额应有两位小数),未采用` });
    }

    if (TOTAL_ROW_RE.test(name)) {
      const amounts = toAmounts(placed.amountCells);
      total = amounts.total;
      options.trace?.mark(row.line, 'subtotal', '合计');
      continue;
    }

    const indicatorCells = placed.textCells.filter((c) => INDICATOR_CELL_RE.test(repairKeyMisreads(c)));
    const goalCells = placed.textCells.filter((c) => !indicatorCells.includes(c));

    if (name === '' || !hasAmounts) {
      // A wrapped line: attach to the last project when it carries goal or indicator text.
      const last = projects[projects.length - 1];
      if (last && (placed.textCells.length > 0 || name !== '')) {
        const continuation = [placed.name, ...placed.textCells].filter((c) => c.trim() !== '');
        const indicatorText = continuation.filter((c) => INDICATOR_CELL_RE.test(repairKeyMisreads(c)));
        if (indicatorText.length > 0) {
          const parsed = parseIndicatorCell(indicatorText.join(''), row.line, profile);
          last.indicators.push(...parsed.indicators);
          warnings.push(...parsed.warnings);
        } else {
          last.goal = cleanProse(`${last.goal}${continuation.join('')}`);
        }
        warnings.push({ line: row.line, message: `第${row.line}行没有项目名称或金额,已作为「${last.name}」的续行读取` });
      } else {
        warnings.push({ line: row.line, message: `无法识别的行「${collapseSpaces(row.cells.join(' ')).slice(0, 60)}」` });
      }
      continue;
    }

    const amounts = toAmounts(placed.amountCells);
    const isUnit =
      placed.textCells.length === 0 && UNIT_NAME_RE.test(name) && !PROJECT_NAME_RE.test(name.replace(/[(（]本级[)）]$/, ''));
    if (isUnit) {
      owner = name;
      units.push({ name, amounts, source: { line: row.line, file: options.file } });
      continue;
    }

    const indicators = [];
    for (const cell of indicatorCells) {
      const parsed = parseIndicatorCell(cell, row.line, profile);
      indicators.push(...parsed.indicators);
      warnings.push(...parsed.warnings);
    }
    projects.push({
      name,
      owner,
      amounts,
      goal: cleanProse(goalCells.join('')),
      indicators,
      sets: { period: true, annual: true },
      // The indicator text as printed (before key repairs), so the checker can report misprinted labels
      // such as 千度指标值 that the importer had to read past.
      source: { line: row.line, file: options.file, ...(indicatorCells.length > 0 ? { text: indicatorCells.join('') } : {}) },
    });
  }

  if (headerIndex < 0) {
    warnings.unshift({ line: 0, message: '未找到表头(项目名称 / 总计 / 绩效指标),按导出表格式读取' });
  }
  return { total, units, projects, warnings, layout: 'export-list', ...(options.file ? { origin: options.file } : {}) };
}
