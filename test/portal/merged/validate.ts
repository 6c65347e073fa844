/**
 * The merged replica's save check: the shared project checks (项目名称, 总体目标, 年度目标, amounts), and
 * per indicator row in its own columns: 三级指标, 指标方向 (unless 定性), 目标值 and 计量单位 (unless 定性)
 * required; a 定量 目标值 numeric; lengths as the shared check; no duplicate 三级指标 within a set.
 * Category skeleton rows are not indicators and are skipped. Rows are numbered as the grid shows them.
 */
import { type IndicatorSetKey, type PortalProject, SET_KEYS, SET_LABELS } from '../shared/model';
import { EXPLANATION_MAX, isNumericValue, NAME_MAX, type PortalIssue, validateProject } from '../shared/validate';
import { isSkeleton, MERGED_COLUMN_LABELS as L, type MergedRow } from './rows';

function rowIssues(set: IndicatorSetKey, row: MergedRow, index: number): PortalIssue[] {
  const at = `${SET_LABELS[set]}第${index + 1}行`;
  const issues: PortalIssue[] = [];
  const add = (field: keyof MergedRow, message: string) => issues.push({ set, row: index + 1, field, message: `${at}：${message}` });
  const qualitative = row.nature === '定性';
  const name = row.name.trim();
  if (!name) add('name', `${L.name}不能为空`);
  else if ([...name].length > NAME_MAX) add('name', `${L.name}长度不能超过${NAME_MAX}个字符`);
  if (!qualitative && !row.direction.trim()) add('direction', `${L.direction}不能为空`);
  if (!row.value.trim()) add('value', `${L.value}不能为空`);
  else if (!qualitative && !isNumericValue(row.value)) add('value', `定量指标的${L.value}必须为数字`);
  if (!qualitative && !row.unit.trim()) add('unit', `${L.unit}不能为空`);
  if ([...row.remark].length > EXPLANATION_MAX) add('remark', `${L.remark}长度不能超过${EXPLANATION_MAX}个字符`);
  return issues;
}

function duplicateIssues(set: IndicatorSetKey, rows: readonly MergedRow[]): PortalIssue[] {
  const seen = new Map<string, number>();
  const issues: PortalIssue[] = [];
  rows.forEach((row, i) => {
    const name = row.name.trim();
    if (!name || isSkeleton(row)) return;
    const first = seen.get(name);
    if (first === undefined) seen.set(name, i);
    else {
      issues.push({ set, row: i + 1, field: 'name', message: `${SET_LABELS[set]}第${i + 1}行：${L.name}“${name}”与第${first + 1}行重复` });
    }
  });
  return issues;
}

/** Everything the portal refuses to save; empty when the save may go through. */
export function validateMerged(project: PortalProject, grids: Readonly<Record<IndicatorSetKey, readonly MergedRow[]>>): PortalIssue[] {
  // The shared check for the project's own fields (its grid rules are the other portals' columns).
  const issues = validateProject({ ...project, indicators: { period: [], annual: [] } });
  for (const set of SET_KEYS) {
    const rows = grids[set];
    rows.forEach((row, i) => {
      if (!isSkeleton(row)) issues.push(...rowIssues(set, row, i));
    });
    issues.push(...duplicateIssues(set, rows));
  }
  return issues;
}
