/**
 * Department-level exports of 项目支出绩效目标表: one row per indicator,
 *
 *   单位名称 | 项目名称 | 预算数 | 年度目标 | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 权重 | 指标方向性
 *
 * as budget systems (e.g. Sichuan's 预算管理一体化 export) print a whole department. Only a project's first
 * row carries 单位/项目/预算数/目标 (merged cells in the original, empty in CSV/XLSX copies); a new project
 * starts where a new project name appears. Department/unit subtotal rows (`820-某镇部门 | 8,827,620.53`: a
 * code-name and an amount, no indicator) sit between units. Titles and a `金额单位:元` line may sit above
 * the header; 填表人 / 联系电话 / 审核意见 / `年 月 日` footers below it.
 *
 * Recognised by its header: a 项目名称 column and 一级 / 二级 / 三级 indicator columns in the same row (a
 * single-project 申报表 has 项目名称 in its header block, never beside the indicator columns).
 *
 * Text copied from a web page drops merged cells, so a continuation row arrives shorter than the header;
 * such rows are re-aligned on their 一级 (or 二级) category word, which must sit under the 一级 column.
 */
import {
  cleanLabel,
  type Decimal,
  DEFAULT_PROFILE,
  findLevel1,
  findLevel2,
  type FormSnapshot,
  formatMoney,
  type ImportWarning,
  type Indicator,
  type IndicatorValue,
  normaliseSymbol,
  parseMoney,
  type Project,
  type TaxonomyProfile,
  type Unit,
  yuanToWanyuan,
} from '../domain';
import { collapseSpaces, toHalfWidth } from '../domain/text';
import { buildValue, readWeight } from './declaration-indicators';
import {
  type ColumnRole,
  type HeaderField,
  type MoneyUnit,
  type Scope,
  columnHeader,
  directionOf,
  headerLabel,
  isPlaceholderCell,
  scopeCell,
  TITLE_RE,
  unitStatement,
} from './declaration-vocab';
import type { ParseOptions, SourceRow } from './index';

/** What a department-export column holds: a project field or an indicator column. */
type DeptRole = 'owner' | 'project' | 'total' | 'fiscal' | 'special' | 'other' | 'goal' | 'annualGoal' | ColumnRole;

interface DeptColumn {
  index: number;
  role: DeptRole;
  scope?: Scope;
}

interface DeptHeader {
  /** Index of the header row in the rows given. */
  start: number;
  /** Index just past the header (and its 长期 | 年度 sub-row). */
  end: number;
  columns: DeptColumn[];
  /** Money unit printed in the 预算数 header (`预算数(元)`). */
  unit?: MoneyUnit;
}

/** Header-block fields that name a project column of the export. */
const PROJECT_FIELDS: Partial<Record<HeaderField, DeptRole>> = {
  name: 'project',
  ownerMain: 'owner',
  ownerImpl: 'owner',
  ownerFiler: 'owner',
  total: 'total',
  fiscal: 'fiscal',
  special: 'special',
  other: 'other',
  goal: 'goal',
  annualGoal: 'annualGoal',
};

/** Longest column caption read (`年度绩效目标(实施期)` and the like are well under it). */
const MAX_CAPTION = 40;

/** How far down a header may sit (titles, 金额单位 and notes above it). */
const HEADER_SEARCH_ROWS = 40;

function classify(cell: string): { role: DeptRole; scope?: Scope; unit?: MoneyUnit } | undefined {
  const text = cell.trim();
  // Column captions are short; prose and hostile runs are never one (and are not worth normalising).
  if (text === '' || text.length > MAX_CAPTION) return undefined;
  const label = headerLabel(text);
  const projectRole = label && label.inlineValue === undefined ? PROJECT_FIELDS[label.field] : undefined;
  if (projectRole) return { role: projectRole, ...(label?.unit ? { unit: label.unit } : {}) };
  const column = columnHeader(text);
  if (!column) return undefined;
  return { role: column.role, ...(column.scope ? { scope: column.scope } : {}) };
}

