/**
 * Save-time validation as the real portal does it (DOMAIN.md "What portals check on save"): every row
 * has 计量单位, 指标值 and 计算符号; 定量 values are numeric; 指标名称 ≤ 100 characters; 指标值说明 ≤ 2000;
 * no duplicate names within a set; 总体目标 and 年度目标 required; plus 一级/二级 chosen (a tree grid has no
 * row without its category). An empty set is allowed. It does NOT check totals or categories:
 * that is the reviewer's (and Tianbao's checker's) job, and the `?state=errors` project relies on it.
 */
import { parseDecimal } from '../../../lib/domain/decimal';
import { toHalfWidth } from '../../../lib/domain/text';
import { parseMoney } from '../../../lib/domain/money';
import {
  COLUMN_LABELS,
  FIELD_LABELS,
  type IndicatorSetKey,
  type PortalProject,
  type PortalRow,
  SET_KEYS,
  SET_LABELS,
} from './model';

/** One problem found on save, with where it is so the page can mark the cell. */
export interface PortalIssue {
  /** The indicator set, when the problem is in a grid. */
  set?: IndicatorSetKey;
  /** 1-based grid row. */
  row?: number;
  /** The model field (`unit`, `goal`, `total`…). */
  field: string;
  /** The portal's own message, in Chinese. */
  message: string;
}

export const NAME_MAX = 100;
export const EXPLANATION_MAX = 2000;

/** Whether a 定量 指标值 reads as a number the way the portal's server would parse it. */
export function isNumericValue(value: string): boolean {
  return parseDecimal(toHalfWidth(value.trim())) !== null;
}

function rowIssues(set: IndicatorSetKey, row: PortalRow, index: number): PortalIssue[] {
  const at = `${SET_LABELS[set]}第${index + 1}行`;
  const issues: PortalIssue[] = [];
  const add = (field: keyof PortalRow, message: string) => issues.push({ set, row: index + 1, field, message: `${at}：${message}` });
  const name = row.name.trim();
  if (!row.level1.trim()) add('level1', `${COLUMN_LABELS.level1}不能为空`);
  if (!row.level2.trim()) add('level2', `${COLUMN_LABELS.level2}不能为空`);
  if (!name) add('name', `${COLUMN_LABELS.name}不能为空`);
  else if ([...name].length > NAME_MAX) add('name', `${COLUMN_LABELS.name}长度不能超过${NAME_MAX}个字符`);
  if (!row.symbol.trim()) add('symbol', `${COLUMN_LABELS.symbol}不能为空`);
  if (!row.value.trim()) add('value', `${COLUMN_LABELS.value}不能为空`);
  else if (row.symbol !== '定性' && row.symbol.trim() && !isNumericValue(row.value)) {
    add('value', `定量指标的${COLUMN_LABELS.value}必须为数字`);
  }
  // 定性 rows carry a text value and no unit.
  if (row.symbol !== '定性' && !row.unit.trim()) add('unit', `${COLUMN_LABELS.unit}不能为空`);
  if ([...row.explanation].length > EXPLANATION_MAX) {
    add('explanation', `${COLUMN_LABELS.explanation}长度不能超过${EXPLANATION_MAX}个字符`);
  }
  return issues;
}

function duplicateIssues(set: IndicatorSetKey, rows: readonly PortalRow[]): PortalIssue[] {
  const seen = new Map<string, number>();
  const issues: PortalIssue[] = [];
  rows.forEach((row, i) => {
    const name = row.name.trim();
    if (!name) return;
    const first = seen.get(name);
    if (first === undefined) seen.set(name, i);
    else {
      issues.push({
        set,
        row: i + 1,
        field: 'name',
        message: `${SET_LABELS[set]}第${i + 1}行：指标名称“${name}”与第${first + 1}行重复`,
      });
    }
  });
  return issues;
}

/** Everything the portal refuses to save, in page order; empty when the save may go through. */
export function validateProject(project: PortalProject): PortalIssue[] {
  const issues: PortalIssue[] = [];
  if (!project.name.trim()) issues.push({ field: 'name', message: `${FIELD_LABELS.name}不能为空` });
  for (const field of ['total', 'fiscal', 'specialAccount', 'other'] as const) {
    const text = project.amounts[field];
    if (text.trim() && !parseMoney(text).ok) {
      issues.push({ field, message: `${FIELD_LABELS[field]}金额格式不正确` });
    }
  }
  if (!project.goal.trim()) issues.push({ field: 'goal', message: `${FIELD_LABELS.goal}不能为空` });
  if (!project.annualGoal.trim()) issues.push({ field: 'annualGoal', message: `${FIELD_LABELS.annualGoal}不能为空` });
  for (const set of SET_KEYS) {
    const rows = project.indicators[set];
    rows.forEach((row, i) => issues.push(...rowIssues(set, row, i)));
    issues.push(...duplicateIssues(set, rows));
  }
  return issues;
}
