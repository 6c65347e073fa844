/**
 * Check configuration as data, validated by zod: every rule can be switched off or re-graded and has its
 * thresholds here; a taxonomy profile (by id or given whole) picks the categories and the weight scheme.
 * `{}` (or nothing) is a complete config: every field has a default.
 */
import { z } from 'zod';
import { taxonomyProfileSchema } from '../domain/schemas';
import { getProfile, type TaxonomyProfile } from '../domain/taxonomy';
import { DEFAULT_LOCALE, localeSchema } from '../i18n';

const severity = z.enum(['error', 'warning', 'info']);

/** Settings every rule has, plus its own options. Missing blocks parse to the defaults (`prefault`). */
function ruleSettings<S extends z.ZodRawShape>(shape: S) {
  return z
    .strictObject({
      /** Switch the rule off with `false`. */
      enabled: z.boolean().default(true),
      /** Re-grade every finding of the rule. */
      severity: severity.optional(),
      ...shape,
    })
    // prefault (not default): an absent block is parsed, so its inner defaults are filled in.
    .prefault({} as never);
}

const keywords = (defaults: string[]) => z.array(z.string().min(1)).default(defaults);

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

/** The confusions seen in exported forms (OCR/IME slips in domain words). */
export const DEFAULT_TYPOS: readonly Typo[] = z.array(typoSchema).parse([
  // 建设各类 / 增设各级 are correct; 设各 before a noun like 故障 is 设备.
  { wrong: '设各', right: '设备', notBefore: '类级种项个部单地区镇街村方位界' },
  // 平台理念, 后台理顺 … are correct.
  { wrong: '台理', right: '合理', notAfter: '平舞后前柜站讲阳电机烟月灶吧展擂炮看兵窗' },
  // 合并展示, 兼并展开 are correct.
  { wrong: '并展', right: '开展', notAfter: '合兼吞归' },
  // 线下展览, 以下展示 … are correct.
  { wrong: '下展', right: '开展', notAfter: '线以如上之乡地南北天手部属管辖底', notBefore: '览示会厅馆位板' },
  // 数千度电, 3千度 are amounts of energy.
  { wrong: '千度', right: '年度', notAfter: '0123456789一二三四五六七八九十百千万数几近约余上', notBefore: '电' },
  // 指标信息 is correct.
  { wrong: '指标信', right: '指标值', notBefore: '息' },
]);

