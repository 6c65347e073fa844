/**
 * Tianbao's own JSON backup: every template and template set with ids, timestamps, tags and use
 * counts. Versioned and zod-validated; importing an export into an empty library gives back exactly
 * the same records.
 */
import type { z } from 'zod';
import { type Template, type TemplateSet, templateSchema, templateSetSchema } from '../domain/schemas';
import { InputError } from '../parse/errors';
import {
  checkContent,
  type ImportBatch,
  type ImportIssue,
  type ImportItem,
  type ImportSetDraft,
  makeIssue,
  stripUndefined,
} from './import-batch';
import { BACKUP_FORMAT, BACKUP_VERSION, backupEnvelopeSchema, type LibraryBackup } from './schemas';

export { BACKUP_FORMAT, BACKUP_VERSION, libraryBackupSchema, type LibraryBackup } from './schemas';

/** Records in a stable order (by id), so two exports of the same library are byte-identical. */
export function makeBackup(
  templates: readonly Template[],
  sets: readonly TemplateSet[],
  exportedAt: number,
  app = 'tianbao',
): LibraryBackup {
  const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt,
    app,
    // Parsing puts keys in schema order, so the same records always print the same text.
    templates: [...templates].sort(byId).map((t) => stripUndefined(templateSchema.parse(t))),
    templateSets: [...sets]
      .sort(byId)
      .map((s) => {
        const parsed = templateSetSchema.parse(s);
        return stripUndefined({ ...parsed, items: parsed.items.map((i) => stripUndefined(i)) });
      }),
  };
}

/** The backup as JSON text. */
export function backupJson(backup: LibraryBackup): string {
  return JSON.stringify(backup, null, 1);
}

function describeZodIssue(issue: z.core.$ZodIssue): { path: string; zh: string } {
  const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
  let zh = '格式不符';
  if (issue.code === 'invalid_type') zh = `类型不符（应为 ${issue.expected}）`;
  else if (issue.code === 'too_small') zh = '值太小或为空';
  else if (issue.code === 'invalid_value') zh = '取值不在允许范围内';
  return { path, zh };
}

/**
 * Reads backup JSON text into a batch. Throws InputError for text that is not JSON, not a Tianbao
 * backup or of an unknown version; a record that does not fit the schema becomes an error on its row
 * (row = its 1-based position in `templates` or `templateSets`).
 */
export function readBackup(text: string, file: string): ImportBatch {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new InputError(`${file}：不是有效的 JSON（${detail}） / ${file}: not valid JSON (${detail})`, { file });
  }
  const format = (data as { format?: unknown } | null)?.format;
  if (format !== BACKUP_FORMAT) {
    throw new InputError(
      `${file}：不是填报助手的指标库备份（缺少 format: "${BACKUP_FORMAT}"） / ${file}: not a Tianbao library backup (format is not "${BACKUP_FORMAT}")`,
      { file, field: 'format' },
    );
  }
  const envelope = backupEnvelopeSchema.safeParse(data);
  if (!envelope.success) {
    const first = envelope.error.issues[0]!;
    const { path, zh } = describeZodIssue(first);
    throw new InputError(`${file}：备份结构不符，字段 ${path} ${zh} / ${file}: wrong backup layout at ${path}: ${first.message}`, {
      file,
      field: path,
    });
  }
  const { version } = envelope.data;
  if (version > BACKUP_VERSION) {
    throw new InputError(
      `${file}：备份版本 ${version} 比本扩展支持的版本 ${BACKUP_VERSION} 新，请先升级填报助手 / ${file}: backup version ${version} is newer than ${BACKUP_VERSION}; update Tianbao first`,
      { file, field: 'version' },
    );
  }
  const items: ImportItem[] = envelope.data.templates.map((raw, i) => {
    const row = i + 1;
    const parsed = templateSchema.safeParse(raw);
    if (!parsed.success) {
      const issues: ImportIssue[] = parsed.error.issues.slice(0, 3).map((issue) => {
        const { path, zh } = describeZodIssue(issue);
        const field = `templates[${i}]${path ? '.' + path : ''}`;
        return makeIssue('error', file, row, field, zh, issue.message);
      });
      return { row, content: null, tags: [], source: file, issues };
    }
    const record = stripUndefined(parsed.data);
    const { id: _id, tags, source, createdAt: _c, updatedAt: _u, useCount: _n, lastUsedAt: _l, ...content } = record;
    const labels = {
      name: `templates[${i}].name`,
      level1: `templates[${i}].level1`,
      level2: `templates[${i}].level2`,
      period: `templates[${i}].period`,
      annual: `templates[${i}].annual`,
      explanation: `templates[${i}].explanation`,
    };
    return { row, content, tags, source, record, issues: checkContent(content, file, row, labels) };
  });
  const sets: ImportSetDraft[] = envelope.data.templateSets.map((raw, i) => {
    const row = i + 1;
    const parsed = templateSetSchema.safeParse(raw);
    const base = { key: `backup-set-${row}`, row, itemIndices: [], source: file, tags: [], projectName: '', goal: '' };
    if (!parsed.success) {
      const issues = parsed.error.issues.slice(0, 3).map((issue) => {
        const { path, zh } = describeZodIssue(issue);
        return makeIssue('error', file, row, `templateSets[${i}]${path ? '.' + path : ''}`, zh, issue.message);
      });
      const name = (raw as { name?: unknown } | null)?.name;
      return { ...base, name: typeof name === 'string' ? name : '', issues };
    }
    const record = stripUndefined({ ...parsed.data, items: parsed.data.items.map((it) => stripUndefined(it)) });
    const issues = record.items.flatMap((item, j) =>
      checkContent(item, file, row, {
        name: `templateSets[${i}].items[${j}].name`,
        level1: `templateSets[${i}].items[${j}].level1`,
        level2: `templateSets[${i}].items[${j}].level2`,
        period: `templateSets[${i}].items[${j}].period`,
        annual: `templateSets[${i}].items[${j}].annual`,
        explanation: `templateSets[${i}].items[${j}].explanation`,
      }).filter((issue) => issue.severity === 'error'),
    );
    return { ...base, name: record.name, projectName: record.projectName, goal: record.goal, tags: record.tags, source: record.source, record, issues };
  });
  return { file, kind: 'backup', items, sets, notes: [] };
}
