/**
 * The project header block of a 申报表 / 批复表: 项目名称, 主管部门 / 实施单位, money lines and goals.
 * Labels and values come in every arrangement real tables use:
 * - side by side in one row (`项目名称 | X | 主管部门 | Y`), or glued with a colon (`年度资金总额:100`);
 * - labels in one row and values under them (`总体目标 | 中期目标 | 年度目标` over `… | 目标1 | 目标1`);
 * - one cell per line (label, then value, then the next label).
 * Merged cells repeated by the readers (a label equal to the cell above or left of it) are read once.
 */
import { type Decimal, formatMoney, parseMoney, sumDecimals, yuanToWanyuan } from '../domain';
import type { Amounts, ImportWarning } from '../domain';
import { cleanLabel, collapseSpaces, toHalfWidth } from '../domain/text';
import {
  type HeaderField,
  type HeaderLabel,
  type MoneyUnit,
  type Scope,
  groupLabel,
  headerLabel,
  scopeCell,
  TITLE_RE,
  unitStatement,
} from './declaration-vocab';
import type { SourceRow } from './index';

/** One label with the value found for it. */
export interface HeaderEntry {
  field: HeaderField;
  /** Scope of a money line (own label, or inherited from the scoped total above / before it). */
  scope?: Scope;
  unit?: MoneyUnit;
  value: string;
  line: number;
}

/** What the header block yields for one project. */
export interface ProjectHeader {
  name: string;
  owner: string;
  amounts: Amounts;
  goal: string;
  annualGoal?: string;
  /** Line of the 项目名称 label (or of the first header row). */
  line: number;
  warnings: ImportWarning[];
}

interface LabelCell {
  label: HeaderLabel;
  col: number;
  line: number;
}

interface ValueCell {
  text: string;
  col: number;
  line: number;
}

type Cell = { kind: 'label'; cell: LabelCell } | { kind: 'value'; cell: ValueCell };

const MONEY_FIELDS = new Set<HeaderField>(['total', 'fiscal', 'special', 'other']);
const TEXT_FIELDS = new Set<HeaderField>(['goal', 'annualGoal', 'goalExpected']);

/**
 * Captions printed around a title, never goal text: the budget year (`(2021年度)`, `2020年度)` with a
 * bracket lost), an attachment number (`附表1`, `附件:`).
 */
const CAPTION_RE = /^[(]?\s*\d{4}\s*年度?\s*[)]?$|^附(表|件)\s*\d*\s*[:]?$/;

/** Collects header entries from rows; see the module note for the arrangements read. */
class HeaderReader {
  readonly entries: HeaderEntry[] = [];
  readonly warnings: ImportWarning[] = [];
  /** Unit declared by `单位:万元` lines or money-group labels (`项目资金(万元)`). */
  statedUnit: MoneyUnit | undefined;
  private pending: LabelCell[] = [];
  private lastText: HeaderEntry | undefined;
  private streamScope: Scope | undefined;
  private goalGroup: HeaderField | undefined;
  private readonly colScope = new Map<number, Scope>();
  private orderScopes: Scope[] = [];
  private streamOrder: Scope[] = [];
  private lastMoneyScoped = false;
  private readonly fieldCounts = new Map<HeaderField, number>();
  private readonly rowOrderScope = new Map<LabelCell, Scope>();
  private previousGrid: string[] | undefined;

  /** Reads one contiguous run of rows; state that links neighbouring rows does not cross runs. */
  read(rows: readonly SourceRow[]): void {
    this.pending = [];
    this.lastText = undefined;
    this.previousGrid = undefined;
    let stream: { text: string; line: number }[] = [];
    for (const row of rows) {
      const filled = row.cells.filter((c) => c.trim() !== '');
      for (const c of filled) this.statedUnit ??= unitStatement(c);
      if (filled.length <= 1) {
        if (filled[0] !== undefined) stream.push({ text: filled[0], line: row.line });
        continue;
      }
      if (stream.length > 0) this.readStream(stream);
      stream = [];
      this.readGridRow(row);
    }
    if (stream.length > 0) this.readStream(stream);
  }

