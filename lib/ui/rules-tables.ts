/**
 * The two table editors of the Rules page: the typo table of `text.typo` (错别字 → 正确写法, with the
 * neighbouring characters that make a match a real word) and the per-一级 weights of `weights.sum` (a
 * number per 一级 of the chosen profile, whose sum must agree with the weight total). Rows are form
 * text; zod schemas turn them into the config values and name every problem by row and field. Pure.
 */
import { z } from 'zod';
import { typoSchema, type Typo } from '../checks/config';
import { DEFAULT_TYPOS } from '../checks/defaults';
import type { TaxonomyProfile } from '../domain/schemas';
import { findLevel1 } from '../domain/taxonomy';

// ---------------------------------------------------------------------------------------------------
// Typo table

/** One row of the typo table as the form holds it. */
export interface TypoRow {
  wrong: string;
  right: string;
  /** Characters that, right before the typo, make it part of a correct word. */
  notAfter: string;
  /** Characters that, right after the typo, make it part of a correct word. */
  notBefore: string;
}

export type TypoField = keyof TypoRow;

/** Why a typo row was refused. */
export type TypoErrorCode = 'required' | 'duplicate' | 'sameAsRight' | 'tooLong';

export interface TypoError {
  row: number;
  field: TypoField;
  code: TypoErrorCode;
  /** For `duplicate`: the 1-based row that has the same typo first. */
  firstRow?: number;
  /** For `tooLong`: the limit. */
  max?: number;
}

/** A typo longer than this is a sentence, not a slip; the limit keeps the table usable. */
export const TYPO_MAX_LENGTH = 20;
/** Neighbour lists longer than this are almost certainly pasted by mistake. */
export const NEIGHBOURS_MAX_LENGTH = 200;

export const EMPTY_TYPO_ROW: TypoRow = { wrong: '', right: '', notAfter: '', notBefore: '' };

/** Removes every blank and repeated character of a neighbour list (`平 舞平` → `平舞`). */
function neighbours(text: string): string {
  return [...new Set([...text.replace(/[\s,，、;；]+/gu, '')])].join('');
}

const typoRowSchema = z.object({
  wrong: z.string().trim().min(1, 'required').max(TYPO_MAX_LENGTH, 'tooLong'),
  right: z.string().trim().min(1, 'required').max(TYPO_MAX_LENGTH, 'tooLong'),
  notAfter: z.string().transform(neighbours).pipe(z.string().max(NEIGHBOURS_MAX_LENGTH, 'tooLong')),
  notBefore: z.string().transform(neighbours).pipe(z.string().max(NEIGHBOURS_MAX_LENGTH, 'tooLong')),
});

/** The rows, read and checked together (a typo listed twice, a typo that equals its correction). */
export const typoTableSchema = z.array(typoRowSchema).superRefine((rows, ctx) => {
  const first = new Map<string, number>();
  rows.forEach((row, i) => {
    if (row.wrong && row.wrong === row.right) ctx.addIssue({ code: 'custom', path: [i, 'right'], message: 'sameAsRight' });
    const seen = first.get(row.wrong);
    if (row.wrong && seen !== undefined) {
      ctx.addIssue({ code: 'custom', path: [i, 'wrong'], message: 'duplicate', params: { firstRow: seen + 1 } });
    } else if (row.wrong) first.set(row.wrong, i);
  });
});

const TYPO_CODES: readonly TypoErrorCode[] = ['required', 'duplicate', 'sameAsRight', 'tooLong'];
const TYPO_FIELDS: readonly TypoField[] = ['wrong', 'right', 'notAfter', 'notBefore'];

/** The config's typo list from the rows, or every problem (one per field at most, by row). */
export function typosFromRows(rows: readonly TypoRow[]): { ok: true; typos: Typo[] } | { ok: false; errors: TypoError[] } {
  const parsed = typoTableSchema.safeParse(rows);
  if (parsed.success) {
    // The check's own schema has the last word on the shape.
    return { ok: true, typos: parsed.data.map((row) => typoSchema.parse(row)) };
  }
  const errors: TypoError[] = [];
  for (const issue of parsed.error.issues) {
    const [row, field] = issue.path;
    if (typeof row !== 'number' || !TYPO_FIELDS.includes(field as TypoField)) continue;
    if (errors.some((e) => e.row === row && e.field === field)) continue;
    const code = (TYPO_CODES as readonly string[]).includes(issue.message) ? (issue.message as TypoErrorCode) : 'required';
    const params = (issue as { params?: { firstRow?: number } }).params;
    errors.push({
      row,
      field: field as TypoField,
      code,
      ...(code === 'duplicate' && params?.firstRow !== undefined ? { firstRow: params.firstRow } : {}),
      ...(code === 'tooLong' ? { max: field === 'wrong' || field === 'right' ? TYPO_MAX_LENGTH : NEIGHBOURS_MAX_LENGTH } : {}),
    });
  }
  return { ok: false, errors: errors.sort((a, b) => a.row - b.row || TYPO_FIELDS.indexOf(a.field) - TYPO_FIELDS.indexOf(b.field)) };
}

