/**
 * Check configuration as data, validated by zod: every rule can be switched off or re-graded and has its
 * thresholds here; a taxonomy profile (by id, or given whole) picks the categories and the weight scheme.
 * `{}` is a complete config. Defaults come from defaults.ts, which the engine uses without zod.
 */
import { z } from 'zod';
import { taxonomyProfileSchema } from '../domain/schemas';
import { getProfile } from '../domain/taxonomy';
import { LOCALES } from '../i18n';
import { DEFAULT_TYPOS, RULE_DEFAULTS } from './defaults';

const severity = z.enum(['error', 'warning', 'info']);

/** Settings every rule has, plus its own options. A missing block parses to the defaults (`prefault`). */
function ruleSettings<S extends z.ZodRawShape>(shape: S) {
  return z
    .strictObject({
      /** Switch the rule off with `false`. */
      enabled: z.boolean().default(true),
      /** Re-grade every finding of the rule. */
      severity: severity.optional(),
      ...shape,
    })
    .prefault({} as never);
}

const words = (defaults: readonly string[]) => z.array(z.string().min(1)).default(() => [...defaults]);

/** A known confusion in domain words, with the neighbours that make it a real word instead. */
export const typoSchema = z.strictObject({
  wrong: z.string().min(1),
  right: z.string().min(1),
  /** Characters that, right before `wrong`, make it part of a correct word (平台理念 is not 合理). */
  notAfter: z.string().default(''),
  /** Characters that, right after `wrong`, make it part of a correct word (指标信息 is not 指标值). */
  notBefore: z.string().default(''),
});
export type Typo = z.infer<typeof typoSchema>;

const D = RULE_DEFAULTS;

/** Per-rule settings. Keys are exactly the rule ids (a strict object, so a misspelt id is an error). */
export const ruleSettingsSchema = z
  .strictObject({
    'totals.project': ruleSettings({}),
    'totals.unit': ruleSettings({}),
    'amount.format': ruleSettings({
      maxDecimals: z.number().int().nonnegative().default(D['amount.format'].maxDecimals),
    }),
    'goal.missing': ruleSettings({}),
    'goal.annual-copied': ruleSettings({}),
    'indicators.missing': ruleSettings({}),
    'category.missing': ruleSettings({
      required: words(D['category.missing'].required),
      whenServingPeople: words(D['category.missing'].whenServingPeople),
      servesPeopleKeywords: words(D['category.missing'].servesPeopleKeywords),
    }),
    'taxonomy.mismatch': ruleSettings({}),
    'indicator.incomplete': ruleSettings({}),
    'value.annual-missing': ruleSettings({}),
    'value.malformed': ruleSettings({}),
    'value.unit-mismatch': ruleSettings({
      equivalentUnits: z.array(z.array(z.string())).default(() => D['value.unit-mismatch'].equivalentUnits.map((g) => [...g])),
    }),
    'value.percent-range': ruleSettings({
      min: z.number().default(D['value.percent-range'].min),
      max: z.number().default(D['value.percent-range'].max),
      allowAboveKeywords: words(D['value.percent-range'].allowAboveKeywords),
      allowBelowKeywords: words(D['value.percent-range'].allowBelowKeywords),
    }),
    'value.name-conflict': ruleSettings({
      rateEndings: words(D['value.name-conflict'].rateEndings),
      countWords: words(D['value.name-conflict'].countWords),
      rateUnits: words(D['value.name-conflict'].rateUnits),
    }),
    'value.annual-exceeds-period': ruleSettings({
      nonCumulativeWords: words(D['value.annual-exceeds-period'].nonCumulativeWords),
    }),
    'indicator.duplicate': ruleSettings({}),
    'indicator.too-long': ruleSettings({
      maxNameLength: z.number().int().positive().default(D['indicator.too-long'].maxNameLength),
      maxExplanationLength: z.number().int().positive().default(D['indicator.too-long'].maxExplanationLength),
    }),
    'project.copied-indicators': ruleSettings({
      similarity: z.number().gt(0).max(1).default(D['project.copied-indicators'].similarity),
      minIndicators: z.number().int().positive().default(D['project.copied-indicators'].minIndicators),
    }),
    'text.typo': ruleSettings({
      typos: z.array(typoSchema).default(() => DEFAULT_TYPOS.map((t) => ({ ...t }))),
    }),
    'text.format': ruleSettings({}),
    'weights.sum': ruleSettings({
      /** Overrides the profile's total (normally 100). */
      total: z.number().positive().optional(),
      /** Overrides the profile's fixed sums per 一级 name (产出指标 50 / 效益指标 30 / 满意度指标 10). */
      perLevel1: z.record(z.string(), z.number().nonnegative()).optional(),
    }),
  })
  .prefault({} as never);

/** The whole check configuration. */
export const checkConfigSchema = z
  .strictObject({
    /** Language of the messages. */
    locale: z.enum(LOCALES).default('zh-CN'),
    /** Taxonomy profile: an id from `PROFILES` (`default`, `central-2021`) or a whole profile object. */
    profile: z
      .union([
        z.string().refine((id) => getProfile(id) !== undefined, {
          message: 'unknown taxonomy profile id / 未知的指标体系配置',
        }),
        taxonomyProfileSchema,
      ])
      .default('default'),
    rules: ruleSettingsSchema,
  })
  .prefault({} as never);

/** A validated config (all defaults filled in): what the engine takes. */
export type CheckConfig = z.output<typeof checkConfigSchema>;
/** What a person or a settings page may write: any subset of the config. */
export type CheckConfigInput = z.input<typeof checkConfigSchema>;
/** The settings block of each rule, by rule id. */
export type RuleOptions = CheckConfig['rules'];

/** Validates a config (throws a ZodError naming the bad field). Use it where a config comes from outside. */
export function parseCheckConfig(input: unknown): CheckConfig {
  return checkConfigSchema.parse(input ?? {});
}