  private classify(text: string, col: number, line: number): Cell | undefined {
    const t = text.trim();
    if (t === '') return undefined;
    const label = headerLabel(t);
    if (label) return { kind: 'label', cell: { label, col, line } };
    if (unitStatement(t) && t.length <= 20) return undefined;
    return { kind: 'value', cell: { text: t, col, line } };
  }

  private scopeFor(label: LabelCell, grid: boolean): Scope | undefined {
    const { field } = label.label;
    if (!MONEY_FIELDS.has(field) && field !== 'moneyGroup') return undefined;
    if (label.label.scope) {
      if (grid) this.colScope.set(label.col, label.label.scope);
      else {
        // `中期资金总额:900 / 年度资金总额:300 / 财政拨款:800 / 财政拨款:250` read one cell per line: the
        // scoped totals in a row set the order the later lines repeat in.
        this.streamOrder = this.lastMoneyScoped ? [...this.streamOrder, label.label.scope] : [label.label.scope];
        this.lastMoneyScoped = true;
        this.fieldCounts.clear();
      }
      this.streamScope = label.label.scope;
      return label.label.scope;
    }
    const inRow = this.rowOrderScope.get(label);
    if (inRow) return inRow;
    if (grid) return this.colScope.get(label.col) ?? this.streamScope;
    this.lastMoneyScoped = false;
    if (this.streamOrder.length >= 2 && field !== 'moneyGroup') {
      const k = this.fieldCounts.get(field) ?? 0;
      this.fieldCounts.set(field, k + 1);
      return this.streamOrder[k % this.streamOrder.length];
    }
    return this.streamScope;
  }

  /**
   * `中期资金总额 | 年度资金总额` side by side, then `财政拨款 | 财政拨款` in the rows below: the k-th money line
   * of a row belongs to the k-th scoped total. By order rather than column, because a row copied from a
   * web page loses its merged first cell and shifts left.
   */
  private scopeByOrder(cells: Cell[]): void {
    this.rowOrderScope.clear();
    const money = cells.flatMap((c) => (c.kind === 'label' && MONEY_FIELDS.has(c.cell.label.field) ? [c.cell] : []));
    const scoped = money.filter((l) => l.label.scope);
    if (scoped.length >= 2) {
      this.orderScopes = scoped.map((l) => l.label.scope!);
      return;
    }
    if (scoped.length === 0 && money.length === this.orderScopes.length && money.length >= 2) {
      money.forEach((l, k) => this.rowOrderScope.set(l, this.orderScopes[k]!));
    }
  }

  private add(label: LabelCell, values: ValueCell[], grid: boolean): void {
    const { field } = label.label;
    if (field === 'moneyGroup') {
      if (label.label.unit) this.statedUnit ??= label.label.unit;
      this.scopeFor(label, grid);
      // `项目资金(元) | 1,250,000.00`: a money group with an amount beside it (no parts listed) states the total.
      const amount = values[0]?.text;
      if (amount !== undefined && values.length === 1 && parseMoney(amount).ok) {
        this.entries.push({ field: 'total', value: amount, line: label.line, ...(label.label.unit ? { unit: label.label.unit } : {}) });
      }
      return;
    }
    if (field === 'goal' || field === 'annualGoal') this.goalGroup = field;
    const scope = this.scopeFor(label, grid);
    if (values.length === 0) return;
    // Merged value cells repeated across a row read once.
    const texts = values.map((v) => v.text).filter((t, i, all) => i === 0 || t !== all[i - 1]);
    let resolved: HeaderField = field;
    if (field === 'goalExpected') resolved = this.goalGroup ?? 'goal';
    // Text fields are cleaned per row (PDF spacing inside Chinese goes); rows are joined with a space.
    const value = TEXT_FIELDS.has(field) ? cleanLabel(texts.join(' ')) : texts[0]!;
    const entry: HeaderEntry = {
      field: resolved,
      value,
      line: label.line,
      ...(scope ? { scope } : {}),
      ...(label.label.unit ? { unit: label.label.unit } : {}),
    };
    this.entries.push(entry);
    this.lastText = TEXT_FIELDS.has(resolved) ? entry : undefined;
  }

