import type { Amounts } from '../domain/schemas';
import { normaliseSymbol } from '../domain/values';
import type { FillField, IndicatorSet } from './types';

/**
 * Header and label texts by which Tianbao recognises a performance-target form on any portal. Data, not
 * code: a portal the heuristics miss gets a site profile, not a new branch. Tests assert how many of each
 * the replica portals match.
 */

/** Grid column headers per field (compared after normalise(): no spaces, no `*`, no trailing colon). */
export const COLUMN_LABELS: Readonly<Record<FillField, readonly string[]>> = {
  level1: ['一级指标', '一级指标名称'],
  level2: ['二级指标', '二级指标名称'],
  name: ['三级指标', '指标名称', '三级指标名称', '绩效指标名称'],
  symbol: ['计算符号', '指标方向', '符号', '运算符号', '指标值符号'],
  // 指标性质 holds 正向 / 反向 / 定性 where a portal has it (博思); without a 计算符号 column it stands for the symbol.
  nature: ['指标性质', '指标属性'],
  value: ['指标值', '目标值', '年度指标值', '绩效指标值', '指标值(目标值)'],
  unit: ['计量单位', '度量单位', '单位'],
  // 备注 last: taken only where the grid has no 指标值说明 column.
  explanation: ['指标值说明', '指标说明', '指标值确定依据', '指标解释', '备注'],
};

/** A grid is an indicator grid when its header has a name and a value column and at least this many fields. */
export const MIN_GRID_FIELDS = 3;

/** Project field labels. */
export const AMOUNT_LABELS: Readonly<Record<keyof Amounts, readonly string[]>> = {
  total: ['总计', '资金总额', '项目资金总额', '合计'],
  fiscal: ['财政拨款', '其中:财政拨款', '财政资金'],
  specialAccount: ['财政专户拨款', '财政专户管理资金'],
  other: ['其他资金'],
};

export const PROJECT_LABELS = {
  name: ['项目名称'],
  owner: ['资金使用单位', '实施单位', '主管部门', '单位名称'],
  goal: ['总体目标', '实施期目标', '绩效目标', '中长期目标'],
  annualGoal: ['年度目标', '年度绩效目标'],
} as const;

/** Tab or heading texts that say which indicator set a grid holds. */
export const SET_PATTERNS: Readonly<Record<IndicatorSet, RegExp>> = {
  period: /中长期|总体绩效指标|实施期绩效指标|实施周期/,
  annual: /年度绩效指标|年度指标/,
};

/** Buttons: add an indicator row; save; submit for review. */
export const ADD_ROW_LABELS = ['新增指标', '新增', '添加指标', '添加', '增加', '新增行', '增行'];
export const DELETE_ROW_LABELS = ['删除', '删除指标', '删行', '删除行'];
export const SAVE_LABELS = ['保存', '暂存'];
export const SUBMIT_LABELS = ['送审', '提交', '上报', '报送', '提交审核'];

/** Confirm buttons of the portal's own "are you sure" dialogs (used by undo to delete rows it added). */
export const CONFIRM_LABELS = ['确定', '确认', '是'];

/** Normalises a label as printed: drops spaces, required-field stars, colons and brackets' width. */
export function normaliseLabel(text: string): string {
  return text
    .replace(/[\s\u00a0\u3000*＊:：]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')');
}

/** The field a header text names, or undefined. Exact match after normalising: 指标值说明 is not 指标值. */
export function fieldForHeader(text: string): FillField | undefined {
  const t = normaliseLabel(text);
  if (t === '') return undefined;
  for (const [field, labels] of Object.entries(COLUMN_LABELS) as [FillField, readonly string[]][]) {
    if (labels.includes(t)) return field;
  }
  return undefined;
}

/** Whether a button's text is one of `labels`. */
export function buttonMatches(text: string, labels: readonly string[]): boolean {
  const t = normaliseLabel(text);
  return t !== '' && labels.includes(t);
}

/**
 * Whether a label stands for the value wanted: the same label, or — for 计算符号 lists that print words or
 * codes (大于等于, ＞, 1-≥) — the same comparison sign.
 */
export function sameChoice(label: string, want: string): boolean {
  const a = normaliseLabel(label);
  const b = normaliseLabel(want);
  if (a === b) return true;
  const sa = normaliseSymbol(a.replace(/^\d+[-.、:：\s]*/, ''));
  const sb = normaliseSymbol(b);
  return sa !== null && sa === sb;
}

/** Whether a cell of `field` shows the value wanted (a 计算符号 by the sign it stands for). */
export function sameFieldValue(field: string, shown: string, want: string): boolean {
  return field === 'symbol' ? sameChoice(shown, want) : normaliseLabel(shown) === normaliseLabel(want);
}