/** The header at row `i`, when it is one: 项目名称 and 一级 / 二级 / 三级 columns in the same row. */
function headerAt(rows: readonly SourceRow[], i: number): DeptHeader | undefined {
  const row = rows[i]!;
  const columns: DeptColumn[] = [];
  let unit: MoneyUnit | undefined;
  row.cells.forEach((cell, index) => {
    const c = classify(cell);
    if (!c) return;
    // The first column of a role wins (a repeated caption is read past).
    if (columns.some((x) => x.role === c.role && c.role !== 'value')) return;
    columns.push({ index, role: c.role, ...(c.scope ? { scope: c.scope } : {}) });
    if ((c.role === 'total' || c.role === 'fiscal' || c.role === 'special' || c.role === 'other') && c.unit) unit ??= c.unit;
  });
  const has = (role: DeptRole): boolean => columns.some((c) => c.role === role);
  if (!(has('project') && has('l1') && has('l2') && has('name'))) return undefined;
  let end = i + 1;
  // A `长期 | 年度` sub-row under a merged 指标值 names the set of each value column below it.
  const next = rows[i + 1];
  if (next) {
    const scoped = next.cells.map((c, index) => ({ index, scope: c.trim() === '' ? undefined : scopeCell(c) }));
    const filled = next.cells.filter((c) => c.trim() !== '');
    if (filled.length > 0 && filled.length === scoped.filter((s) => s.scope).length) {
      for (const s of scoped) {
        if (!s.scope) continue;
        const existing = columns.find((c) => c.index === s.index);
        if (existing) {
          existing.role = 'value';
          existing.scope = s.scope;
        } else columns.push({ index: s.index, role: 'value', scope: s.scope });
      }
      end = i + 2;
    }
  }
  if (!has('value')) return undefined;
  return { start: i, end, columns, ...(unit ? { unit } : {}) };
}

function findHeader(rows: readonly SourceRow[]): DeptHeader | undefined {
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    const h = headerAt(rows, i);
    if (h) return h;
  }
  return undefined;
}

