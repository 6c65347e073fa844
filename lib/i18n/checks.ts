/**
 * Messages of the check engine. Each says what is wrong and what is expected. Parameters are texts as
 * found in the form (quoted in 「」 in Chinese, “” in English) and decimals already formatted.
 */
import { defineCatalog } from './index';

/** Money columns of a project or unit row. */
export type AmountColumn = 'total' | 'fiscal' | 'specialAccount' | 'other';
/** Which of an indicator's two values. */
export type ValueSet = 'period' | 'annual';
/** Kinds of formatting slips `text.format` reports. */
export type FormatIssue = 'spaces' | 'halfwidth-punctuation' | 'fullwidth-alphanumeric' | 'trailing-separator' | 'symbol';

const ZH_COLUMN: Record<AmountColumn, string> = {
  total: '总计',
  fiscal: '财政拨款',
  specialAccount: '财政专户拨款',
  other: '其他资金',
};
const EN_COLUMN: Record<AmountColumn, string> = {
  total: 'total',
  fiscal: 'fiscal appropriation',
  specialAccount: 'special-account appropriation',
  other: 'other funds',
};
const ZH_SET: Record<ValueSet, string> = { period: '实施周期指标值', annual: '年度指标值' };
const EN_SET: Record<ValueSet, string> = { period: 'period target', annual: 'annual target' };
const ZH_FORMAT: Record<FormatIssue, string> = {
  spaces: '多余空格',
  'halfwidth-punctuation': '中文中夹有半角标点',
  'fullwidth-alphanumeric': '全角数字或字母',
  'trailing-separator': '结尾多余分隔符',
  symbol: '计算符号未规范',
};
const EN_FORMAT: Record<FormatIssue, string> = {
  spaces: 'stray spaces',
  'halfwidth-punctuation': 'half-width punctuation in Chinese text',
  'fullwidth-alphanumeric': 'full-width digits or letters',
  'trailing-separator': 'a trailing separator',
  symbol: 'a symbol not in its stored form',
};

/** Long texts (goals) are not repeated whole inside a message. */
const MAX_QUOTE = 40;
const short = (text: string) => ([...text].length > MAX_QUOTE ? `${[...text].slice(0, MAX_QUOTE).join('')}…` : text);

