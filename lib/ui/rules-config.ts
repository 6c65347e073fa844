/**
 * The Rules page's model: each rule's switch, severity and thresholds as form text, turned back into a
 * check configuration that stores only what differs from the defaults (so improved defaults reach
 * people who never touched a rule) and is validated with checkConfigSchema before it is saved under
 * `tianbao:check-config`, where the background reads it. Pure.
 */
import { checkConfigSchema, type CheckConfig, type CheckConfigInput } from '../checks/config';
import { DEFAULT_CHECK_CONFIG } from '../checks/defaults';
import { RULE_IDS, type RuleId, type Severity } from '../checks/types';
import type { TaxonomyProfile } from '../domain/schemas';
import { DEFAULT_PROFILE, getProfile } from '../domain/taxonomy';
import type { Locale } from '../i18n';
import {
  isDefaultTypos,
  perLevel1FromDraft,
  rowsFromTypos,
  typosFromRows,
  weightDraftFrom,
  weightSummary,
  weightTotal,
  type TypoError,
  type TypoRow,
  type WeightDraft,
  type WeightError,
  type WeightSummary,
} from './rules-tables';

/** A stored check configuration: any subset of the config (never undefined here). */
export type StoredConfig = NonNullable<CheckConfigInput>;

/** How an option is edited: a number, a word list (one per line), or groups of words (one group per line). */
export type OptionKind = 'number' | 'words' | 'groups';

/** Every option the page edits, by its key in the rule's config block. */
export const OPTION_KEYS = [
  'maxDecimals',
  'required',
  'whenServingPeople',
  'servesPeopleKeywords',
  'equivalentUnits',
  'min',
  'max',
  'allowAboveKeywords',
  'allowBelowKeywords',
  'rateEndings',
  'countWords',
  'rateUnits',
  'nonCumulativeWords',
  'maxNameLength',
  'maxExplanationLength',
  'similarity',
  'minIndicators',
  'total',
] as const;
export type OptionKey = (typeof OPTION_KEYS)[number];

export interface OptionField {
  key: OptionKey;
  kind: OptionKind;
  /** Whole numbers only. */
  integer?: boolean;
  min?: number;
  max?: number;
  step?: number;
  /** May be left empty (the profile's own value applies). */
  optional?: boolean;
}

const words = (key: OptionKey): OptionField => ({ key, kind: 'words' });

/**
 * The thresholds and word lists of each rule. The two tables (the typos of text.typo, the per-一级
 * weights of weights.sum) have their own editors (rules-tables.ts); a unit test keeps this list and
 * those two in step with the rule defaults.
 */
export const OPTION_FIELDS: { readonly [Id in RuleId]?: readonly OptionField[] } = {
  'amount.format': [{ key: 'maxDecimals', kind: 'number', integer: true, min: 0, max: 6 }],
  'category.missing': [words('required'), words('whenServingPeople'), words('servesPeopleKeywords')],
  'value.unit-mismatch': [{ key: 'equivalentUnits', kind: 'groups' }],
  'value.percent-range': [
    { key: 'min', kind: 'number' },
    { key: 'max', kind: 'number' },
    words('allowAboveKeywords'),
    words('allowBelowKeywords'),
  ],
  'value.name-conflict': [words('rateEndings'), words('countWords'), words('rateUnits')],
  'value.annual-exceeds-period': [words('nonCumulativeWords')],
  'indicator.too-long': [
    { key: 'maxNameLength', kind: 'number', integer: true, min: 1 },
    { key: 'maxExplanationLength', kind: 'number', integer: true, min: 1 },
  ],
  'project.copied-indicators': [
    { key: 'similarity', kind: 'number', min: 0.05, max: 1, step: 0.05 },
    { key: 'minIndicators', kind: 'number', integer: true, min: 1 },
  ],
  'weights.sum': [{ key: 'total', kind: 'number', min: 1, optional: true }],
};

/** One rule as the form holds it. */
export interface RuleDraft {
  enabled: boolean;
  /** '' = the rule's own default severity. */
  severity: '' | Severity;
  /** Option texts by key (numbers as typed, words one per line, groups one per line with commas). */
  options: Partial<Record<OptionKey, string>>;
}