function recognises(rows: readonly SourceRow[]): boolean {
  return findHeader(rows) !== undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Body rows

/** Approval, signature and date lines under the table. */
const FOOTER_RE =
  /^(填表人|填报人|制表人|经办人|联系电话|联系人|电话|单位负责人|部门负责人|财务负责人|负责人|审核人|审核意见|主管部门审核意见|财政部门审核意见|(单位|部门)(盖章|公章)|填报日期|填表日期|制表日期|日期|注|说明|备注|填报说明|填表说明)/;
const DATE_LINE_RE = /^(\d{4}\s*)?年\s*(\d{1,2}\s*)?月\s*(\d{1,2}\s*)?日$/;

function isFooterRow(row: SourceRow): boolean {
  const cells = row.cells.map((c) => c.trim()).filter((c) => c !== '');
  if (cells.length === 0) return false;
  const first = toHalfWidth(cells[0]!).replace(/\s+/g, '');
  return FOOTER_RE.test(first) || cells.every((c) => DATE_LINE_RE.test(toHalfWidth(c).trim()));
}

/** A unit/department code before its name: `820-马踏镇部门`, `820001-井研县马踏镇人民政府`. */
const CODE_NAME_RE = /^\d{3,}\s*[-—–－]/;
const GRAND_TOTAL_RE = /^(合计|总计)$/;

/** Rounds 万元 half up to the two places the domain stores (元 → 万元 leaves four more). */
function roundMoney(d: Decimal): string {
  if (d.scale <= 2) return formatMoney(d);
  const factor = 10n ** BigInt(d.scale - 2);
  const negative = d.units < 0n;
  const abs = negative ? -d.units : d.units;
  let units = abs / factor;
  if ((abs % factor) * 2n >= factor) units += 1n;
  return formatMoney({ units: negative ? -units : units, scale: 2 });
}

function readMoney(text: string, unit: MoneyUnit): string | null {
  const raw = text.trim();
  const parsed = parseMoney(raw);
  if (!parsed.ok) return null;
  const stated: MoneyUnit = /万元\s*$/.test(raw) ? '万元' : /元\s*$/.test(raw) ? '元' : unit;
  return roundMoney(stated === '元' ? yuanToWanyuan(parsed.value) : parsed.value);
}

/** A 度量单位 cell that holds no unit (a number, a date serial): the value's unit is then a guess. */
function odd(unitCell: string): boolean {
  return /\d/.test(toHalfWidth(unitCell));
}

/**
 * The row re-aligned under the header: when merged cells were dropped (text copied from a web page), the
 * 一级 category word (else the 二级 one) sits left of its column, and every cell moves right with it.
 */
function align(cells: readonly string[], header: DeptHeader, profile: TaxonomyProfile): string[] {
  const col = (role: DeptRole): number | undefined => header.columns.find((c) => c.role === role)?.index;
  // By name only: a bare code (`3`) is as likely an amount as a category.
  const named = (t: string): boolean => /\p{Script=Han}/u.test(t);
  const anchors: [DeptRole, (t: string) => boolean][] = [
    ['l1', (t) => named(t) && findLevel1(profile, t) !== undefined],
    ['l2', (t) => named(t) && findLevel2(profile, t) !== undefined],
  ];
  for (const [role, test] of anchors) {
    const target = col(role);
    if (target === undefined) continue;
    const at = cells.findIndex((c) => c.trim() !== '' && test(c.trim()));
    if (at < 0) continue;
    if (at >= target) return [...cells];
    return [...new Array<string>(target - at).fill(''), ...cells];
  }
  return [...cells];
}

function cellOf(cells: readonly string[], header: DeptHeader, role: DeptRole): string {
  const c = header.columns.find((x) => x.role === role);
  return c === undefined ? '' : (cells[c.index] ?? '').trim();
}

/**
 * Parses a department export into a snapshot, or returns null when the rows are not one (so the other
 * importers run).
 */
function parse(rows: readonly SourceRow[], options: ParseOptions = {}): FormSnapshot | null {
  const header = findHeader(rows);
  if (!header) return null;
  const profile: TaxonomyProfile = options.profile ?? DEFAULT_PROFILE;
  const trace = options.trace;
  const file = options.file;
  const warnings: ImportWarning[] = [];
  const units: Unit[] = [];
  const projects: Project[] = [];
  let total: string | null = null;

  // Above the header: titles and the 金额单位 line.
  let statedUnit: MoneyUnit | undefined = header.unit;
  for (const row of rows.slice(0, header.start)) {
    if (row.cells.every((c) => c.trim() === '')) continue;
    const stated = row.cells.map((c) => unitStatement(c)).find((u) => u !== undefined);
    trace?.mark(row.line, 'title', stated ? `金额单位:${stated}` : '标题');
    statedUnit ??= stated;
  }
  for (const row of rows.slice(header.start, header.end)) trace?.mark(row.line, 'header', '表头');
  for (const c of rows[header.start]!.cells) statedUnit ??= unitStatement(c);
  const unit: MoneyUnit = statedUnit ?? '万元';
  let unitWarned = false;
  const money = (text: string, line: number): string | null => {
    if (!statedUnit && !unitWarned && parseMoney(text).ok) {
      unitWarned = true;
      warnings.push({ line, message: '未写明金额单位,按万元读取 / no money unit stated; amounts read as 万元' });
    }
    return readMoney(text, unit);
  };

  const valueColumns = header.columns.filter((c) => c.role === 'value');
  const hasPeriod = valueColumns.some((c) => c.scope === 'period' || c.scope === 'both');
  const hasAnnual = valueColumns.some((c) => c.scope !== 'period');
  const sets = { period: hasPeriod, annual: hasAnnual || !hasPeriod };
  const hasDirectionColumn = header.columns.some((c) => c.role === 'direction');
  const indicatorCol = new Set(header.columns.filter((c) => ['l1', 'l2', 'name', 'value'].includes(c.role)).map((c) => c.index));
  const firstIndicatorIndex = Math.min(...[...indicatorCol]);
  const projectCol = header.columns.find((c) => c.role === 'project')!.index;
  const ownerCol = header.columns.find((c) => c.role === 'owner')?.index;
  const partColumns = header.columns.filter((c) => c.role === 'fiscal' || c.role === 'special' || c.role === 'other');

  let owner = '';
  let current: Project | undefined;
  let lastL1 = '';
  let lastL2 = '';
  let inFooter = false;

  for (let r = header.end; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.cells.every((c) => c.trim() === '')) continue;
    if (inFooter || isFooterRow(row)) {
      inFooter = true;
      trace?.mark(row.line, 'footer', '页脚:签字 / 审核 / 日期');
      continue;
    }
    // A header repeated at a page break, a page title or 金额单位 line between rows.
    if (headerAt(rows, r) !== undefined) {
      trace?.mark(row.line, 'header', '重复的表头');
      continue;
    }
    const single = [...new Set(row.cells.map((c) => c.trim()).filter((c) => c !== ''))];
    if (single.length === 1 && (unitStatement(single[0]!) || TITLE_RE.test(single[0]!))) {
      trace?.mark(row.line, 'title', '表中的标题 / 金额单位行');
      continue;
    }
    const cells = align(row.cells, header, profile);
    const hasIndicator = [...indicatorCol].some((i) => {
      const t = (cells[i] ?? '').trim();
      return t !== '' && !isPlaceholderCell(t);
    });

    if (!hasIndicator) {
      // Subtotal (code-name + amount), 合计, a unit heading, or a project printed without indicators.
      // Merged cells read from HTML/XLSX repeat their text, so a label counts once however many cells it fills.
      const filled = cells.map((c, index) => ({ text: c.trim(), index })).filter((c) => c.text !== '');
      const amounts = filled.filter((c) => parseMoney(c.text).ok);
      const labelTexts = [...new Set(filled.filter((c) => !parseMoney(c.text).ok).map((c) => c.text))];
      const label = labelTexts[0] ?? '';
      const labelAt = filled.find((c) => c.text === label)?.index;
      const asProject = labelAt === projectCol && !CODE_NAME_RE.test(label);
      if (amounts.length >= 1 && labelTexts.length === 1 && GRAND_TOTAL_RE.test(label.replace(/\s+/g, ''))) {
        total = money(amounts[0]!.text, row.line);
        trace?.mark(row.line, 'subtotal', '合计');
        continue;
      }
      if (amounts.length >= 1 && labelTexts.length === 1 && !asProject && amounts[0]!.index < firstIndicatorIndex) {
        const amount = money(amounts[0]!.text, row.line) ?? '0.00';
        units.push({
          name: cleanLabel(label),
          amounts: { total: amount, fiscal: '0.00', specialAccount: '0.00', other: '0.00' },
          source: { line: row.line, ...(file ? { file } : {}) },
        });
        trace?.mark(row.line, 'subtotal', '单位小计');
        continue;
      }
      if (amounts.length === 0 && labelTexts.length === 1 && labelAt === ownerCol && ownerCol !== undefined) {
        // A unit heading over its projects: the owner of the rows below.
        owner = cleanLabel(label);
        trace?.mark(row.line, 'title', '单位名称行');
        continue;
      }
    }

    const ownerCell = cellOf(cells, header, 'owner');
    const projectCell = cellOf(cells, header, 'project');
    if (ownerCell !== '') owner = cleanLabel(ownerCell);
    const name = cleanLabel(projectCell);
    // A new project starts at a new project name (exports that fill merged cells repeat the same name).
    if (name !== '' && !(current && current.name === name && current.owner === owner)) {
      const totalCell = cellOf(cells, header, 'total');
      let amount = '0.00';
      if (totalCell !== '') {
        const read = money(totalCell, row.line);
        if (read === null) warnings.push({ line: row.line, message: `预算数无法读取:${totalCell} / budget amount cannot be read` });
        amount = read ?? totalCell;
      }
      const part = (role: DeptRole): string => {
        const text = cellOf(cells, header, role);
        if (text === '') return '0.00';
        return money(text, row.line) ?? text;
      };
      const goal = collapseSpaces(cellOf(cells, header, 'goal'));
      const annualGoal = collapseSpaces(cellOf(cells, header, 'annualGoal'));
      current = {
        name,
        owner,
        amounts: { total: amount, fiscal: part('fiscal'), specialAccount: part('special'), other: part('other') },
        goal: goal !== '' ? goal : annualGoal,
        ...(goal !== '' && annualGoal !== '' ? { annualGoal } : {}),
        indicators: [],
        sets,
        source: { line: row.line, ...(file ? { file } : {}) },
      };
      projects.push(current);
      lastL1 = '';
      lastL2 = '';
      trace?.mark(row.line, 'project');
    }
    if (!hasIndicator) {
      if (name === '') {
        warnings.push({
          line: row.line,
          message: `第${row.line}行无法识别,未读取:「${collapseSpaces(row.cells.join(' ')).slice(0, 60)}」 / line ${row.line} not recognised, skipped`,
        });
        trace?.mark(row.line, 'warning');
      }
      continue;
    }
    if (!current) {
      warnings.push({
        line: row.line,
        message: `第${row.line}行的指标前没有项目名称,未读取 / line ${row.line}: indicator before any 项目名称, skipped`,
      });
      trace?.mark(row.line, 'warning');
      continue;
    }
    const indicator = readIndicator(cells, header, row, profile, { lastL1, lastL2 }, warnings, {
      hasDirectionColumn,
      file,
    });
    if (!indicator) continue;
    lastL1 = indicator.level1;
    lastL2 = indicator.level2;
    current.indicators.push(indicator);
    trace?.mark(row.line, 'indicator');
  }

  if (projects.length > 0 && partColumns.length === 0) {
    warnings.push({
      line: rows[header.start]!.line,
      message: '表中只列预算数,未列财政拨款/其他资金 / only the budget total is printed, not its parts (财政拨款 / 其他资金)',
    });
  }
  return {
    total,
    units,
    projects,
    warnings,
    layout: 'department-export',
    ...(file ? { origin: file } : {}),
  };
}