const zhCN = {
  'totals.project': (p: { total: string; sum: string; fiscal: string; specialAccount: string; other: string }) =>
    `总计 ${p.total} 万元与各资金来源之和不符：财政拨款 ${p.fiscal} + 财政专户拨款 ${p.specialAccount} + 其他资金 ${p.other} = ${p.sum} 万元；总计应为 ${p.sum} 万元，或更正各来源金额`,
  'totals.unit': (p: { unit: string; column: AmountColumn; printed: string; sum: string; count: number }) =>
    `单位「${p.unit}」的${ZH_COLUMN[p.column]} ${p.printed} 万元不等于其 ${p.count} 个项目之和 ${p.sum} 万元；应为 ${p.sum} 万元`,
  'totals.grand': (p: { printed: string; sum: string; count: number; over: 'units' | 'projects' }) =>
    `合计 ${p.printed} 万元不等于 ${p.count} 个${p.over === 'units' ? '单位' : '项目'}的总计之和 ${p.sum} 万元；应为 ${p.sum} 万元`,
  'amount.unparseable': (p: { column: AmountColumn; text: string }) =>
    `${ZH_COLUMN[p.column]}「${p.text}」不是可读的金额；应为以万元计、最多两位小数的数字，如 712.97`,
  'amount.negative': (p: { column: AmountColumn; text: string }) =>
    `${ZH_COLUMN[p.column]} ${p.text} 万元为负数；金额应为 0 或正数`,
  'amount.decimals': (p: { column: AmountColumn; text: string; max: number }) =>
    `${ZH_COLUMN[p.column]} ${p.text} 万元超过 ${p.max} 位小数；万元金额应最多保留 ${p.max} 位小数`,
  'amount.notation': (p: { column: AmountColumn; text: string; to: string }) =>
    `${ZH_COLUMN[p.column]}「${p.text}」写法不规范；应写作 ${p.to}`,
  'goal.missing': '缺少绩效目标（总体目标）；应写明项目在实施期内要达到的产出和效果',
  'goal.annual-missing': '缺少年度目标；应写明本年度要达到的产出和效果',
  'goal.annual-copied': '年度目标与总体目标完全相同；年度目标应写本年度的具体目标，而不是照抄总体目标',
  'indicators.missing': '项目没有任何绩效指标；应至少填写产出指标和效益指标',
  'category.required': (p: { category: string; present: string }) =>
    `缺少${p.category}${p.present ? `（现有：${p.present}）` : ''}；每个项目都应至少有一条${p.category}下的三级指标`,
  'category.satisfaction': (p: { category: string; keyword: string }) =>
    `项目面向服务对象（名称或目标含「${p.keyword}」），但没有${p.category}；建议增加服务对象满意度指标，如「服务对象满意度 ≥90%」`,
  'taxonomy.level1-unknown': (p: { level1: string; expected: string }) =>
    `一级指标「${p.level1}」不在指标体系中；应为 ${p.expected} 之一`,
  'taxonomy.level2-misplaced': (p: { level2: string; level1: string; expected: string }) =>
    `二级指标「${p.level2}」不属于一级指标「${p.level1}」，应归入「${p.expected}」`,
  'taxonomy.level2-unknown': (p: { level2: string; level1: string; expected: string }) =>
    `二级指标「${p.level2}」不在一级指标「${p.level1}」下；应为 ${p.expected} 之一`,
  'incomplete.level1': (p: { expected: string }) => `缺少一级指标；应为 ${p.expected} 之一`,
  'incomplete.level2': (p: { level1: string; expected: string }) =>
    `缺少二级指标；应选择${p.level1 ? `「${p.level1}」下的` : ''}二级指标（${p.expected}）`,
  'incomplete.name': '缺少三级指标名称；每条指标都应有名称',
  'incomplete.symbol': (p: { set: ValueSet; raw: string }) =>
    `${ZH_SET[p.set]}「${p.raw}」缺少计算符号；应为 ≥ ＞ ＝ ＜ ≤ 或 定性 之一`,
  'incomplete.value': (p: { set: ValueSet; raw: string }) =>
    `${ZH_SET[p.set]}「${p.raw}」只有计算符号，没有指标值；定量指标应填写数字，定性指标应填写描述`,
  'incomplete.unit': (p: { set: ValueSet; raw: string }) =>
    `${ZH_SET[p.set]}「${p.raw}」缺少计量单位；定量指标应填写单位，如 %、个、场次、人次`,
  'value.annual-missing': '缺少年度指标值；每条指标都应填写本年度的目标值',
  'value.period-missing': '缺少实施周期指标值；本表有实施周期（中长期）指标，每条指标都应填写',
  'malformed.symbol': (p: { set: ValueSet; raw: string }) =>
    `${ZH_SET[p.set]}「${p.raw}」的计算符号无法识别；应为 ≥ ＞ ＝ ＜ ≤ 之一，如「≥90%」`,
  'malformed.number': (p: { set: ValueSet; raw: string }) =>
    `${ZH_SET[p.set]}「${p.raw}」的数值无法读取；定量指标值应为一个数字`,
  'malformed.compound': (p: { set: ValueSet; raw: string }) =>
    `${ZH_SET[p.set]}「${p.raw}」不是一个可读的定量值（含多个数字，或符号后不是数字）；应拆分为多条指标、每条一个数值，或改为定性表述`,
  'unit-mismatch.kind': (p: { period: string; annual: string }) =>
    `实施周期指标值「${p.period}」与年度指标值「${p.annual}」一个是定量、一个是定性；两者应为同一类型`,
  'unit-mismatch.unit': (p: { period: string; annual: string; periodUnit: string; annualUnit: string }) =>
    `实施周期指标值「${p.period}」与年度指标值「${p.annual}」的单位不同（${p.periodUnit || '无单位'} / ${p.annualUnit || '无单位'}）；两者应使用同一计量单位`,
  'percent-range.above': (p: { set: ValueSet; raw: string; max: number }) =>
    `${ZH_SET[p.set]}「${p.raw}」超过 ${p.max}%；比率类指标值应在 0% 到 ${p.max}% 之间`,
  'percent-range.below': (p: { set: ValueSet; raw: string; min: number }) =>
    `${ZH_SET[p.set]}「${p.raw}」低于 ${p.min}%；比率类指标值不应为负`,
  'name-conflict.count-as-percent': (p: { set: ValueSet; raw: string; name: string; word: string }) =>
    `指标「${p.name}」是计数（含「${p.word}」），但${ZH_SET[p.set]}「${p.raw}」是百分比；应填写计数值（如「0宗」），或把指标名称改为比率`,
  'name-conflict.rate-as-count': (p: { set: ValueSet; raw: string; name: string; unit: string }) =>
    `指标「${p.name}」是比率，但${ZH_SET[p.set]}「${p.raw}」的单位是「${p.unit}」；比率应以 % 表示，或把指标名称改为计数`,
  'annual-exceeds-period': (p: { period: string; annual: string }) =>
    `年度指标值「${p.annual}」大于实施周期指标值「${p.period}」；累计类指标的年度目标不应超过整个实施周期的目标`,
  duplicate: (p: { name: string; first: number }) =>
    `三级指标名称「${p.name}」与第 ${p.first} 条重复；同一组指标中名称不能重复，应合并或改名`,
  'too-long.name': (p: { length: number; max: number }) => `指标名称有 ${p.length} 个字，超过 ${p.max} 字上限；应精简`,
  'too-long.explanation': (p: { length: number; max: number }) =>
    `指标值说明有 ${p.length} 个字，超过 ${p.max} 字上限；应精简`,
  copied: (p: { other: string; shared: number; total: number }) =>
    `指标清单与项目「${p.other}」几乎相同（${p.total} 条中 ${p.shared} 条名称一致）；指标应与本项目的目标相关，应按本项目内容重新设置`,
  typo: (p: { wrong: string; right: string; context: string }) =>
    `${p.context !== p.wrong ? `「${p.context}」中的` : ''}「${p.wrong}」疑为「${p.right}」之误；应改为「${p.right}」`,
  format: (p: { issues: FormatIssue[]; to: string }) =>
    `格式不规范（${p.issues.map((i) => ZH_FORMAT[i]).join('、')}）；应为「${short(p.to)}」`,
  'weights.sum': (p: { sum: string; expected: string }) => `各指标权重合计为 ${p.sum}；应为 ${p.expected}`,
  'weights.level1': (p: { level1: string; sum: string; expected: string }) =>
    `${p.level1}的权重合计为 ${p.sum}；按本配置应为 ${p.expected}`,
  'weights.missing': '本项目其他指标填了权重，此条没有；启用权重时每条指标都应填写权重',
  'weights.unparseable': (p: { raw: string }) => `权重「${p.raw}」不是数字；应填写一个不小于 0 的数`,
};

