/**
 * What the import preview shows before anything is written: how many rows will be added, merged into
 * existing templates, updated, left unchanged or rejected — with row numbers and reasons — and the
 * sets. Built from the background's ImportPreview. Pure.
 */
import type { ImportIssue, ImportPreview, PreviewRow } from '../library/schemas';

/** One row as the preview lists it. */
export interface SummaryRow {
  /** 1-based row or line of the file (0 = the file as a whole). */
  row: number;
  /** Position within its line when one line holds several indicators. */
  index?: number;
  name: string;
  level: string;
  /** Why it is listed here: error reasons for rejected rows, the target for merged ones. */
  reasons: string[];
  /** The library template it merges into or replaces. */
  target?: string;
  /** Warnings about this row (its own, and the importer's warnings of its source line that name it), shown beside it. */
  warnings: string[];
}

/** A warning no listed row shows: about the file, a project line, or a line that became no row. */
export interface LineWarning {
  /** 1-based line; 0 = the file as a whole. */
  row: number;
  message: string;
  /** The project (set) read from that line, when it is a project's line. */
  project?: string;
}

export interface ImportSummary {
  file: string;
  counts: {
    rows: number;
    /** New templates (including near-duplicates, which are added beside the similar ones). */
    add: number;
    /** Identical to a library template: merged into it (tags, source). */
    merge: number;
    /** Replaces the stored record (backup rows with newer contents). */
    update: number;
    unchanged: number;
    /** Rows refused, each with its reasons. */
    reject: number;
    warnings: number;
    setsAdd: number;
    setsMerge: number;
    setsUpdate: number;
    setsReject: number;
  };
  added: SummaryRow[];
  nearDuplicates: SummaryRow[];
  merged: SummaryRow[];
  updated: SummaryRow[];
  rejected: SummaryRow[];
  /** Warnings of rows and of the file (ignored columns, projects without indicators), by row. */
  warnings: Array<{ row: number; message: string }>;
  /** The part of `warnings` that no listed row carries (they are listed under the preview, by line). */
  lineWarnings: LineWarning[];
  /** Whether committing would write anything. */
  hasChanges: boolean;
  /** Rows or sets with errors: the commit must skip them (the library refuses otherwise). */
  needsSkip: boolean;
}

function toRow(r: PreviewRow, reasons: string[], target?: string): SummaryRow {
  return {
    row: r.row,
    ...(r.index !== undefined ? { index: r.index } : {}),
    name: r.name,
    level: [r.level1, r.level2].filter(Boolean).join(' / '),
    reasons,
    ...(target ? { target } : {}),
    warnings: r.issues.filter((i) => i.severity === 'warning').map((i) => i.message),
  };
}

const UNNAMED = '(无名称)';

/**
 * The row an importer's warning of line `row` concerns: the listed row of that line whose indicator the
 * warning quotes (`指标「培训人次」…`), or the only row of a line that is no project's line (a declaration
 * table prints one indicator a line). A warning about a project line (export tables print a project and
 * its indicators on one line) that names none of them stays a line warning.
 */
function rowOfWarning(message: string, rows: readonly SummaryRow[], projectLine: boolean): SummaryRow | undefined {
  // The importers write an unnamed indicator as 「(无名称)」.
  const named = rows.find((r) => message.includes(`「${r.name || UNNAMED}」`));
  if (named) return named;
  return rows.length === 1 && !projectLine ? rows[0] : undefined;
}

const errorsOf = (issues: readonly ImportIssue[]) => issues.filter((i) => i.severity === 'error').map((i) => i.message);

function byRow<T extends { row: number; index?: number }>(a: T, b: T): number {
  return a.row - b.row || (a.index ?? 0) - (b.index ?? 0);
}

