/**
 * Import planning: compares a batch with the library and says, row by row, what would happen
 * (new, duplicate → merged, near-duplicate, update, unchanged, error) and which records would be
 * written. Pure; the DB layer commits the writes in one transaction.
 */
import type { Template, TemplateContent, TemplateSet } from '../domain/schemas';
import { mergeTemplate, NearDuplicateFinder } from './dedupe';
import { makeIssue } from './import-batch';
import type { ImportBatch, ImportCounts, ImportIssue, ImportPreview, PreviewRow, PreviewSet } from './schemas';

export type { ImportCounts, ImportPreview, ItemStatus, PreviewRow, PreviewSet, SetStatus } from './schemas';
import { contentKey, normaliseKey, uniqueTags } from './keys';

/** Records to write, and the versions they replace (kept for undo). */
export interface ImportWrites {
  templates: Template[];
  sets: TemplateSet[];
  replacedTemplates: Template[];
  replacedSets: TemplateSet[];
  createdTemplateIds: string[];
  createdSetIds: string[];
}

export interface ImportPlan {
  preview: ImportPreview;
  /** Writes for every row without an error (what a commit that skips bad rows stores). */
  writes: ImportWrites;
}

/** The library as the planner sees it. */
export interface LibraryContents {
  templates: ReadonlyMap<string, Template>;
  sets: ReadonlyMap<string, TemplateSet>;
}

export interface PlanOptions {
  now: number;
  newId: () => string;
  /** Reuse a finder built over the library (planning many batches against 10,000 templates). */
  finder?: NearDuplicateFinder;
}

/** Identity of a set: its name and its items' contents in order. */
export function setKey(set: { name: string; items: readonly TemplateContent[] }): string {
  return setKeyOf(set.name, set.items.map(contentKey));
}

/** setKey from the items' content keys, when they are known already. */
function setKeyOf(name: string, itemKeys: readonly string[]): string {
  return [normaliseKey(name), ...itemKeys].join('\u0003');
}

/*
 * Records and preview rows are built field by field: in V8, `{ ...content, id, … }` over thousands of
 * objects of a few shapes is ~100× slower than a literal (every spread result gets a map of its own,
 * and every added field another) — it was most of the planning time of a 10,000-row import.
 */

/** A new template: the content's defined fields (in the schema's order), then the record's own. */
function newTemplate(content: TemplateContent, id: string, tags: string[], source: string, now: number): Template {
  const t = { level1: content.level1, level2: content.level2, name: content.name, period: content.period, annual: content.annual } as Template;
  if (content.explanation !== undefined) t.explanation = content.explanation;
  if (content.weight !== undefined) t.weight = content.weight;
  if (content.previousActual !== undefined) t.previousActual = content.previousActual;
  if (content.remark !== undefined) t.remark = content.remark;
  t.id = id;
  t.tags = tags;
  t.source = source;
  t.createdAt = now;
  t.updatedAt = now;
  t.useCount = 0;
  t.lastUsedAt = null;
  return t;
}

