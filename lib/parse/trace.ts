/**
 * How each source line was read, for `tianbao import --explain` and the options page's import preview.
 * Importers mark the lines they decide about (header, footer, subtotal, category…); lines that become
 * projects, indicators or warnings are known from the snapshot itself (their `source.line`).
 */

/** What a source line was taken for. */
export type LineKind =
  /** Title, 金额单位 line, unit/department name above a table. */
  | 'title'
  /** Column header of a table. */
  | 'header'
  /** A project's own line (name, money, goal). */
  | 'project'
  /** A 一级 / 二级 category row of a tree or merged layout. */
  | 'category'
  | 'indicator'
  /** Approval, signature, date and note blocks under a table. */
  | 'footer'
  /** A unit or department subtotal row between projects. */
  | 'subtotal'
  /** Read past on purpose (blank, 序号 row, repeated page header…). */
  | 'ignored'
  /** A line whose reading is a guess or could not be placed (see the warning). */
  | 'warning';

/** One decision about a source line. */
export interface LineMark {
  line: number;
  kind: LineKind;
  /** Why, in Chinese first (`页脚:审核意见`, `单位小计`). */
  note?: string;
}

/** Collects marks while an importer runs; pass one as `ParseOptions.trace`. Later marks of a line refine earlier ones. */
export class ReadingTrace {
  readonly marks: LineMark[] = [];
  /** The rows the importer read (set by the entry points), so a view can print each line's text. */
  rows: readonly { cells: readonly string[]; line: number }[] = [];
  /** The decoded text of a text or CSV file (set by parseFileBytes), for lines the row reader skips. */
  sourceText?: string;

  mark(line: number, kind: LineKind, note?: string): void {
    this.marks.push(note === undefined ? { line, kind } : { line, kind, note });
  }

  setRows(rows: readonly { cells: readonly string[]; line: number }[]): void {
    this.rows = rows;
  }

  /** Where the marks stand now, for `rollback` when a reading is abandoned. */
  checkpoint(): number {
    return this.marks.length;
  }

  /** Drops the marks made since `checkpoint` (a reading that was tried and not kept). */
  rollback(to: number): void {
    this.marks.length = Math.min(this.marks.length, to);
  }
}
