import { z } from 'zod';
import { SYMBOLS, VALUE_PROBLEMS } from './symbols';

/**
 * Every zod schema of the domain, with its inferred type. Logic modules (values, taxonomy, money) import
 * only the types from here, so the content script does not carry zod.
 */

export const symbolSchema = z.enum(SYMBOLS);
export type IndicatorSymbol = z.infer<typeof symbolSchema>;

export const valueProblemSchema = z.enum(VALUE_PROBLEMS);
export type ValueProblem = z.infer<typeof valueProblemSchema>;

/** One 指标值 split into its parts. */
export const indicatorValueSchema = z.object({
  /** 计算符号, normalised; null when none could be read. */
  symbol: symbolSchema.nullable(),
  /** The number as an exact decimal string (`90`, `0.5`); null for 定性 values. */
  value: z.string().nullable(),
  /** 计量单位 (`%`, `场次`, `小时`); '' when none. */
  unit: z.string(),
  /** Qualifier text around a number (`日均约`, `地理信息平台服务资源数量`), or the whole text of a 定性 value. */
  text: z.string(),
  /** The value as it was found, before any normalisation. */
  raw: z.string(),
  problem: valueProblemSchema.optional(),
});
export type IndicatorValue = z.infer<typeof indicatorValueSchema>;


/** A 二级指标 category. */
export const level2CategorySchema = z.object({
  code: z.string(),
  name: z.string(),
  /** Other printed forms (数量, 服务对象满意度指标, 社会公众或服务对象满意度指标 …). */
  aliases: z.array(z.string()).default([]),
});
export type Level2Category = z.infer<typeof level2CategorySchema>;

/** A 一级指标 category with its 二级 children. */
export const level1CategorySchema = z.object({
  code: z.string(),
  name: z.string(),
  aliases: z.array(z.string()).default([]),
  level2: z.array(level2CategorySchema),
});
export type Level1Category = z.infer<typeof level1CategorySchema>;

/** A province/year layout of the indicator taxonomy, plus its weight scheme when it has one. */
export const taxonomyProfileSchema = z.object({
  id: z.string(),
  name: z.string(),
  level1: z.array(level1CategorySchema).min(1),
  weights: z
    .object({
      /** Weights of all indicators of a set sum to this. */
      total: z.number().positive(),
      /** Fixed sums per 一级 name (e.g. 产出指标 50 / 效益指标 30 / 满意度指标 10), when the province sets them. */
      perLevel1: z.record(z.string(), z.number().nonnegative()).optional(),
    })
    .optional(),
});
export type TaxonomyProfile = z.infer<typeof taxonomyProfileSchema>;

/** Where an item came from: a line of an imported file, or an element of a portal page. */
export const sourceRefSchema = z.object({
  /** 1-based line (text, CSV) or row (XLSX) of the file. */
  line: z.number().int().positive().optional(),
  /** File name, sheet name or page URL. */
  file: z.string().optional(),
  /** A stable reference to the page element (set by page collection). */
  element: z.string().optional(),
  /** The source text the item was read from. */
  text: z.string().optional(),
});
export type SourceRef = z.infer<typeof sourceRefSchema>;

/** One performance indicator (三级指标) with its category path and both values. */
export const indicatorSchema = z.object({
  /** 一级指标 name as resolved against the profile (产出指标…), or the raw label when unknown. */
  level1: z.string(),
  /** 二级指标 name (数量指标…), or the raw label when unknown; '' when missing. */
  level2: z.string(),
  /** 三级指标 / 指标名称. */
  name: z.string(),
  /** 实施周期(中长期)指标值; null when the form has none. */
  period: indicatorValueSchema.nullable(),
  /** 年度指标值; null when the form has none. */
  annual: indicatorValueSchema.nullable(),
  /** 指标值说明 / 指标标准或依据. */
  explanation: z.string().optional(),
  /** 权重 / 分值 as a decimal string. */
  weight: z.string().optional(),
  /** 上年实际值 — not a target, kept apart. */
  previousActual: z.string().optional(),
  /** 备注. */
  remark: z.string().optional(),
  source: sourceRefSchema.optional(),
});
export type Indicator = z.infer<typeof indicatorSchema>;

