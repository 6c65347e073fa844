/**
 * What an import reads, before it touches the library: an ImportBatch is the rows of one file as
 * candidate templates and template sets, each with its row number and problems. Every reader
 * (Tianbao backup, template sheet, portal table via FormSnapshot, starter library) produces one;
 * planImport() then compares it with the library. Plain data, so it crosses the message boundary.
 */
import type { FormSnapshot, Indicator, TemplateContent } from '../domain/schemas';
import { DEFAULT_PROFILE, findLevel1, findLevel2, level2BelongsTo, type TaxonomyProfile } from '../domain/taxonomy';
import { uniqueTags } from './keys';
import type { ImportBatch, ImportIssue, ImportItem, ImportKind, ImportSetDraft } from './schemas';

export type { ImportBatch, ImportIssue, ImportItem, ImportKind, ImportSetDraft } from './schemas';

/** Which indicator of a line, when one line holds several (`第 3 个指标` of a project). */
export interface IssuePlace {
  zh: string;
  en: string;
}

/**
 * `file 第 3 行（place）「三级指标」：…` / `file row 3 (place), 三级指标: …` in one line. When the text
 * exists in Chinese only (an importer's warning), `en` is '' and only the Chinese half is written.
 */
export function issueMessage(
  file: string,
  row: number,
  field: string | undefined,
  zh: string,
  en: string,
  place?: IssuePlace,
): string {
  const whereZh = `${file}${row > 0 ? ` 第 ${row} 行` : ''}${place ? `（${place.zh}）` : ''}${field ? `「${field}」` : ''}`;
  if (en === '') return `${whereZh}：${zh}`;
  const whereEn = `${file}${row > 0 ? ` row ${row}` : ''}${place ? ` (${place.en})` : ''}${field ? `, ${field}` : ''}`;
  return `${whereZh}：${zh} / ${whereEn}: ${en}`;
}

/** Builds an issue with its bilingual message. */
export function makeIssue(
  severity: ImportIssue['severity'],
  file: string,
  row: number,
  field: string | undefined,
  zh: string,
  en: string,
  place?: IssuePlace,
): ImportIssue {
  return { severity, row, ...(field ? { field } : {}), message: issueMessage(file, row, field, zh, en, place) };
}

/** HTML or script markup (a tag, `javascript:`, an inline handler); `<5%` and `≥90%` are not. */
const MARKUP_RE = /<\s*\/?\s*[a-z][a-z0-9-]*(\s[^<>]*)?\/?\s*>|javascript\s*:|\bon[a-z]+\s*=|<!--|&lt;\s*script/i;

const MARKUP_HINT_RE = /[<:=&]/;

/** Longest 三级指标 name the portal accepts. */
export const MAX_NAME_LENGTH = 100;
/** Longest 指标值说明 the portal accepts. */
export const MAX_EXPLANATION_LENGTH = 2000;

/** A field to check for markup and length, with the label the user knows it by. */
interface CheckedField {
  label: string;
  text: string | undefined;
  max?: number;
}

/**
 * Checks one candidate indicator the same way for every reader: a name is required, markup is refused
 * (it would be stored as text and pasted into the portal), lengths are the portal's, categories and
 * values are warned about (they are stored as they are; the checker reports them on use).
 */
export function checkContent(
  content: TemplateContent,
  file: string,
  row: number,
  labels: { name: string; level1: string; level2: string; period: string; annual: string; explanation: string },
  options: { profile?: TaxonomyProfile; place?: IssuePlace } = {},
): ImportIssue[] {
  const profile = options.profile ?? DEFAULT_PROFILE;
  const issue = (severity: ImportIssue['severity'], field: string, zh: string, en: string) =>
    makeIssue(severity, file, row, field, zh, en, options.place);
  const issues: ImportIssue[] = [];
  if (content.name.trim() === '') {
    issues.push(issue('error', labels.name, '指标名称为空', 'indicator name is empty'));
  }
  const fields: CheckedField[] = [
    { label: labels.name, text: content.name, max: MAX_NAME_LENGTH },
    { label: labels.level1, text: content.level1 },
    { label: labels.level2, text: content.level2 },
    { label: labels.period, text: content.period?.raw },
    { label: labels.annual, text: content.annual?.raw },
    { label: labels.explanation, text: content.explanation, max: MAX_EXPLANATION_LENGTH },
    { label: '备注', text: content.remark },
  ];
  for (const f of fields) {
    if (f.text === undefined) continue;
    // Markup needs one of these characters; most fields have none, and the full pattern is costly.
    if (MARKUP_HINT_RE.test(f.text) && MARKUP_RE.test(f.text)) {
      issues.push(
        issue('error', f.label, '含有 HTML 或脚本标记，已拒绝', 'contains HTML or script markup; refused'),
      );
    }
    // Code points, not UTF-16 units; a text no longer than max in units is within it either way.
    if (f.max !== undefined && f.text.length > f.max && [...f.text].length > f.max) {
      issues.push(
        issue('error', f.label, `超过 ${f.max} 字`, `longer than ${f.max} characters`),
      );
    }
  }
  if (content.level1 !== '' && content.level2 !== '' && !belongsTo(profile, content.level1, content.level2)) {
    const known = findLevel1(profile, content.level1) && findLevel2(profile, content.level2);
    issues.push(
      known
        ? issue('warning', labels.level2,
            `「${content.level2}」不属于「${content.level1}」`,
            `"${content.level2}" is not under "${content.level1}"`,
          )
        : issue('warning', labels.level2, '指标类别未识别', 'category not recognised'),
    );
  }
  for (const [label, v] of [
    [labels.period, content.period],
    [labels.annual, content.annual],
  ] as const) {
    if (v?.problem) {
      issues.push(
        issue('warning', label, `指标值「${v.raw}」无法识别`, `value "${v.raw}" could not be read`),
      );
    }
  }
  if (content.period === null && content.annual === null && content.name.trim() !== '') {
    issues.push(issue('warning', labels.annual, '没有指标值', 'no target value'));
  }
  return issues;
}

