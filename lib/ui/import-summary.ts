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
  };
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
  for (const s of preview.sets) {
    for (const issue of s.issues) if (issue.severity === 'warning') warnings.push({ row: issue.row, message: issue.message });
    if (s.status === 'error') {
      rejected.push({ row: s.row, name: s.name, level: '', reasons: errorsOf(s.issues) });
    }
  }
  for (const note of preview.notes) warnings.push({ row: note.row, message: note.message });
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