  /** Pairs a run of labels with the run of values after it: the last labels take one value each. */
  private pair(labels: LabelCell[], values: ValueCell[], grid: boolean): void {
    if (labels.length === 0) {
      this.continueText(values);
      return;
    }
    const k = labels.length;
    const m = values.length;
    if (m >= k) {
      labels.forEach((label, i) => this.add(label, i < k - 1 ? [values[i]!] : values.slice(i), grid));
    } else {
      labels.forEach((label, i) => {
        const v = i - (k - m);
        this.add(label, v >= 0 ? [values[v]!] : [], grid);
      });
    }
  }

  /** Values with no label before them continue the goal text above (goals running over several rows). */
  private continueText(values: ValueCell[]): void {
    if (values.length === 0) return;
    if (TITLE_RE.test(cleanLabel(values.map((v) => v.text).join(' ')))) return;
    // Set labels over the indicator table (`绩效指标 | 中期指标 | 年度指标`) are not goal text.
    if (values.every((v) => groupLabel(v.text) || scopeCell(v.text))) return;
    const texts = values.map((v) => v.text).filter((t) => !TITLE_RE.test(t) && !CAPTION_RE.test(toHalfWidth(t).trim()));
    if (texts.length === 0) return;
    if (this.lastText) {
      this.lastText.value = `${this.lastText.value} ${cleanLabel(texts.join(' '))}`.trim();
      return;
    }
    if (texts.length >= 2) {
      this.warnings.push({
        line: values[0]!.line,
        message: `表头区这一行无法归属:${collapseSpaces(texts.join(' | ')).slice(0, 60)} / could not place this header row`,
      });
    }
  }

  private readStream(tokens: { text: string; line: number }[]): void {
    this.pending = [];
    this.previousGrid = undefined;
    let labels: LabelCell[] = [];
    let values: ValueCell[] = [];
    for (const token of tokens) {
      const cell = this.classify(token.text, 0, token.line);
      if (!cell) continue;
      if (cell.kind === 'value') {
        if (TITLE_RE.test(cell.cell.text) && labels.length === 0) continue;
        values.push(cell.cell);
        continue;
      }
      if (values.length > 0 || labels.length > 0) {
        if (values.length > 0) {
          this.pair(labels, values, false);
          labels = [];
          values = [];
        }
      }
      const inline = cell.cell.label.inlineValue;
      if (inline !== undefined && inline !== '') {
        for (const l of labels) this.add(l, [], false);
        labels = [];
        this.add(cell.cell, [{ text: inline, col: 0, line: token.line }], false);
      } else labels.push(cell.cell);
    }
    if (labels.length > 0 || values.length > 0) this.pair(labels, values, false);
  }

  private readGridRow(row: SourceRow): void {
    const above = this.previousGrid;
    this.previousGrid = row.cells;
    const cells: Cell[] = [];
    row.cells.forEach((text, col) => {
      const cell = this.classify(text, col, row.line);
      if (!cell) return;
      // A merged label repeated by the reader: equal to the cell above or to its left.
      if (cell.kind === 'label' && (above?.[col] === text || (col > 0 && row.cells[col - 1] === text))) return;
      cells.push(cell);
    });
    this.scopeByOrder(cells);
    const hasLabel = cells.some((c) => c.kind === 'label');
    if (!hasLabel) {
      const values = cells.map((c) => c.cell as ValueCell);
      if (this.pending.length > 0) {
        this.pairByColumn(this.pending, values);
        this.pending = [];
      } else this.continueText(values);
      return;
    }
    this.pending = [];
    let labels: LabelCell[] = [];
    let values: ValueCell[] = [];
    for (const cell of cells) {
      if (cell.kind === 'value') {
        values.push(cell.cell);
        continue;
      }
      if (values.length > 0) {
        this.pair(labels, values, true);
        labels = [];
        values = [];
      }
      const inline = cell.cell.label.inlineValue;
      if (inline !== undefined && inline !== '') {
        for (const l of labels) this.add(l, [], true);
        labels = [];
        this.add(cell.cell, [{ text: inline, col: cell.cell.col, line: row.line }], true);
      } else labels.push(cell.cell);
    }
    if (values.length > 0) this.pair(labels, values, true);
    else {
      // Labels at the end of the row: their values are in the row below (or they are group labels).
      for (const l of labels) this.scopeFor(l, true);
      this.pending = labels;
      for (const l of labels) if (l.label.field === 'goal' || l.label.field === 'annualGoal') this.goalGroup = l.label.field;
      for (const l of labels) if (l.label.field === 'moneyGroup' && l.label.unit) this.statedUnit ??= l.label.unit;
    }
  }