interface Carry {
  lastL1: string;
  lastL2: string;
}

function readIndicator(
  cells: readonly string[],
  header: DeptHeader,
  row: SourceRow,
  profile: TaxonomyProfile,
  carry: Carry,
  warnings: ImportWarning[],
  ctx: { hasDirectionColumn: boolean; file?: string },
): Indicator | undefined {
  const get = (role: DeptRole): string => cellOf(cells, header, role);
  const nameCell = get('name');
  const l1Cell = get('l1');
  const l2Cell = get('l2');
  let symbolCell = get('symbol');
  const unitCell = get('unit');
  let directionCell = get('direction');
  // 指标性质 and 指标方向 filled the wrong way round (`正向 | =`): each cell says which it is.
  if (directionOf(symbolCell) && !directionOf(directionCell) && normaliseSymbol(directionCell)) {
    [symbolCell, directionCell] = [directionCell, symbolCell];
  }
  const weightCell = get('weight');

  // 一级 / 二级 merged down a project: carry the label above; a 二级 alone names its 一级.
  const l2Text = l2Cell !== '' ? l2Cell : l1Cell === '' ? carry.lastL2 : '';
  const l2Found = l2Text !== '' ? findLevel2(profile, l2Text) : undefined;
  const level2 = l2Text !== '' ? (l2Found?.level2.name ?? cleanLabel(l2Text)) : '';
  const level1 =
    l1Cell !== '' ? (findLevel1(profile, l1Cell)?.name ?? cleanLabel(l1Cell)) : (l2Found?.level1.name ?? carry.lastL1);

  const values = header.columns
    .filter((c) => c.role === 'value')
    .map((c) => ({ scope: c.scope, text: (cells[c.index] ?? '').trim() }));
  const valueOf = (scope: 'period' | 'annual'): IndicatorValue | null => {
    const cell = values.find((v) =>
      scope === 'period' ? v.scope === 'period' || v.scope === 'both' : v.scope !== 'period',
    );
    if (!cell || cell.text === '') return null;
    return buildValue(cell.text, symbolCell, unitCell, directionCell);
  };
  const period = valueOf('period');
  const annual = valueOf('annual');
  if (nameCell === '' && period === null && annual === null) return undefined;

  const name = cleanLabel(nameCell);
  const shown = name || `第${row.line}行`;
  for (const v of [period, annual]) {
    if (!v || v.symbol === '定性' || v.value === null) continue;
    const explicit = symbolCell !== '' && !/^定量/.test(symbolCell);
    if (!explicit && !/[<>=≥≤≧≦＜＞＝]|不少于|不低于|不超过|不高于|以上|以下|以内/.test(toHalfWidth(v.raw ?? '')) && directionCell === '') {
      warnings.push({
        line: row.line,
        message: `「${shown}」指标值「${v.raw}」没有计算符号${ctx.hasDirectionColumn ? '且指标方向性为空' : '或指标方向性'},按「${v.symbol}」读取 / value has no symbol and no direction; read as ${v.symbol}`,
      });
      break;
    }
  }
  if (unitCell !== '' && odd(unitCell)) {
    warnings.push({
      line: row.line,
      message: `「${shown}」度量单位「${unitCell}」不像计量单位,请核对 / 度量单位 is not a unit of measure; please check`,
    });
  }
  const weight = weightCell === '' ? undefined : readWeight(weightCell);
  const text = collapseSpaces(row.cells.filter((c) => c.trim() !== '').join(' '));
  return {
    level1,
    level2,
    name,
    period,
    annual,
    ...(weight !== undefined ? { weight } : {}),
    source: { line: row.line, text, ...(ctx.file ? { file: ctx.file } : {}) },
  };
}

export const parseDepartmentRows = Object.assign(parse, { recognises });