/** The checks catalog's keys and parameter types (zh-CN sets them). */
export type CheckMessages = typeof zhCN;

const en: { readonly [K in keyof CheckMessages]: CheckMessages[K] } = {
  'totals.project': (p) =>
    `Total ${p.total} (10k yuan) is not the sum of its sources: fiscal ${p.fiscal} + special account ${p.specialAccount} + other ${p.other} = ${p.sum}; the total should be ${p.sum}, or a source amount corrected`,
  'totals.unit': (p) =>
    `Unit “${p.unit}”: ${EN_COLUMN[p.column]} ${p.printed} is not the sum of its ${p.count} projects, ${p.sum}; it should be ${p.sum}`,
  'totals.grand': (p) =>
    `Grand total ${p.printed} is not the sum of the ${p.count} ${p.over === 'units' ? 'units' : 'projects'}, ${p.sum}; it should be ${p.sum}`,
  'amount.unparseable': (p) =>
    `${EN_COLUMN[p.column]} “${p.text}” is not a readable amount; expected a number in 10k yuan with at most two decimals, e.g. 712.97`,
  'amount.negative': (p) => `${EN_COLUMN[p.column]} ${p.text} is negative; amounts must be 0 or positive`,
  'amount.decimals': (p) =>
    `${EN_COLUMN[p.column]} ${p.text} has more than ${p.max} decimals; amounts in 10k yuan keep at most ${p.max}`,
  'amount.notation': (p) => `${EN_COLUMN[p.column]} “${p.text}” is not written canonically; expected ${p.to}`,
  'goal.missing': 'No performance goal text; state the outputs and effects the project is to achieve over its period',
  'goal.annual-missing': 'No annual goal; state the outputs and effects to achieve this year',
  'goal.annual-copied':
    'The annual goal is a copy of the overall goal; the annual goal should state this year’s specific targets',
  'indicators.missing': 'The project has no indicators; it needs at least output and benefit indicators',
  'category.required': (p) =>
    `No ${p.category}${p.present ? ` (present: ${p.present})` : ''}; every project needs at least one indicator under ${p.category}`,
  'category.satisfaction': (p) =>
    `The project serves people (its name or goal mentions “${p.keyword}”) but has no ${p.category}; add a satisfaction indicator such as “服务对象满意度 ≥90%”`,
  'taxonomy.level1-unknown': (p) => `Level-1 category “${p.level1}” is not in the taxonomy; expected one of ${p.expected}`,
  'taxonomy.level2-misplaced': (p) =>
    `Level-2 category “${p.level2}” does not belong under “${p.level1}”; it belongs under “${p.expected}”`,
  'taxonomy.level2-unknown': (p) =>
    `Level-2 category “${p.level2}” is not under “${p.level1}”; expected one of ${p.expected}`,
  'incomplete.level1': (p) => `No level-1 category; expected one of ${p.expected}`,
  'incomplete.level2': (p) => `No level-2 category; choose one${p.level1 ? ` under “${p.level1}”` : ''} (${p.expected})`,
  'incomplete.name': 'No indicator name; every indicator needs a name',
  'incomplete.symbol': (p) => `${EN_SET[p.set]} “${p.raw}” has no symbol; expected one of ≥ ＞ ＝ ＜ ≤ or 定性`,
  'incomplete.value': (p) =>
    `${EN_SET[p.set]} “${p.raw}” has a symbol but no value; a quantitative indicator needs a number, a qualitative one a description`,
  'incomplete.unit': (p) =>
    `${EN_SET[p.set]} “${p.raw}” has no unit; quantitative values need a unit such as %, 个, 场次, 人次`,
  'value.annual-missing': 'No annual target value; every indicator needs this year’s target',
  'value.period-missing': 'No period target value; this form has period (medium-term) targets and every indicator needs one',
  'malformed.symbol': (p) =>
    `${EN_SET[p.set]} “${p.raw}”: the symbol cannot be read; expected one of ≥ ＞ ＝ ＜ ≤, e.g. “≥90%”`,
  'malformed.number': (p) => `${EN_SET[p.set]} “${p.raw}”: the number cannot be read; a quantitative value is one number`,
  'malformed.compound': (p) =>
    `${EN_SET[p.set]} “${p.raw}” is not one readable quantity (several numbers, or no number after the symbol); split it into one indicator per number, or state it qualitatively`,
  'unit-mismatch.kind': (p) =>
    `Period target “${p.period}” and annual target “${p.annual}” differ in kind (one quantitative, one qualitative); both should be the same kind`,
  'unit-mismatch.unit': (p) =>
    `Period target “${p.period}” and annual target “${p.annual}” use different units (${p.periodUnit || 'none'} / ${p.annualUnit || 'none'}); both should use the same unit`,
  'percent-range.above': (p) =>
    `${EN_SET[p.set]} “${p.raw}” is above ${p.max}%; a rate should lie between 0% and ${p.max}%`,
  'percent-range.below': (p) => `${EN_SET[p.set]} “${p.raw}” is below ${p.min}%; a rate should not be negative`,
  'name-conflict.count-as-percent': (p) =>
    `Indicator “${p.name}” is a count (“${p.word}”) but its ${EN_SET[p.set]} “${p.raw}” is a percentage; give a count (e.g. “0宗”) or rename it as a rate`,
  'name-conflict.rate-as-count': (p) =>
    `Indicator “${p.name}” is a rate but its ${EN_SET[p.set]} “${p.raw}” is in “${p.unit}”; give a rate in %, or rename it as a count`,
  'annual-exceeds-period': (p) =>
    `Annual target “${p.annual}” is above the period target “${p.period}”; a cumulative annual target should not exceed the whole period’s`,
  duplicate: (p) =>
    `Indicator name “${p.name}” repeats indicator ${p.first}; names must be unique within a set — merge or rename`,
  'too-long.name': (p) => `Indicator name has ${p.length} characters, over the ${p.max} limit; shorten it`,
  'too-long.explanation': (p) => `Value explanation has ${p.length} characters, over the ${p.max} limit; shorten it`,
  copied: (p) =>
    `The indicator list is nearly identical to project “${p.other}” (${p.shared} of ${p.total} names in common); indicators should fit this project’s own goal`,
  typo: (p) =>
    `“${p.wrong}”${p.context !== p.wrong ? ` in “${p.context}”` : ''} looks like a slip for “${p.right}”; write “${p.right}”`,
  format: (p) => `Formatting (${p.issues.map((i) => EN_FORMAT[i]).join(', ')}); expected “${short(p.to)}”`,
  'weights.sum': (p) => `Indicator weights sum to ${p.sum}; they should sum to ${p.expected}`,
  'weights.level1': (p) => `Weights under ${p.level1} sum to ${p.sum}; this configuration fixes them at ${p.expected}`,
  'weights.missing': 'Other indicators of this project have weights and this one has none; with weights on, every indicator needs one',
  'weights.unparseable': (p) => `Weight “${p.raw}” is not a number; expected a number of 0 or more`,
};

