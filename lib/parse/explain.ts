/**
 * How each source line of an import was read, for `tianbao import FILE --explain`: the header, the
 * projects, the categories, the indicators, the footers left out, the warnings — and the lines nobody
 * took ('unread'), so a person sees what was skipped. Built from the snapshot (what the lines became:
 * `project.source.line`, `indicator.source.line`, `unit.source.line`, `warnings[].line`) and the
 * ReadingTrace (the rows read and the importers' own marks). Pure, no DOM.
 */
import { formatValue } from '../domain/values';
import type { FormSnapshot, Indicator } from '../domain/schemas';
import type { LineKind, ReadingTrace } from './trace';

/** What a line was taken for: an importer's decision, a blank line, or a line nobody read. */
export type LineReadingKind = LineKind | 'blank' | 'unread';

/** One source line and how it was read. */
export interface LineReading {
  /** 1-based line (text, CSV) or row (sheet); 0 for warnings about the file as a whole. */
  line: number;
  /** The line's cells joined with ' | ' (trailing empty cells dropped), shortened. */
  text: string;
  kind: LineReadingKind;
  /** What it became, in Chinese; one item a line ('\n' between them) when a line holds several. */
  detail: string;
  /** The importer's warnings about this line. */
  warnings: string[];
}

export interface ExplainOptions {
  /**
   * The source text, when the input was text: lines the row reader gave no row of their own (blank
   * lines, Markdown rules `|---|`, continuations of a quoted multi-line cell) are then shown as they are.
   */
  sourceText?: string;
  /** Longest `text` before it is cut with '…' (default 80 characters). */
  maxText?: number;
}

/** The short Chinese tag of each kind (CLI, preview). */
export const KIND_TAGS: Record<LineReadingKind, string> = {
  title: '标题',
  header: '表头',
  project: '项目',
  category: '类别',
  indicator: '指标',
  footer: '页脚',
  subtotal: '小计',
  ignored: '忽略',
  warning: '提示',
  blank: '空行',
  unread: '未读取',
};

/** Used when an importer marks a line without a note. */
const DEFAULT_NOTES: Partial<Record<LineKind, string>> = {
  title: '标题或表外文字',
  header: '表头',
  category: '指标类别',
  footer: '页脚',
  subtotal: '小计',
  ignored: '已忽略',
  warning: '见提示',
};

/** Kinds whose lines give nothing to the snapshot: their detail says so. */
const LEFT_OUT: ReadonlySet<LineKind> = new Set(['footer', 'ignored']);

/** A Markdown table's rule line (`|---|:---:|`), which the row reader skips. */
const MARKDOWN_RULE = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/;

function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** Cells trimmed and joined with ' | ', trailing empty cells dropped (inner ones keep the columns visible). */
function lineText(cells: readonly string[], max: number): string {
  const trimmed = cells.map((c) => c.replace(/\s+/g, ' ').trim());
  while (trimmed.length > 0 && trimmed[trimmed.length - 1] === '') trimmed.pop();
  return shorten(trimmed.join(' | '), max);
}

/** `指标 产出指标/数量指标/培训人次 实施周期 ≥300人次 年度 ≥280人次`. */
export function describeIndicator(i: Indicator): string {
  const path = `${i.level1 || '?'}/${i.level2 || '?'}/${i.name || '(无名称)'}`;
  const values = [
    i.period ? `实施周期 ${formatValue(i.period)}` : '',
    i.annual ? `年度 ${formatValue(i.annual)}` : '',
  ].filter(Boolean);
  return `指标 ${path}${values.length > 0 ? ` ${values.join(' ')}` : ' (无指标值)'}`;
}

function markNote(kind: LineKind, note: string | undefined): string {
  const text = note ?? DEFAULT_NOTES[kind] ?? '';
  if (LEFT_OUT.has(kind) && !text.includes('忽略')) return text === '' ? '已忽略' : `${text},已忽略`;
  return text;
}

interface LineFacts {
  projects: string[];
  indicators: string[];
  units: string[];
  warnings: string[];
  /** The latest mark of the line (later marks refine earlier ones). */
  mark?: { kind: LineKind; note: string };
}