/** level2BelongsTo per (profile, 一级, 二级): a file repeats a dozen pairs over thousands of rows. */
const belongsCache = new Map<string, boolean>();

function belongsTo(profile: TaxonomyProfile, level1: string, level2: string): boolean {
  const key = `${profile.id}\u0000${level1}\u0000${level2}`;
  let known = belongsCache.get(key);
  if (known === undefined) {
    known = level2BelongsTo(profile, level1, level2);
    if (belongsCache.size > 10_000) belongsCache.clear();
    belongsCache.set(key, known);
  }
  return known;
}

/** Field labels of an exported table (the importer's terms). */
const SNAPSHOT_LABELS = {
  name: '三级指标',
  level1: '一级指标',
  level2: '二级指标',
  period: '实施周期指标值',
  annual: '年度指标值',
  explanation: '指标值说明',
};

/** The stored form of an indicator: no page/file source reference, no undefined fields. */
export function toTemplateContent(indicator: Indicator): TemplateContent {
  const { source: _source, ...rest } = indicator;
  return stripUndefined(rest);
}

/** Drops keys whose value is undefined, so stored records compare equal after a JSON round trip. */
export function stripUndefined<T extends object>(value: T): T {
  const out = {} as T;
  for (const [k, v] of Object.entries(value)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

/**
 * A snapshot (any table the importers read) as a batch: one set per project that has indicators,
 * each indicator also a template. Projects without indicators make no set (an empty set can fill
 * nothing); they are listed in `notes` so the preview says why they are missing.
 */
export function batchFromSnapshot(
  snapshot: FormSnapshot,
  file: string,
  options: { kind?: ImportKind; tags?: string[]; profile?: TaxonomyProfile } = {},
): ImportBatch {
  const tags = uniqueTags(options.tags ?? []);
  const items: ImportItem[] = [];
  const sets: ImportSetDraft[] = [];
  const notes: ImportIssue[] = [];
  const seen = new Set<string>();
  for (const w of snapshot.warnings) {
    // The importer's own words (Chinese); the same warning printed twice is shown once.
    const note = makeIssue('warning', file, w.line, undefined, w.message, '');
    if (!seen.has(note.message)) notes.push(note);
    seen.add(note.message);
  }
  snapshot.projects.forEach((project, p) => {
    const row = project.source?.line ?? 0;
    if (project.indicators.length === 0) {
      notes.push(
        makeIssue(
          'warning',
          file,
          row,
          undefined,
          `项目「${project.name}」没有绩效指标，未建立指标集`,
          `project "${project.name}" has no indicators; no set made`,
        ),
      );
      return;
    }
    const key = `project-${p + 1}`;
    const itemIndices: number[] = [];
    project.indicators.forEach((indicator, i) => {
      const content = toTemplateContent(indicator);
      const itemRow = indicator.source?.line ?? row;
      itemIndices.push(items.length);
      items.push({
        row: itemRow,
        index: i + 1,
        content,
        tags,
        source: file,
        setKey: key,
        // Several indicators share a line in exports: the place says which one.
        issues: checkContent(content, file, itemRow, SNAPSHOT_LABELS, {
          ...(options.profile ? { profile: options.profile } : {}),
          place: { zh: `${project.name} 第 ${i + 1} 个指标`, en: `indicator ${i + 1} of ${project.name}` },
        }),
      });
    });
    sets.push({
      key,
      row,
      name: project.name.trim() || `项目 ${p + 1}`,
      projectName: project.name,
      goal: [project.goal, project.annualGoal].filter((g) => g && g.trim() !== '').join('\n'),
      tags,
      source: file,
      itemIndices,
      issues: [],
    });
  });
  return { file, kind: options.kind ?? 'snapshot', items, sets, notes };
}
