/**
 * The tree replica's save check, with the FASP2 performance module's own messages (PORTALS.md A):
 * 第N行的计量单位为必录项，必须有值。 (not for 定性) · 请先选择计算符号！ · 定量指标的指标值为数值！ ·
 * 指标值含 * _ - 不符合规范 · 三级指标名称必填; plus what the shared check also refuses (a 三级 under an
 * unnamed category, names over 100 characters or repeated within the set, 指标值说明 over 2000). N is the
 * row's position in the grid, category rows included, as the data table counts them. Only 三级 rows are
 * checked; the project's own fields get the shared check (name, 总体目标, 年度目标, readable amounts).
 * Reads row objects only, never the DOM.
 */
import type { IndicatorSetKey, PortalProject } from '../shared/model';
import { EXPLANATION_MAX, isNumericValue, NAME_MAX, validateProject } from '../shared/validate';
import { symbolText, type TreeRow } from './tree-model';

/** Tab captions of the two sets, as the tree page prints them. */
export const TREE_SET_LABELS: Readonly<Record<IndicatorSetKey, string>> = {
  period: '总体(中长期)绩效指标',
  annual: '年度绩效指标',
};

/** One refusal; `row` is the 0-based index into the set's row array. */
export interface TreeIssue {
  set?: IndicatorSetKey;
  row?: number;
  /** The column's field (`sjzb`, `jsfh`, `zbz`, `jldw`, `zbzsm`) or the project field (`name`, `goal`…). */
  field: string;
  message: string;
}

/** Characters FASP refuses in 指标值 (指标值含 * _ - 不符合规范). */
const BAD_VALUE = /[*_\-＊＿－]/;

/** Issues of one set's rows, in row order. */
export function validateRows(set: IndicatorSetKey, rows: readonly TreeRow[]): TreeIssue[] {
  const issues: TreeIssue[] = [];
  const seen = new Map<string, number>();
  let level1 = '';
  let level2 = '';
  rows.forEach((r, i) => {
    if (r.level === 1) [level1, level2] = [r.yjzb.trim(), ''];
    if (r.level === 2) level2 = r.ejzb.trim();
    if (r.level !== 3) return;
    const n = i + 1;
    const add = (field: string, message: string) => issues.push({ set, row: i, field, message: `${TREE_SET_LABELS[set]}：${message}` });
    const name = r.sjzb.trim();
    const sign = symbolText(r.jsfh);
    const value = r.zbz.trim();
    if (!level1 || !level2) add('sjzb', `第${n}行所属的一级指标、二级指标不能为空！`);
    if (!name) add('sjzb', `第${n}行三级指标名称必填！`);
    else if ([...name].length > NAME_MAX) add('sjzb', `第${n}行三级指标名称不能超过${NAME_MAX}个字！`);
    else if (seen.has(name)) add('sjzb', `第${n}行三级指标名称与第${seen.get(name)! + 1}行重复！`);
    if (name && !seen.has(name)) seen.set(name, i);
    if (!sign) add('jsfh', `第${n}行：请先选择计算符号！`);
    if (!value) add('zbz', `第${n}行的指标值为必录项，必须有值。`);
    else if (BAD_VALUE.test(value)) add('zbz', `第${n}行指标值含 * _ - 不符合规范`);
    else if (sign && sign !== '定性' && !isNumericValue(value)) add('zbz', `第${n}行：定量指标的指标值为数值！`);
    if (sign !== '定性' && !r.jldw.trim()) add('jldw', `第${n}行的计量单位为必录项，必须有值。`);
    if ([...r.zbzsm].length > EXPLANATION_MAX) add('zbzsm', `第${n}行指标值说明不能超过${EXPLANATION_MAX}个字！`);
  });
  return issues;
}

/** Everything 保存 refuses: the project's fields (shared check), then each set's rows. */
export function validateTree(project: PortalProject, sets: Readonly<Record<IndicatorSetKey, readonly TreeRow[]>>): TreeIssue[] {
  const own = validateProject({ ...project, indicators: { period: [], annual: [] } }).map((i) => ({ field: i.field, message: i.message }));
  return [...own, ...validateRows('period', sets.period), ...validateRows('annual', sets.annual)];
}