  /** Labels in one row, values in the row below: a label takes the first value from its column up to the next label's. */
  private pairByColumn(labels: LabelCell[], values: ValueCell[]): void {
    // A value row copied without its merged first cell starts at column 0 and is shorter: pair in order.
    if (values.length < labels.length && values[0]?.col === 0 && (labels[0]?.col ?? 0) === 0) {
      this.pair(labels, values, false);
      return;
    }
    const sorted = [...labels].sort((a, b) => a.col - b.col);
    let used = 0;
    sorted.forEach((label, i) => {
      const end = sorted[i + 1]?.col ?? Number.POSITIVE_INFINITY;
      const mine = values.filter((v) => v.col >= label.col && v.col < end);
      used += mine.length;
      if (label.label.field === 'goalExpected' || TEXT_FIELDS.has(label.label.field)) this.add(label, mine, true);
      else this.add(label, mine.slice(0, 1), true);
    });
    if (used < values.length) this.continueText(values.filter((v) => v.col < (sorted[0]?.col ?? 0)));
  }
}

/** The first amount in a cell, after at most a short word (`总额10606.75万元`, `80(其中上级补助50)`). */
const FIRST_AMOUNT = /^[^\d]{0,6}?([¥￥]?\s*[+-]?\d[\d,，.\s]*(?:万元|元)?)/;

/** Reads a money cell (`3,200.00`, `10606.7522万元`, `80(其中上级补助50)`) into 万元. */
function readAmount(
  entry: HeaderEntry,
  fallbackUnit: MoneyUnit,
): { ok: true; text: string } | { ok: false; text: string } {
  const raw = toHalfWidth(entry.value).trim();
  let parsed = parseMoney(raw);
  let body = raw;
  if (!parsed.ok && parsed.reason === 'unparseable') {
    const lead = FIRST_AMOUNT.exec(raw)?.[1]?.trim();
    if (lead) {
      body = lead;
      parsed = parseMoney(lead.replace(/，/g, ','));
    }
  }
  if (!parsed.ok) return parsed.reason === 'empty' ? { ok: true, text: '0.00' } : { ok: false, text: entry.value.trim() };
  // `250万`: a bare 万 after the number is 万元 whatever the table's stated unit.
  const unit: MoneyUnit = /万元?\s*$/.test(body) || /^\d[\d,.\s]*万\s*$/.test(raw)
    ? '万元'
    : /元\s*$/.test(body) ? '元' : (entry.unit ?? fallbackUnit);
  const value: Decimal = unit === '元' ? yuanToWanyuan(parsed.value) : parsed.value;
  return { ok: true, text: formatMoney(trimScale(value)) };
}

/** Drops zero places beyond the two money places (`100.0000` → `100.00`; `123.4567` stays exact). */
function trimScale(d: Decimal): Decimal {
  let { units, scale } = d;
  while (scale > 2 && units % 10n === 0n) {
    units /= 10n;
    scale--;
  }
  return { units, scale };
}