/** The whole form. */
export interface RulesDraft {
  /** A built-in profile id, or a whole profile from a config file (kept as it is). */
  profile: string | TaxonomyProfile;
  rules: Record<RuleId, RuleDraft>;
  /** The typo table of text.typo, row by row. */
  typos: TypoRow[];
  /** The fixed sums per 一级 of weights.sum, by 一级 name ('' = none). */
  weights: WeightDraft;
}

/** The profile a draft picks (an unknown id falls back to the default layout). */
export function draftProfile(draft: Pick<RulesDraft, 'profile'>): TaxonomyProfile {
  return typeof draft.profile === 'string' ? (getProfile(draft.profile) ?? DEFAULT_PROFILE) : draft.profile;
}

/** Everything the form refused, by place. */
export interface DraftErrors {
  /** Thresholds and word lists (and problems the config schema found). */
  errors: OptionError[];
  typoErrors: TypoError[];
  weightErrors: WeightError[];
  /** Set when the per-一级 weights cannot all be met with the total. */
  weightSum: WeightSummary | null;
}

/** How many places need a change. */
export function errorCount(e: DraftErrors): number {
  return e.errors.length + e.typoErrors.length + e.weightErrors.length + (e.weightSum ? 1 : 0);
}

/** Why an option was refused. */
export type OptionError =
  | { rule: RuleId; key: OptionKey; code: 'notNumber' }
  | { rule: RuleId; key: OptionKey; code: 'notInteger' }
  | { rule: RuleId; key: OptionKey; code: 'outOfRange'; min?: number; max?: number }
  | { rule: RuleId; key: OptionKey; code: 'minAboveMax' }
  | { rule: RuleId; key: OptionKey | null; code: 'invalid'; detail: string };

type OptionValue = number | string[] | string[][] | undefined;

function optionsOf(config: CheckConfig, id: RuleId): Record<string, unknown> {
  return config.rules[id] as unknown as Record<string, unknown>;
}

function toText(kind: OptionKind, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (kind === 'number') return String(value);
  if (kind === 'words') return (value as string[]).join('\n');
  return (value as string[][]).map((g) => g.join('，')).join('\n');
}