/**
 * One entry per source line, in order. The kind: what the snapshot placed on the line first (a project
 * line is 'project' even when its indicators are printed on it too; a line with indicators only is
 * 'indicator'; a unit row is 'subtotal'), otherwise the importer's latest mark, otherwise 'warning' when
 * only warnings point at it, 'blank' when it is empty, and 'unread' when nobody claimed it. Marks refine:
 * their note is added to the detail whatever the kind.
 */
export function explainImport(snapshot: FormSnapshot, trace: ReadingTrace, options: ExplainOptions = {}): LineReading[] {
  const max = options.maxText ?? 80;
  const facts = new Map<number, LineFacts>();
  const at = (line: number): LineFacts => {
    let f = facts.get(line);
    if (!f) {
      f = { projects: [], indicators: [], units: [], warnings: [] };
      facts.set(line, f);
    }
    return f;
  };
  for (const unit of snapshot.units) {
    const line = unit.source?.line;
    if (line !== undefined) at(line).units.push(`单位「${unit.name}」 总计 ${unit.amounts.total} 万元`);
  }
  for (const p of snapshot.projects) {
    const line = p.source?.line;
    if (line !== undefined) {
      const elsewhere = p.indicators.filter((i) => i.source?.line !== line).length;
      at(line).projects.push(`项目「${p.name || '(无名称)'}」 总计 ${p.amounts.total} 万元${elsewhere > 0 ? `,另有 ${elsewhere} 条指标在其他行` : ''}`);
    }
    for (const i of p.indicators) {
      const iline = i.source?.line ?? line;
      if (iline !== undefined) at(iline).indicators.push(describeIndicator(i));
    }
  }
  for (const w of snapshot.warnings) at(w.line).warnings.push(w.message);
  for (const m of trace.marks) at(m.line).mark = { kind: m.kind, note: markNote(m.kind, m.note) };

  const texts = new Map<number, string>();
  for (const row of trace.rows) if (!texts.has(row.line)) texts.set(row.line, lineText(row.cells, max));
  const sourceLines = options.sourceText?.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);

  // A final line break ends the last line; it does not start another.
  const sourceCount = sourceLines ? sourceLines.length - (sourceLines[sourceLines.length - 1] === '' ? 1 : 0) : 0;
  const lines = new Set<number>([...texts.keys(), ...facts.keys()]);
  const last = Math.max(sourceCount, ...lines);
  // Lines between rows (the row reader skips blank lines and Markdown rules): listed too, so none is lost.
  for (let line = 1; line <= last; line++) lines.add(line);

  return [...lines]
    .sort((a, b) => a - b)
    .map((line): LineReading => {
      const f = facts.get(line);
      const text = texts.get(line) ?? (sourceLines?.[line - 1] !== undefined ? shorten(sourceLines[line - 1]!.trim(), max) : '');
      const details: string[] = [];
      let kind: LineReadingKind;
      if (f && (f.projects.length > 0 || f.indicators.length > 0 || f.units.length > 0)) {
        kind = f.projects.length > 0 ? 'project' : f.indicators.length > 0 ? 'indicator' : 'subtotal';
        details.push(...f.units, ...f.projects, ...f.indicators);
        if (f.mark && f.mark.note !== '') details.unshift(f.mark.note);
      } else if (f?.mark) {
        kind = f.mark.kind;
        if (f.mark.note !== '') details.push(f.mark.note);
      } else if (f && f.warnings.length > 0) {
        kind = 'warning';
      } else if (text === '') {
        kind = 'blank';
      } else if (!texts.has(line) && MARKDOWN_RULE.test(text)) {
        kind = 'ignored';
        details.push('表格分隔线,已忽略');
      } else {
        kind = 'unread';
        details.push(texts.has(line) ? '未被任何表格规则读取' : '未作为单独的一行读取(可能是上一行单元格的续行)');
      }
      return { line, text, kind, detail: details.join('\n'), warnings: f?.warnings ?? [] };
    });
}