export function summariseImport(preview: ImportPreview): ImportSummary {
  const added: SummaryRow[] = [];
  const nearDuplicates: SummaryRow[] = [];
  const merged: SummaryRow[] = [];
  const updated: SummaryRow[] = [];
  const rejected: SummaryRow[] = [];
  const warnings: Array<{ row: number; message: string }> = [];
  const lineWarnings: LineWarning[] = [];
  for (const r of preview.rows) {
    for (const issue of r.issues) if (issue.severity === 'warning') warnings.push({ row: issue.row, message: issue.message });
    switch (r.status) {
      case 'new':
        added.push(toRow(r, []));
        break;
      case 'near-duplicate':
        nearDuplicates.push(toRow(r, [], r.similarTo?.[0]));
        break;
      case 'duplicate':
        merged.push(toRow(r, [], r.duplicateOf));
        break;
      case 'update':
        updated.push(toRow(r, [], r.duplicateOf));
        break;
      case 'error':
        rejected.push(toRow(r, errorsOf(r.issues)));
        break;
      case 'unchanged':
        break;
    }
  }
  const projectOf = new Map<number, string>();
  for (const s of preview.sets) if (s.row > 0 && !projectOf.has(s.row)) projectOf.set(s.row, s.name);
  const lineWarning = (row: number, message: string): LineWarning => {
    const project = projectOf.get(row);
    return { row, message, ...(project !== undefined ? { project } : {}) };
  };
  for (const s of preview.sets) {
    for (const issue of s.issues) {
      if (issue.severity !== 'warning') continue;
      warnings.push({ row: issue.row, message: issue.message });
      lineWarnings.push(lineWarning(issue.row, issue.message));
    }
    if (s.status === 'error') {
      rejected.push({ row: s.row, name: s.name, level: '', reasons: errorsOf(s.issues), warnings: [] });
    }
  }
  const listed = new Map<number, SummaryRow[]>();
  for (const r of [...added, ...nearDuplicates, ...merged, ...updated, ...rejected]) {
    if (r.row > 0) listed.set(r.row, [...(listed.get(r.row) ?? []), r]);
  }
  for (const group of listed.values()) group.sort(byRow);
  for (const note of preview.notes) {
    warnings.push({ row: note.row, message: note.message });
    const row = rowOfWarning(note.message, listed.get(note.row) ?? [], projectOf.has(note.row));
    if (row) row.warnings.push(note.message);
    else lineWarnings.push(lineWarning(note.row, note.message));
  }
  const c = preview.counts;
  const counts = {
    rows: c.rows,
    add: c.new + c.nearDuplicate,
    merge: c.duplicate,
    update: c.update,
    unchanged: c.unchanged,
    reject: c.error,
    warnings: warnings.length,
    setsAdd: c.sets.new,
    setsMerge: c.sets.duplicate,
    setsUpdate: c.sets.update,
    setsReject: c.sets.error,
  };
  return {
    file: preview.file,
    counts,
    added: added.sort(byRow),
    nearDuplicates: nearDuplicates.sort(byRow),
    merged: merged.sort(byRow),
    updated: updated.sort(byRow),
    rejected: rejected.sort(byRow),
    warnings: warnings.sort(byRow),
    lineWarnings: lineWarnings.sort(byRow),
    hasChanges: counts.add + counts.merge + counts.update + counts.setsAdd + counts.setsMerge + counts.setsUpdate > 0,
    needsSkip: c.error + c.sets.error > 0,
  };
}

/** Progress of a commit as a share from 0 to 1 (writing counts for most of it, then indexing). */
export function importProgressShare(progress: { phase: 'writing' | 'indexing'; done: number; total: number } | null): number {
  if (!progress || progress.total <= 0) return 0;
  const part = Math.min(1, Math.max(0, progress.done / progress.total));
  return progress.phase === 'writing' ? part * 0.8 : 0.8 + part * 0.2;
}

/**
 * A row's warning as shown beside the row: the half of the locale, without the file and line it starts
 * with (`baiyun.txt 第 5 行（项目 第 2 个指标）` / `baiyun.txt row 5 (indicator 2 of 项目)`), which the
 * row already shows.
 */
export function warningBesideRow(half: string, file: string, row: number): string {
  for (const where of [`${file} 第 ${row} 行`, `${file} row ${row}`]) {
    if (!half.startsWith(where)) continue;
    let rest = half.slice(where.length);
    rest = rest.replace(/^(（[^（）]*）| \([^()]*\))/, '');
    rest = rest.replace(/^(：|: |, )/, '');
    return rest.trim() === '' ? half : rest;
  }
  return half;
}