const splitList = (text: string) =>
  text
    .split(/[\n,，、;；]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Reads an option's text; a string is an error code. */
function fromText(field: OptionField, text: string): OptionValue | 'notNumber' | 'notInteger' | 'outOfRange' {
  if (field.kind === 'words') return [...new Set(splitList(text))];
  if (field.kind === 'groups') {
    return text
      .split('\n')
      .map((line) => [...new Set(splitList(line))])
      .filter((g) => g.length >= 2);
  }
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (!/^-?\d+(\.\d+)?$/.test(trimmed)) return 'notNumber';
  const n = Number(trimmed);
  if (field.integer && !Number.isInteger(n)) return 'notInteger';
  if ((field.min !== undefined && n < field.min) || (field.max !== undefined && n > field.max)) return 'outOfRange';
  return n;
}

/** The form for a config (every rule, options as text). */
export function draftFromConfig(config: CheckConfig): RulesDraft {
  const rules = {} as Record<RuleId, RuleDraft>;
  for (const id of RULE_IDS) {
    const block = optionsOf(config, id);
    const options: Partial<Record<OptionKey, string>> = {};
    for (const field of OPTION_FIELDS[id] ?? []) options[field.key] = toText(field.kind, block[field.key]);
    rules[id] = {
      enabled: block.enabled !== false,
      severity: (block.severity as Severity | undefined) ?? '',
      options,
    };
  }
  const profile = typeof config.profile === 'string' ? (getProfile(config.profile) ?? DEFAULT_PROFILE) : config.profile;
  return {
    profile: config.profile,
    rules,
    typos: rowsFromTypos(config.rules['text.typo'].typos),
    weights: weightDraftFrom(config.rules['weights.sum'].perLevel1, profile),
  };
}

/** The defaults as a form (the Reset button). */
export function defaultDraft(): RulesDraft {
  return draftFromConfig(DEFAULT_CHECK_CONFIG);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Turns the form into the config to store: only what differs from the defaults, validated with
 * checkConfigSchema. Every refused option is reported with its rule and key.
 */
export function configFromDraft(
  draft: RulesDraft,
  locale: Locale,
): { ok: true; input: StoredConfig; config: CheckConfig } | ({ ok: false } & DraftErrors) {
  const errors: OptionError[] = [];
  const rules: Record<string, Record<string, unknown>> = {};
  for (const id of RULE_IDS) {
    const d = draft.rules[id];
    const defaults = optionsOf(DEFAULT_CHECK_CONFIG, id);
    const block: Record<string, unknown> = {};
    if (!d.enabled) block.enabled = false;
    if (d.severity) block.severity = d.severity;
    for (const field of OPTION_FIELDS[id] ?? []) {
      const value = fromText(field, d.options[field.key] ?? '');
      if (value === 'notNumber') {
        errors.push({ rule: id, key: field.key, code: 'notNumber' });
        continue;
      }
      if (value === 'notInteger') {
        errors.push({ rule: id, key: field.key, code: 'notInteger' });
        continue;
      }
      if (value === 'outOfRange') {
        errors.push({
          rule: id,
          key: field.key,
          code: 'outOfRange',
          ...(field.min !== undefined ? { min: field.min } : {}),
          ...(field.max !== undefined ? { max: field.max } : {}),
        });
        continue;
      }
      // An emptied number goes back to its default (or, when optional, to the profile's value).
      if (value === undefined) continue;
      if (!same(value, defaults[field.key])) block[field.key] = value;
    }
    if (Object.keys(block).length > 0) rules[id] = block;
  }
  const range = draft.rules['value.percent-range'].options;
  const min = Number(range.min);
  const max = Number(range.max);
  if (range.min?.trim() && range.max?.trim() && Number.isFinite(min) && Number.isFinite(max) && min > max) {
    errors.push({ rule: 'value.percent-range', key: 'max', code: 'minAboveMax' });
  }

  const typos = typosFromRows(draft.typos);
  if (typos.ok && !isDefaultTypos(typos.typos)) (rules['text.typo'] ??= {}).typos = typos.typos;
  const weights = perLevel1FromDraft(draft.weights);
  const profile = draftProfile(draft);
  const summary = weightSummary(draft.weights, profile, weightTotal(draft.rules['weights.sum'].options.total, profile));
  const weightSum = summary.state === 'mismatch' || summary.state === 'over' ? summary : null;
  if (weights.ok && Object.keys(weights.perLevel1).length > 0) (rules['weights.sum'] ??= {}).perLevel1 = weights.perLevel1;

  const problems: DraftErrors = {
    errors,
    typoErrors: typos.ok ? [] : typos.errors,
    weightErrors: weights.ok ? [] : weights.errors,
    weightSum,
  };
  if (errorCount(problems) > 0) return { ok: false, ...problems };

  const input: StoredConfig = {
    ...(locale !== DEFAULT_CHECK_CONFIG.locale ? { locale } : {}),
    ...(draft.profile !== DEFAULT_CHECK_CONFIG.profile ? { profile: draft.profile } : {}),
    ...(Object.keys(rules).length > 0 ? { rules: rules as StoredConfig['rules'] } : {}),
  };
  const parsed = checkConfigSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      typoErrors: [],
      weightErrors: [],
      weightSum: null,
      errors: parsed.error.issues.map((issue) => {
        const [, rule, key] = issue.path;
        return {
          rule: (RULE_IDS as readonly unknown[]).includes(rule) ? (rule as RuleId) : RULE_IDS[0],
          key: (OPTION_KEYS as readonly unknown[]).includes(key) ? (key as OptionKey) : null,
          code: 'invalid' as const,
          detail: issue.message,
        };
      }),
    };
  }
  return { ok: true, input, config: parsed.data };
}

/**
 * Reads what storage holds: the config and whether it was usable. A stored config that no longer
 * validates (an older version, a hand edit) gives the defaults and `valid: false`, so the page can say so.
 */
export function readStoredConfig(stored: unknown): { config: CheckConfig; valid: boolean } {
  const parsed = checkConfigSchema.safeParse(stored ?? {});
  return parsed.success ? { config: parsed.data, valid: true } : { config: DEFAULT_CHECK_CONFIG, valid: false };
}

/** How many rules differ from the defaults (shown next to the Reset button). */
export function changedRuleCount(input: StoredConfig): number {
  return Object.keys(input.rules ?? {}).length;
}
