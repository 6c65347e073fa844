/**
 * The options page's edit forms for a template and a template set: text fields ↔ library records,
 * validated with zod (the domain's templateContentSchema and the library's saveSet request schema) and
 * turned into one message code per field, shown beside that field. Pure; messages come from the UI
 * catalog by code.
 */
import { z } from 'zod';
import { templateContentSchema, type IndicatorValue, type TaxonomyProfile, type TemplateContent, type TemplateSet } from '../domain/schemas';
import { findLevel1, findLevel2 } from '../domain/taxonomy';
import { formatValue, splitValue } from '../domain/values';
import { normaliseDecimalString } from '../domain/decimal';
import { splitTags } from '../library/keys';
import { libraryMessages } from '../library/messages';

/** Portal limits (DOMAIN.md): 指标名称 ≤ 100 characters, 指标值说明 ≤ 2000. */
export const MAX_NAME = 100;
export const MAX_EXPLANATION = 2000;
export const MAX_TAG = 50;
export const MAX_TAGS = 50;

/** Why a field was refused; the UI renders `form.error.<code>`. */
export type FieldError =
  | { code: 'required' }
  | { code: 'tooLong'; max: number }
  | { code: 'valueMissing' }
  | { code: 'valueUnreadable'; raw: string }
  | { code: 'level2Misplaced'; level1: string; expected: string }
  | { code: 'notNumber' }
  | { code: 'tagTooLong'; tag: string; max: number }
  | { code: 'tooManyTags'; max: number }
  | { code: 'invalid' };

/** A template as the edit form holds it: every field text. */
export interface TemplateFormValues {
  level1: string;
  level2: string;
  name: string;
  /** 实施周期指标值 as typed (`≥90%`, `不少于400场次`, `无重大事故`). */
  period: string;
  /** 年度指标值 as typed. */
  annual: string;
  explanation: string;
  weight: string;
  remark: string;
  /** Tags separated by commas (，、；). */
  tags: string;
}
export type TemplateField = keyof TemplateFormValues;

export const EMPTY_TEMPLATE_FORM: TemplateFormValues = {
  level1: '',
  level2: '',
  name: '',
  period: '',
  annual: '',
  explanation: '',
  weight: '',
  remark: '',
  tags: '',
};

function valueInput(v: IndicatorValue | null): string {
  if (!v) return '';
  // The person's own text when the value could not be read, so they see what to fix.
  return v.problem ? v.raw : formatValue(v);
}

export function templateToForm(t: TemplateContent & { tags?: readonly string[] }): TemplateFormValues {
  return {
    level1: t.level1,
    level2: t.level2,
    name: t.name,
    period: valueInput(t.period),
    annual: valueInput(t.annual),
    explanation: t.explanation ?? '',
    weight: t.weight ?? '',
    remark: t.remark ?? '',
    tags: (t.tags ?? []).join('，'),
  };
}

/** The outcome of validating a form. */
export type FormResult<T, F extends string> = { ok: true; value: T } | { ok: false; errors: Partial<Record<F, FieldError>> };

function checkTags(text: string): { tags: string[]; error?: FieldError } {
  const tags = splitTags(text);
  const long = tags.find((t) => [...t].length > MAX_TAG);
  if (long) return { tags, error: { code: 'tagTooLong', tag: long, max: MAX_TAG } };
  if (tags.length > MAX_TAGS) return { tags, error: { code: 'tooManyTags', max: MAX_TAGS } };
  return { tags };
}

/** A field's first zod issue as a FieldError (length limits and required fields; anything else is `invalid`). */
function fromZodIssue(issue: z.core.$ZodIssue): FieldError {
  if (issue.code === 'too_small' && Number(issue.minimum) <= 1) return { code: 'required' };
  if (issue.code === 'too_big') return { code: 'tooLong', max: Number(issue.maximum) };
  return { code: 'invalid' };
}

/** What the form checks on top of the domain schema (portal rules a saved template must meet). */
const templateFieldsSchema = z.object({
  name: z.string().trim().min(1).max(MAX_NAME),
  level1: z.string().trim().max(50),
  level2: z.string().trim().max(50),
  explanation: z.string().max(MAX_EXPLANATION),
  remark: z.string().max(MAX_EXPLANATION),
});

/**
 * Validates the form. A value must be readable (symbol, number, unit — or qualitative text) and at
 * least one of the two must be given; a 二级 the profile places under another 一级 is refused with the
 * right 一级 named. On success gives the template contents (checked against templateContentSchema) and tags.
 */
