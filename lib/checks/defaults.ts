/**
 * Default settings of every rule, as plain data (no zod: the engine runs in the content script). The zod
 * schema in config.ts takes its defaults from here, and a test checks that parsing `{}` gives exactly
 * DEFAULT_CHECK_CONFIG.
 */
import { DEFAULT_PROFILE, getProfile } from '../domain/taxonomy';
import type { TaxonomyProfile } from '../domain/schemas';
import type { CheckConfig, Typo } from './config';

/** The confusions seen in exported forms (OCR/IME slips in domain words), with the neighbours that make them real words. */
export const DEFAULT_TYPOS: readonly Typo[] = [
  // 建设各类 / 增设各级 are correct; 设各 before a noun like 故障 is 设备.
  { wrong: '设各', right: '设备', notAfter: '', notBefore: '类级种项个部单地区镇街村方位界' },
  // 平台理念, 后台理顺 … are correct.
  { wrong: '台理', right: '合理', notAfter: '平舞后前柜站讲阳电机烟月灶吧展擂炮看兵窗', notBefore: '' },
  // 合并展示, 兼并展开 are correct.
  { wrong: '并展', right: '开展', notAfter: '合兼吞归', notBefore: '' },
  // 线下展览, 以下展示 … are correct.
  { wrong: '下展', right: '开展', notAfter: '线以如上之乡地南北天手部属管辖底', notBefore: '览示会厅馆位板' },
  // 数千度电, 3千度 are amounts of energy.
  { wrong: '千度', right: '年度', notAfter: '0123456789一二三四五六七八九十百千万数几近约余上', notBefore: '电' },
  // 指标信息 is correct.
  { wrong: '指标信', right: '指标值', notAfter: '', notBefore: '息' },
];

/** Per-rule options (thresholds, keyword lists) as the engine uses them when nothing is configured. */
export const RULE_DEFAULTS = {
  'amount.format': {
    /** Places allowed in 万元 amounts. */
    maxDecimals: 2,
  },
  'category.missing': {
    /** 一级 categories every project needs (names or aliases in the profile). */
    required: ['产出指标', '效益指标'],
    /** 一级 categories a project that serves people needs as well. */
    whenServingPeople: ['满意度指标'],
    /**
     * Words in a project's name or goal that say it serves people. Bare 服务 is not one: nearly every
     * project text has it (咨询服务, 物业服务), so it would ask everyone for satisfaction indicators.
     */
    servesPeopleKeywords: [
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
    ],
  },
  'value.unit-mismatch': {
    /** Groups of units that mean the same thing (`[["场", "场次"]]`). */
    equivalentUnits: [] as string[][],
  },
  'value.percent-range': {
    min: 0,
    max: 100,
    /** Indicator names where a percentage above the maximum can be meant (growth, increase). */
    allowAboveKeywords: ['增长', '增幅', '增加', '提升', '提高', '同比', '环比', '超额', '倍'],
    /** Indicator names where a negative percentage can be meant (a change). */
    allowBelowKeywords: ['下降', '降低', '减少', '增长', '增幅', '同比', '环比', '变化'],
  },
  'value.name-conflict': {
    /** Name endings that make an indicator a rate (its value is a percentage). */
    rateEndings: ['率', '比例', '比率', '占比', '百分比'],
    /** Name parts that make an indicator a count (its value is a number of things, never a %). */
    countWords: ['发生数', '次数', '宗数', '件数', '个数', '人数', '起数', '户数', '台数', '场次数', '数量'],
    /** Units a rate may be given in (besides none); a rate in any other unit (次, 小时, 平方米) contradicts its name. */
    rateUnits: ['%', '‰', '分'],
  },
  'value.annual-exceeds-period': {
    /** Words that make a value a rate or an average, not a cumulative count. */
    nonCumulativeWords: ['率', '满意度', '比例', '占比', '均', '每', '单价', '时间', '时长', '期限', '标准'],
  },
  'indicator.too-long': {
    /** 指标名称 limit in characters (portal rule). */
    maxNameLength: 100,
    /** 指标值说明 limit in characters (portal rule). */
    maxExplanationLength: 2000,
  },
  'project.copied-indicators': {
    /** Share of distinct indicator names two projects must have in common (Jaccard) to count as copied. */
    similarity: 0.8,
    /** Projects with fewer distinct indicators are not compared (short boilerplate lists agree by chance). */
    minIndicators: 4,
  },
  'text.typo': {
    typos: DEFAULT_TYPOS,
  },
};

const on = { enabled: true } as const;

/** The configuration used when none is given (what `checkConfigSchema.parse({})` gives). */
export const DEFAULT_CHECK_CONFIG: CheckConfig = {
  locale: 'zh-CN',
  profile: 'default',
  rules: {
    'totals.project': { ...on },
    'totals.unit': { ...on },
    'amount.format': { ...on, ...RULE_DEFAULTS['amount.format'] },
    'goal.missing': { ...on },
    'goal.annual-copied': { ...on },
    'indicators.missing': { ...on },
    'category.missing': { ...on, ...RULE_DEFAULTS['category.missing'] },
    'taxonomy.mismatch': { ...on },
    'indicator.incomplete': { ...on },
    'value.annual-missing': { ...on },
    'value.malformed': { ...on },
    'value.unit-mismatch': { ...on, ...RULE_DEFAULTS['value.unit-mismatch'] },
    'value.percent-range': { ...on, ...RULE_DEFAULTS['value.percent-range'] },
    'value.name-conflict': { ...on, ...RULE_DEFAULTS['value.name-conflict'] },
    'value.annual-exceeds-period': { ...on, ...RULE_DEFAULTS['value.annual-exceeds-period'] },
    'indicator.duplicate': { ...on },
    'indicator.too-long': { ...on, ...RULE_DEFAULTS['indicator.too-long'] },
    'project.copied-indicators': { ...on, ...RULE_DEFAULTS['project.copied-indicators'] },
    'text.typo': { ...on, typos: [...DEFAULT_TYPOS] },
    'text.format': { ...on },
    'weights.sum': { ...on },
  },
};

/** The profile a config picks (an id of PROFILES, or a whole profile). */
export function profileOf(config: CheckConfig): TaxonomyProfile {
  return typeof config.profile === 'string' ? (getProfile(config.profile) ?? DEFAULT_PROFILE) : config.profile;
}