/** Per-rule settings. Keys are exactly the rule ids, so a rule without settings is a compile error. */
export const ruleSettingsSchema = z
  .strictObject({
    'totals.project': ruleSettings({}),
    'totals.unit': ruleSettings({}),
    'amount.format': ruleSettings({
      /** Places allowed in 万元 amounts. */
      maxDecimals: z.number().int().nonnegative().default(2),
    }),
    'goal.missing': ruleSettings({}),
    'goal.annual-copied': ruleSettings({}),
    'indicators.missing': ruleSettings({}),
    'category.missing': ruleSettings({
      /** 一级 categories every project needs (names or aliases in the profile). */
      required: keywords(['产出指标', '效益指标']),
      /** 一级 categories a project that serves people needs as well. */
      whenServingPeople: keywords(['满意度指标']),
      /** Words in a project's name or goal that say it serves people (and so needs 满意度指标). */
      servesPeopleKeywords: keywords([
        '服务对象',
        '群众',
        '市民',
        '居民',
        '村民',
        '公众',
        '窗口',
        '办事',
        '便民',
        '惠民',
        '惠企',
        '培训',
        '热线',
        '政务服务',
        '公共服务',
        '服务企业',
        '学生',
        '患者',
        '游客',
        '老年人',
        '残疾人',
        '参训',
      ]),
    }),
    'taxonomy.mismatch': ruleSettings({}),
    'indicator.incomplete': ruleSettings({}),
    'value.annual-missing': ruleSettings({}),
    'value.malformed': ruleSettings({}),
    'value.unit-mismatch': ruleSettings({
      /** Groups of units that mean the same thing (`[["场", "场次"]]`). */
      equivalentUnits: z.array(z.array(z.string())).default([]),
    }),
    'value.percent-range': ruleSettings({
      min: z.number().default(0),
      max: z.number().default(100),
      /** Indicator names where a percentage above the maximum can be meant (growth, increase). */
      allowAboveKeywords: keywords(['增长', '增幅', '增加', '提升', '提高', '同比', '环比', '超额', '倍']),
      /** Indicator names where a negative percentage can be meant (a reduction expressed as change). */
      allowBelowKeywords: keywords(['下降', '降低', '减少', '增长', '增幅', '同比', '环比', '变化']),
    }),
    'value.name-conflict': ruleSettings({
      /** Name endings that make an indicator a rate (its value is a percentage). */
      rateEndings: keywords(['率', '比例', '比率', '占比', '百分比']),
      /** Name parts that make an indicator a count (its value is a number of things, never a %). */
      countWords: keywords(['发生数', '次数', '宗数', '件数', '个数', '人数', '起数', '户数', '台数', '场次数', '数量']),
      /** Units of counts; a rate given in one of these contradicts its name. */
      countUnits: keywords([
        '个',
        '次',
        '宗',
        '件',
        '起',
        '人',
        '人次',
        '场',
        '场次',
        '台',
        '套',
        '项',
        '条',
        '份',
        '家',
        '户',
        '批',
        '批次',
        '篇',
        '期',
        '所',
        '座',
        '辆',
        '名',
        '万',
        '万人次',
        '小时',
        '天',
        '日',
        '月',
        '年',
        '元',
        '万元',
      ]),
    }),
    'value.annual-exceeds-period': ruleSettings({
      /** Words that make a value a rate or an average, not a cumulative count (annual may equal or exceed it). */
      nonCumulativeWords: keywords(['率', '满意度', '比例', '占比', '均', '每', '单价', '时间', '时长', '期限', '标准']),
    }),
    'indicator.duplicate': ruleSettings({}),
    'indicator.too-long': ruleSettings({
      /** 指标名称 limit in characters (portal rule). */
      maxNameLength: z.number().int().positive().default(100),
      /** 指标值说明 limit in characters (portal rule). */
      maxExplanationLength: z.number().int().positive().default(2000),
    }),
    'project.copied-indicators': ruleSettings({
      /** Share of distinct indicator names two projects must have in common (Jaccard) to count as copied. */
      similarity: z.number().gt(0).max(1).default(0.8),
      /** Projects with fewer distinct indicators are not compared (short boilerplate lists agree by chance). */
      minIndicators: z.number().int().positive().default(4),
    }),
    'text.typo': ruleSettings({
      typos: z.array(typoSchema).default(() => [...DEFAULT_TYPOS]),
    }),
    'text.format': ruleSettings({}),
    'weights.sum': ruleSettings({
      /** Overrides the profile's total (normally 100). */
      total: z.number().positive().optional(),
      /** Overrides the profile's fixed sums per 一级 name. */
      perLevel1: z.record(z.string(), z.number().nonnegative()).optional(),
    }),
  })
  .prefault({});

/** The whole check configuration. */
export const checkConfigSchema = z
  .strictObject({
    /** Language of the messages. */
    locale: localeSchema.default(DEFAULT_LOCALE),
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
  .prefault({});

/** A validated config (all defaults filled in). */
export type CheckConfig = z.output<typeof checkConfigSchema>;
/** What a caller may write: any subset of the config. */
export type CheckConfigInput = z.input<typeof checkConfigSchema>;
/** The settings block of each rule, by rule id. */
export type RuleOptions = CheckConfig['rules'];

/** The profile a config picks. */
export function profileOf(config: CheckConfig): TaxonomyProfile {
  return typeof config.profile === 'string' ? (getProfile(config.profile) ?? getProfile('default')!) : config.profile;
}
