/**
 * Types of the check engine: rule ids, severities, findings and the rule interface. One engine serves the
 * content script (live), the side panel (report) and the CLI (files). Zod-free, like everything the engine
 * runs: the schemas that validate findings and configs arriving from elsewhere are in schemas.ts / config.ts.
 */
import type { FormSnapshot, Project, TaxonomyProfile } from '../domain/schemas';
import type { Locale, MessageArgs } from '../i18n';
import type { CheckMessages } from '../i18n/checks';
import type { CheckConfig, RuleOptions } from './config';

/** Every rule id, in report order. The ids are a public contract (CLI JSON, config files): never rename. */
export const RULE_IDS = [
  'totals.project',
  'totals.unit',
  'amount.format',
  'goal.missing',
  'goal.annual-copied',
  'indicators.missing',
  'category.missing',
  'taxonomy.mismatch',
  'indicator.incomplete',
  'value.annual-missing',
  'value.malformed',
  'value.unit-mismatch',
  'value.percent-range',
  'value.name-conflict',
  'value.annual-exceeds-period',
  'indicator.duplicate',
  'indicator.too-long',
  'project.copied-indicators',
  'text.typo',
  'text.format',
  'weights.sum',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export const SEVERITIES = ['error', 'warning', 'info'] as const;
/** error: the portal or a reviewer rejects it; warning: a reviewer is likely to; info: tidy-up. */
export type Severity = (typeof SEVERITIES)[number];

/**
 * Which field a finding is about. Values of an indicator are addressed per set (`period.unit`,
 * `annual.symbol`) so that two findings on one indicator never share a key.
 */
export const FINDING_FIELDS = [
  /** 项目名称. */
  'projectName',
  /** 总体目标 / 绩效目标. */
  'goal',
  /** 年度目标. */
  'annualGoal',
  /** The project's indicator list as a whole. */
  'indicators',
  'amounts.total',
  'amounts.fiscal',
  'amounts.specialAccount',
  'amounts.other',
  /** The printed 合计 of the whole table. */
  'total',
  'level1',
  'level2',
  'name',
  /** 实施周期指标值 (the whole value). */
  'period',
  'period.symbol',
  'period.value',
  'period.unit',
  /** 年度指标值 (the whole value). */
  'annual',
  'annual.symbol',
  'annual.value',
  'annual.unit',
  /** 指标值说明. */
  'explanation',
  /** 权重 / 分值. */
  'weight',
  /** The source text an item was read from (labels an importer had to read past, e.g. `千度指标值`). */
  'source',
] as const;
export type FindingField = (typeof FINDING_FIELDS)[number];

/**
 * An automatic fix that is safe and certain: set `field` to `to` where it currently reads `from`
 * (whole field texts, so a fix never applies to a cell that changed since the check).
 */
export interface Fix {
  field: FindingField;
  from: string;
  to: string;
}

/** One problem a reviewer would send the form back for. */
export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** Stable identity for diffing live results: rule + project + indicator + field (names, not positions). */
  key: string;
  /** 项目名称; for unit rows the unit's name, for the table's 合计 the word 合计. */
  project: string;
  /** Index into `snapshot.projects`, when the finding is about a project. */
  projectIndex?: number;
  /** Index into `snapshot.units`, when the finding is about a unit row. */
  unitIndex?: number;
  /** 三级指标名称, when the finding is about one indicator. */
  indicator?: string;
  /** Index into the project's `indicators`. */
  indicatorIndex?: number;
  field?: FindingField;
  /** Source line of the item when it came from a file. */
  line?: number;
  /** Page element reference when it came from a page (`Indicator.source.element`). */
  element?: string;
  /** What is wrong and what is expected, in the configured locale. */
  message: string;
  fix?: Fix;
}

/** A rendered-later message: a key of the checks catalog with its parameters. */
export type MessageRef = {
  [K in keyof CheckMessages & string]: { key: K; args: MessageArgs<CheckMessages, K> };
}[keyof CheckMessages & string];

/** Builds a typed message reference: `msg('goal.missing')`, `msg('totals.project', { … })`. */
export function msg<K extends keyof CheckMessages & string>(key: K, ...args: MessageArgs<CheckMessages, K>): MessageRef {
  return { key, args } as MessageRef;
}

/** What a rule reports before the engine adds names, sources, the key and the rendered message. */
export interface Draft {
  /** Overrides the rule's default severity for this finding (e.g. a warning-level variant). */
  severity?: Severity;
  indicatorIndex?: number;
  field?: FindingField;
  /** Tells apart two findings of one rule on the same field (e.g. which category is missing); part of the key. */
  tag?: string;
  message: MessageRef;
  fix?: Fix;
}

/** Where a snapshot-level draft points: a project, a unit row, or the table's 合计. */
export type DraftTarget =
  | { kind: 'project'; projectIndex: number }
  | { kind: 'unit'; unitIndex: number }
  | { kind: 'total' };

/** A draft from a rule that looks across the snapshot. */
export interface SnapshotDraft extends Draft {
  target: DraftTarget;
}

/** What a rule sees besides the data: the validated config, its taxonomy profile and locale. */
export interface RuleContext {
  config: CheckConfig;
  profile: TaxonomyProfile;
  locale: Locale;
}

/** The options a rule's config block carries (thresholds, keyword lists). */
export type OptionsOf<Id extends RuleId> = RuleOptions[Id];

/**
 * One rule. Rules are pure. A rule has a per-project part (re-run alone when one project is edited), a
 * snapshot part (for rules that compare projects or check unit rows), or both.
 */
export interface RuleDefinition<Id extends RuleId = RuleId> {
  id: Id;
  /** Default severity of its findings (drafts may pick another; config may re-grade all of them). */
  severity: Severity;
  /** One line, in English, for docs and the options page. */
  description: string;
  project?: (project: Project, projectIndex: number, options: OptionsOf<Id>, ctx: RuleContext) => Draft[];
  snapshot?: (snapshot: FormSnapshot, options: OptionsOf<Id>, ctx: RuleContext) => SnapshotDraft[];
}

/** A registered rule: its definition plus the public pure entry point `(snapshot, config) => Finding[]`. */
export interface Rule<Id extends RuleId = RuleId> extends RuleDefinition<Id> {
  check: (snapshot: FormSnapshot, config?: CheckConfig) => Finding[];
}