/** The rows for a config's typo list. */
export function rowsFromTypos(typos: readonly Typo[]): TypoRow[] {
  return typos.map((t) => ({ wrong: t.wrong, right: t.right, notAfter: t.notAfter, notBefore: t.notBefore }));
}

/** Whether a typo list is the built-in one (then nothing is stored and improved defaults still arrive). */
export function isDefaultTypos(typos: readonly Typo[]): boolean {
  return JSON.stringify(typos) === JSON.stringify(DEFAULT_TYPOS);
}

// ---------------------------------------------------------------------------------------------------
// Per-一级 weights

/** The weights as the form holds them: text by 一级 name ('' = no fixed sum for that 一级). */
export type WeightDraft = Record<string, string>;

export type WeightErrorCode = 'notNumber' | 'negative';

export interface WeightError {
  /** The 一级 name (a key of the draft). */
  level1: string;
  code: WeightErrorCode;
}

const weightSchema = z
  .string()
  .trim()
  .transform((s) => s.replace(/[分%]$/u, '').trim())
  .pipe(z.union([z.literal(''), z.string().regex(/^-?\d+(\.\d+)?$/, 'notNumber')]))
  .transform((s) => (s === '' ? undefined : Number(s)))
  .pipe(z.number().nonnegative('negative').optional());

/** Reads the weights; every unreadable one is reported by 一级. */
export function perLevel1FromDraft(draft: WeightDraft): { ok: true; perLevel1: Record<string, number> } | { ok: false; errors: WeightError[] } {
  const perLevel1: Record<string, number> = {};
  const errors: WeightError[] = [];
  for (const [level1, text] of Object.entries(draft)) {
    const parsed = weightSchema.safeParse(text);
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message;
      errors.push({ level1, code: message === 'negative' ? 'negative' : 'notNumber' });
    } else if (parsed.data !== undefined) perLevel1[level1] = parsed.data;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, perLevel1 };
}

/**
 * The form for a stored perLevel1: keys given as an alias or `code-name` are filed under the
 * profile's 一级 name; keys no 一级 of the profile answers to are kept as they are.
 */
export function weightDraftFrom(perLevel1: Readonly<Record<string, number>> | undefined, profile: TaxonomyProfile): WeightDraft {
  const draft: WeightDraft = {};
  for (const [key, value] of Object.entries(perLevel1 ?? {})) {
    const name = findLevel1(profile, key)?.name ?? key;
    draft[name] = String(value);
  }
  return draft;
}

/** Keys of the draft that name no 一级 of the profile (the check ignores them). */
export function foreignWeightKeys(draft: WeightDraft, profile: TaxonomyProfile): string[] {
  return Object.keys(draft).filter((key) => !profile.level1.some((l) => l.name === key));
}

/**
 * How the per-一级 weights stand against the total, live:
 * - `none`: no 一级 has a fixed sum (or there is no total to compare with);
 * - `ok`: every 一级 has one and they add up to the total, or some have one and they leave room for the rest;
 * - `mismatch`: every 一级 has one and they do not add up to the total;
 * - `over`: those set already exceed the total.
 */
export type WeightState = 'none' | 'ok' | 'mismatch' | 'over';

export interface WeightSummary {
  state: WeightState;
  /** Sum of the readable weights of the profile's 一级. */
  sum: number;
  /** The total they must fit (the rule's total, else the profile's), if any. */
  total: number | undefined;
  /** 一级 of the profile with a weight. */
  set: number;
  /** 一级 of the profile. */
  of: number;
  /** total − sum (what the 一级 without a weight share). */
  remaining: number | undefined;
}

/** Sums to 6 places, so 33.3 + 33.3 + 33.4 is 100. */
const round = (n: number) => Math.round(n * 1e6) / 1e6;

export function weightSummary(draft: WeightDraft, profile: TaxonomyProfile, total: number | undefined): WeightSummary {
  let sum = 0;
  let set = 0;
  for (const level1 of profile.level1) {
    const parsed = weightSchema.safeParse(draft[level1.name] ?? '');
    if (parsed.success && parsed.data !== undefined) {
      sum += parsed.data;
      set += 1;
    }
  }
  sum = round(sum);
  const of = profile.level1.length;
  const remaining = total === undefined ? undefined : round(total - sum);
  let state: WeightState = 'none';
  if (set > 0 && total !== undefined) {
    if (sum > total) state = 'over';
    else if (set === of && sum !== total) state = 'mismatch';
    else state = 'ok';
  }
  return { state, sum, total, set, of, remaining };
}

/** The total the weights must meet: the rule's own (as typed, if readable and positive), else the profile's. */
export function weightTotal(totalText: string | undefined, profile: TaxonomyProfile): number | undefined {
  const text = (totalText ?? '').trim();
  if (/^\d+(\.\d+)?$/.test(text) && Number(text) > 0) return Number(text);
  return profile.weights?.total;
}