/** Deep equality of plain records, ignoring key order and keys whose value is undefined. */
export function sameRecord(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const y = b as unknown[];
    return a.length === y.length && a.every((v, i) => sameRecord(v, y[i]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = (o: Record<string, unknown>) => Object.keys(o).filter((k) => o[k] !== undefined);
  const kx = keys(x);
  return kx.length === keys(y).length && kx.every((k) => sameRecord(x[k], y[k]));
}

/** FNV-1a over the decisions, as 8 hex digits. */
function fingerprintOf(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

export function planImport(batch: ImportBatch, library: LibraryContents, options: PlanOptions): ImportPlan {
  const { now, newId } = options;
  const byContent = new Map<string, Template>();
  for (const t of library.templates.values()) {
    const k = contentKey(t);
    if (!byContent.has(k)) byContent.set(k, t);
  }
  const finder = options.finder ?? new NearDuplicateFinder(library.templates.values());
  /** Every template this import writes, by id (new ones and merged/updated existing ones). */
  const pending = new Map<string, Template>();
  const created = new Set<string>();
  const seenRecordIds = new Set<string>();
  const current = (id: string): Template | undefined => pending.get(id) ?? library.templates.get(id);
  /** Each item's content key (sets are keyed by them too). */
  const itemKeys = new Array<string>(batch.items.length);

  const rows: PreviewRow[] = batch.items.map((item, itemIndex) => {
    const row = (
      status: PreviewRow['status'],
      more: { issues?: ImportIssue[]; duplicateOf?: string; similarTo?: string[] } = {},
    ): PreviewRow => {
      const r: PreviewRow = {
        row: item.row,
        name: item.content?.name ?? item.record?.name ?? '',
        level1: item.content?.level1 ?? '',
        level2: item.content?.level2 ?? '',
        issues: more.issues ?? item.issues,
        status,
      };
      if (item.index !== undefined) r.index = item.index;
      if (more.duplicateOf !== undefined) r.duplicateOf = more.duplicateOf;
      if (more.similarTo !== undefined) r.similarTo = more.similarTo;
      return r;
    };
    let issues = item.issues;
    if (item.record && seenRecordIds.has(item.record.id)) {
      issues = [...issues];
      issues.push(
        makeIssue('error', batch.file, item.row, 'id', `id「${item.record.id}」重复`, `duplicate id "${item.record.id}"`),
      );
    }
    if (item.record) seenRecordIds.add(item.record.id);
    if (item.content === null || issues.some((i) => i.severity === 'error')) {
      return row('error', { issues });
    }
    const content = item.content;
    const key = contentKey(content);
    itemKeys[itemIndex] = key;
    const record = item.record;
    if (record) {
      const existing = library.templates.get(record.id);
      if (existing) {
        // The starter never overwrites (the user may have edited its templates); a backup overwrites
        // only with a record at least as recent as the local one.
        const keepLocal = batch.kind === 'starter' || existing.updatedAt > record.updatedAt;
        if (sameRecord(existing, record) || keepLocal) {
          const note = keepLocal && !sameRecord(existing, record) && batch.kind !== 'starter'
            ? [makeIssue('warning', batch.file, item.row, undefined, '本地版本较新，保留本地', 'the library has a newer version; kept')]
            : [];
          return row('unchanged', { issues: [...item.issues, ...note], duplicateOf: record.id });
        }
        pending.set(record.id, record);
        byContent.set(key, record);
        return row('update', { duplicateOf: record.id });
      }
    }
    const twin = byContent.get(key);
    if (twin) {
      const target = current(twin.id)!;
      const merged = mergeTemplate(
        target,
        record
          ? { tags: record.tags, useCount: record.useCount, lastUsedAt: record.lastUsedAt, createdAt: record.createdAt }
          : { tags: item.tags, ...(content.weight ? { weight: content.weight } : {}), ...(content.remark ? { remark: content.remark } : {}) },
        now,
      );
      if (merged !== target) pending.set(twin.id, merged);
      return row('duplicate', { duplicateOf: twin.id });
    }
    const fresh: Template = record ?? newTemplate(content, newId(), uniqueTags(item.tags), item.source, now);
    pending.set(fresh.id, fresh);
    created.add(fresh.id);
    byContent.set(key, fresh);
    const similarTo = finder.find(fresh, key).filter((id) => !created.has(id));
    return similarTo.length > 0 ? row('near-duplicate', { similarTo: similarTo.slice(0, 5) }) : row('new');
  });

  const setsByKey = new Map<string, TemplateSet>();
  for (const s of library.sets.values()) if (!setsByKey.has(setKey(s))) setsByKey.set(setKey(s), s);
  const pendingSets = new Map<string, TemplateSet>();
  const createdSets = new Set<string>();
  const previewSets: PreviewSet[] = batch.sets.map((draft) => {
    const issues: ImportIssue[] = [...draft.issues];
    const out = (status: PreviewSet['status'], itemCount: number, duplicateOf?: string): PreviewSet => {
      const r: PreviewSet = { key: draft.key, row: draft.row, name: draft.name, itemCount, status, issues };
      if (duplicateOf !== undefined) r.duplicateOf = duplicateOf;
      return r;
    };
    if (issues.some((i) => i.severity === 'error')) {
      return out('error', draft.record?.items.length ?? draft.itemIndices.length);
    }
    let set: TemplateSet;
    if (draft.record) {
      set = draft.record;
      const existing = library.sets.get(set.id);
      if (existing) {
        if (sameRecord(existing, set) || existing.updatedAt > set.updatedAt) {
          return out('unchanged', set.items.length, set.id);
        }
        pendingSets.set(set.id, set);
        return out('update', set.items.length, set.id);
      }
    } else {
      const good = draft.itemIndices.filter((i) => rows[i]!.status !== 'error');
      const dropped = draft.itemIndices.length - good.length;
      if (dropped > 0) {
        issues.push(
          makeIssue(
            'warning',
            batch.file,
            draft.row,
            undefined,
            `指标集「${draft.name}」有 ${dropped} 个指标出错，跳过错误行时不含这些指标`,
            `set "${draft.name}" has ${dropped} bad indicator(s), left out when bad rows are skipped`,
          ),
        );
      }
      // A set whose every indicator is bad makes no set; its rows already count as errors.
      if (good.length === 0) return out('empty', 0);
      set = {
        id: '',
        name: draft.name,
        projectName: draft.projectName,
        goal: draft.goal,
        items: good.map((i) => batch.items[i]!.content!),
        tags: uniqueTags(draft.tags),
        source: draft.source,
        createdAt: now,
        updatedAt: now,
        useCount: 0,
        lastUsedAt: null,
      };
    }
    const k = draft.record ? setKey(set) : setKeyOf(set.name, draft.itemIndices.filter((i) => rows[i]!.status !== 'error').map((i) => itemKeys[i]!));
    const twin = setsByKey.get(k);
    if (twin) {
      const target = pendingSets.get(twin.id) ?? library.sets.get(twin.id) ?? twin;
      const tags = uniqueTags([...target.tags, ...set.tags]);
      const useCount = target.useCount + (draft.record ? set.useCount : 0);
      if (tags.length !== target.tags.length || useCount !== target.useCount) {
        pendingSets.set(twin.id, { ...target, tags, useCount, updatedAt: now });
      }
      return out('duplicate', set.items.length, twin.id);
    }
    if (!draft.record) set = { ...set, id: newId() };
    pendingSets.set(set.id, set);
    createdSets.add(set.id);
    setsByKey.set(k, set);
    return out('new', set.items.length);
  });

  const counts: ImportCounts = {
    rows: rows.length,
    new: 0,
    nearDuplicate: 0,
    duplicate: 0,
    update: 0,
    unchanged: 0,
    error: 0,
    warning: 0,
    sets: { total: previewSets.length, new: 0, duplicate: 0, update: 0, unchanged: 0, empty: 0, error: 0 },
  };
  for (const r of rows) {
    if (r.status === 'near-duplicate') counts.nearDuplicate++;
    else counts[r.status]++;
    if (r.issues.some((i) => i.severity === 'warning')) counts.warning++;
  }
  for (const s of previewSets) counts.sets[s.status]++;
  // Records this import creates get fresh random ids: the fingerprint names them by creation order, so
  // planning the same batch against the same library twice gives the same fingerprint (a row repeated
  // inside the file is a duplicate of a created template).
  const createdOrder = new Map([...created, ...createdSets].map((id, i) => [id, `+${i}`]));
  const stableId = (id: string | undefined) => (id === undefined ? '' : (createdOrder.get(id) ?? id));
  const decisions = JSON.stringify([
    rows.map((r) => [r.status, stableId(r.duplicateOf)]),
    previewSets.map((s) => [s.status, stableId(s.duplicateOf)]),
  ]);
  const preview: ImportPreview = {
    file: batch.file,
    kind: batch.kind,
    counts,
    rows,
    sets: previewSets,
    notes: batch.notes,
    fingerprint: fingerprintOf(decisions),
  };
  const replacedTemplates = [...pending.keys()]
    .filter((id) => !created.has(id))
    .map((id) => library.templates.get(id)!)
    .filter(Boolean);
  const replacedSets = [...pendingSets.keys()]
    .filter((id) => !createdSets.has(id))
    .map((id) => library.sets.get(id)!)
    .filter(Boolean);
  return {
    preview,
    writes: {
      templates: [...pending.values()],
      sets: [...pendingSets.values()],
      replacedTemplates,
      replacedSets,
      createdTemplateIds: [...created],
      createdSetIds: [...createdSets],
    },
  };
}