export function validateTemplateForm(
  values: TemplateFormValues,
  profile: TaxonomyProfile,
  /** The stored template being edited: a value whose text was not touched keeps its stored form (and `raw`). */
  original?: TemplateContent,
): FormResult<{ content: TemplateContent; tags: string[] }, TemplateField> {
  const errors: Partial<Record<TemplateField, FieldError>> = {};
  const fields = templateFieldsSchema.safeParse(values);
  if (!fields.success) {
    for (const issue of fields.error.issues) {
      const field = issue.path[0] as TemplateField;
      errors[field] ??= fromZodIssue(issue);
    }
  }
  const level1 = values.level1.trim();
  const level2 = values.level2.trim();
  if (level1 && level2 && !errors.level2) {
    const l1 = findLevel1(profile, level1);
    const l2 = findLevel2(profile, level2);
    if (l1 && l2 && l2.level1.name !== l1.name) {
      errors.level2 = { code: 'level2Misplaced', level1: l1.name, expected: l2.level1.name };
    }
  }
  const read = (text: string, field: 'period' | 'annual'): IndicatorValue | null => {
    if (text.trim() === '') return null;
    const stored = original?.[field] ?? null;
    if (stored && !stored.problem && text.trim() === valueInput(stored)) return stored;
    const v = splitValue(text.trim());
    if (v.problem) errors[field] = { code: 'valueUnreadable', raw: text.trim() };
    return v;
  };
  const period = read(values.period, 'period');
  const annual = read(values.annual, 'annual');
  if (period === null && annual === null) errors.period = { code: 'valueMissing' };
  let weight: string | undefined;
  if (values.weight.trim() !== '') {
    weight = normaliseDecimalString(values.weight.trim()) ?? undefined;
    if (weight === undefined) errors.weight = { code: 'notNumber' };
  }
  const tags = checkTags(values.tags);
  if (tags.error) errors.tags = tags.error;
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const draft: TemplateContent = {
    level1,
    level2,
    name: values.name.trim(),
    period,
    annual,
    ...(values.explanation.trim() ? { explanation: values.explanation.trim() } : {}),
    ...(weight !== undefined ? { weight } : {}),
    ...(values.remark.trim() ? { remark: values.remark.trim() } : {}),
  };
  const content = templateContentSchema.safeParse(draft);
  if (!content.success) return { ok: false, errors: { name: { code: 'invalid' } } };
  return { ok: true, value: { content: content.data, tags: tags.tags } };
}

/** A set as its edit form holds it (the indicators are edited one by one, as templates). */
export interface SetFormValues {
  name: string;
  projectName: string;
  goal: string;
  tags: string;
}
export type SetField = keyof SetFormValues;

export function setToForm(s: Pick<TemplateSet, 'name' | 'projectName' | 'goal' | 'tags'>): SetFormValues {
  return { name: s.name, projectName: s.projectName, goal: s.goal, tags: s.tags.join('，') };
}

/** The library's own request schema decides what a set may hold (the same check the background makes). */
const saveSetRequest = libraryMessages['library.saveSet'].request;

/** Validates a set form with its items; on success the request `library.saveSet` takes. */
export function validateSetForm(
  values: SetFormValues,
  items: readonly TemplateContent[],
  id?: string,
): FormResult<z.input<typeof saveSetRequest>, SetField> {
  const errors: Partial<Record<SetField, FieldError>> = {};
  const tags = checkTags(values.tags);
  if (tags.error) errors.tags = tags.error;
  const request = {
    ...(id ? { id } : {}),
    name: values.name.trim(),
    projectName: values.projectName.trim(),
    goal: values.goal.trim(),
    items: [...items],
    tags: tags.tags,
  };
  const parsed = saveSetRequest.safeParse(request);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (field === 'name' || field === 'projectName' || field === 'goal') errors[field] ??= fromZodIssue(issue);
      else if (field === 'tags') errors.tags ??= { code: 'tooManyTags', max: MAX_TAGS };
      else errors.name ??= { code: 'invalid' };
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: request };
}

/** Whether an edited template differs from the stored one (the Save button stays off until it does). */
export function formChanged(a: TemplateFormValues | SetFormValues, b: TemplateFormValues | SetFormValues): boolean {
  return JSON.stringify(a) !== JSON.stringify(b);
}