function pickMoney(entries: HeaderEntry[]): Partial<Record<'total' | 'fiscal' | 'special' | 'other', HeaderEntry>> {
  const money = entries.filter((e) => MONEY_FIELDS.has(e.field) && e.value.trim() !== '');
  // A table with 中期 and 年度 columns: the 年度 amounts are this budget year's, the ones the portal holds.
  const scope: Scope | undefined = money.some((e) => e.scope === 'annual')
    ? 'annual'
    : money.some((e) => e.scope === undefined)
      ? undefined
      : 'period';
  const out: Partial<Record<'total' | 'fiscal' | 'special' | 'other', HeaderEntry>> = {};
  for (const field of ['total', 'fiscal', 'special', 'other'] as const) {
    const of = money.filter((e) => e.field === field);
    const chosen = of.find((e) => e.scope === scope) ?? of.find((e) => e.scope === undefined || e.scope === 'both');
    if (chosen) out[field] = chosen;
  }
  return out;
}

/**
 * Reads the header block of one project, given as runs of contiguous rows (the rows around its indicator
 * blocks). `defaultUnit` is a unit stated before the project's rows
 * (a page-wide `单位:万元`).
 */
export function readProjectHeader(
  runs: readonly (readonly SourceRow[])[],
  defaultUnit?: MoneyUnit,
): ProjectHeader & { entries: HeaderEntry[] } {
  const reader = new HeaderReader();
  for (const run of runs) reader.read(run);
  const rows = runs.flat();
  const warnings = [...reader.warnings];
  const entries = reader.entries;
  const first = (field: HeaderField): HeaderEntry | undefined => entries.find((e) => e.field === field && e.value.trim() !== '');
  const joined = (field: HeaderField): string =>
    collapseSpaces(
      entries
        .filter((e) => e.field === field)
        .map((e) => e.value)
        .join(' '),
    );
  const nameEntry = first('name');
  const line = nameEntry?.line ?? rows[0]?.line ?? 1;
  const owner = first('ownerImpl') ?? first('ownerMain') ?? first('ownerFiler');

  const unit = reader.statedUnit ?? defaultUnit;
  const picked = pickMoney(entries);
  const amounts: Amounts = { total: '0.00', fiscal: '0.00', specialAccount: '0.00', other: '0.00' };
  const anyMoney = Object.values(picked).length > 0;
  if (anyMoney && !unit && !Object.values(picked).some((e) => e?.unit || /元\s*$/.test(e?.value ?? ''))) {
    warnings.push({
      line: picked.total?.line ?? line,
      message: '未写明金额单位,按万元读取 / no money unit stated; amounts read as 万元',
    });
  }
  const slots = { total: 'total', fiscal: 'fiscal', special: 'specialAccount', other: 'other' } as const;
  for (const field of ['total', 'fiscal', 'special', 'other'] as const) {
    const entry = picked[field];
    if (!entry) continue;
    const read = readAmount(entry, unit ?? '万元');
    amounts[slots[field]] = read.text;
    if (!read.ok) {
      warnings.push({ line: entry.line, message: `金额无法读取:${read.text} / amount cannot be read` });
    }
  }
  if (!picked.total && (picked.fiscal || picked.special || picked.other)) {
    const parts = [amounts.fiscal, amounts.specialAccount, amounts.other].map((t) => parseMoney(t));
    if (parts.every((p) => p.ok || p.reason === 'empty')) {
      amounts.total = formatMoney(sumDecimals(parts.flatMap((p) => (p.ok ? [p.value] : []))));
      warnings.push({
        line: (picked.fiscal ?? picked.special ?? picked.other)!.line,
        message: '表中未列资金总额,按各项资金之和计 / no total printed; the total is the sum of the parts',
      });
    }
  }
  if (picked.total && !picked.fiscal && !picked.special && !picked.other) {
    warnings.push({
      line: picked.total.line,
      message: '表中只列资金总额,未列财政拨款/其他资金 / only the total is printed, not its parts (财政拨款 / 其他资金)',
    });
  }
  if (!nameEntry) {
    warnings.push({ line, message: '未找到项目名称 / no 项目名称 found' });
  }
  const annualGoal = joined('annualGoal');
  return {
    name: nameEntry ? cleanLabel(nameEntry.value) : '',
    owner: owner ? cleanLabel(owner.value) : '',
    amounts,
    goal: joined('goal'),
    ...(annualGoal !== '' ? { annualGoal } : {}),
    line,
    warnings,
    entries,
  };
}
