import type { FormSnapshot } from '../domain';
import type { ParseOptions, SourceRow } from './index';

/**
 * Department-level exports: one row per indicator (单位名称 | 项目名称 | 预算数 | 年度目标 | 一级指标 | 二级指标 |
 * 三级指标 | 指标性质 | 指标值 | 度量单位 | 权重 | 指标方向性), only a project's first row carrying its name and money.
 * Not yet implemented: recognises nothing, so the other importers run.
 */
function parse(rows: readonly SourceRow[], options: ParseOptions = {}): FormSnapshot | null {
  void options;
  return recognises(rows) ? null : null;
}

function recognises(rows: readonly SourceRow[]): boolean {
  void rows;
  return false;
}

export const parseDepartmentRows = Object.assign(parse, { recognises });