/** Money of a project or unit, in 万元, as decimal strings with two places (`0.00` where empty). */
export const amountsSchema = z.object({
  /** 总计 / 资金总额. */
  total: z.string(),
  /** 财政拨款. */
  fiscal: z.string(),
  /** 财政专户拨款. */
  specialAccount: z.string(),
  /** 其他资金. */
  other: z.string(),
});
export type Amounts = z.infer<typeof amountsSchema>;

/** A 项目 with its money, goals and indicators. */
export const projectSchema = z.object({
  name: z.string(),
  /** 主管部门 / 实施单位 (the unit row it sits under). */
  owner: z.string(),
  amounts: amountsSchema,
  /** 总体目标 / 实施期目标 (or the single 绩效目标 text of an export). */
  goal: z.string(),
  /** 年度目标, when the form has it apart from the overall goal. */
  annualGoal: z.string().optional(),
  indicators: z.array(indicatorSchema),
  /** Which indicator sets the form has (a page with both tabs, an export that prints both values). */
  sets: z.object({ period: z.boolean(), annual: z.boolean() }).optional(),
  source: sourceRefSchema.optional(),
});
export type Project = z.infer<typeof projectSchema>;

/** A unit row (单位) that sums its projects. */
export const unitSchema = z.object({
  name: z.string(),
  amounts: amountsSchema,
  source: sourceRefSchema.optional(),
});
export type Unit = z.infer<typeof unitSchema>;

/** Something an importer could not place; never silently dropped. */
export const importWarningSchema = z.object({
  line: z.number().int().nonnegative(),
  message: z.string(),
});
export type ImportWarning = z.infer<typeof importWarningSchema>;

/** What a page or a file holds: units, projects and the printed 合计. */
export const formSnapshotSchema = z.object({
  /** The printed 合计 (decimal string), or null when the form has none. */
  total: z.string().nullable(),
  units: z.array(unitSchema),
  projects: z.array(projectSchema),
  warnings: z.array(importWarningSchema),
  /** Where the snapshot was taken from (file name or page URL). */
  origin: z.string().optional(),
  /** The kind of table, when an importer recognised it (e.g. `export-list`, `declaration`, `self-evaluation`). */
  layout: z.string().optional(),
});
export type FormSnapshot = z.infer<typeof formSnapshotSchema>;

/** Indicator contents as stored in the library (no source page element). */
export const templateContentSchema = indicatorSchema.omit({ source: true });
export type TemplateContent = z.infer<typeof templateContentSchema>;

/** One reusable indicator in the library. */
export const templateSchema = templateContentSchema.extend({
  id: z.string(),
  tags: z.array(z.string()).default([]),
  /** Where it came from: file name, page, `starter`. */
  source: z.string().default(''),
  createdAt: z.number(),
  updatedAt: z.number(),
  useCount: z.number().int().nonnegative().default(0),
  lastUsedAt: z.number().nullable().default(null),
});
export type Template = z.infer<typeof templateSchema>;

/** A named, ordered indicator block = one project's indicators, reusable as a whole. */
export const templateSetSchema = z.object({
  id: z.string(),
  name: z.string().min(1),
  /** 项目名称 and goal of the project it came from (used for suggestions). */
  projectName: z.string().default(''),
  goal: z.string().default(''),
  items: z.array(templateContentSchema),
  tags: z.array(z.string()).default([]),
  source: z.string().default(''),
  createdAt: z.number(),
  updatedAt: z.number(),
  useCount: z.number().int().nonnegative().default(0),
  lastUsedAt: z.number().nullable().default(null),
});
export type TemplateSet = z.infer<typeof templateSetSchema>;