/** The check engine's messages in every locale. */
export const checkMessages = defineCatalog('checks', zhCN, en);

/** Names of the fields findings point at (keys are the engine's FindingField values). */
export const checkFieldLabels = defineCatalog(
  'check-fields',
  {
    projectName: '项目名称',
    goal: '绩效目标',
    annualGoal: '年度目标',
    indicators: '指标清单',
    'amounts.total': '总计',
    'amounts.fiscal': '财政拨款',
    'amounts.specialAccount': '财政专户拨款',
    'amounts.other': '其他资金',
    total: '合计',
    level1: '一级指标',
    level2: '二级指标',
    name: '指标名称',
    period: '实施周期指标值',
    'period.symbol': '实施周期计算符号',
    'period.value': '实施周期指标值',
    'period.unit': '实施周期计量单位',
    annual: '年度指标值',
    'annual.symbol': '年度计算符号',
    'annual.value': '年度指标值',
    'annual.unit': '年度计量单位',
    explanation: '指标值说明',
    weight: '权重',
    source: '原文',
  },
  {
    projectName: 'project name',
    goal: 'goal',
    annualGoal: 'annual goal',
    indicators: 'indicator list',
    'amounts.total': 'total',
    'amounts.fiscal': 'fiscal appropriation',
    'amounts.specialAccount': 'special-account appropriation',
    'amounts.other': 'other funds',
    total: 'grand total',
    level1: 'level-1 category',
    level2: 'level-2 category',
    name: 'indicator name',
    period: 'period target',
    'period.symbol': 'period symbol',
    'period.value': 'period value',
    'period.unit': 'period unit',
    annual: 'annual target',
    'annual.symbol': 'annual symbol',
    'annual.value': 'annual value',
    'annual.unit': 'annual unit',
    explanation: 'value explanation',
    weight: 'weight',
    source: 'source text',
  },
);
