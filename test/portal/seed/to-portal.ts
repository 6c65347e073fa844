/**
 * FormSnapshot (what the foundation importer reads from an exported table) → the replica portals'
 * starting data. Runs on the Node side only (the Vite plugin), so page bundles never carry the parser.
 */
import type { FormSnapshot, Indicator, Project } from '../../../lib/domain/schemas';
import type { IndicatorValue } from '../../../lib/domain/values';
import type { PortalProject, PortalRow, PortalSeed } from '../shared/model';

/** How the portal's grid holds one exported value: symbol, number and unit in separate cells. */
export function valueToCells(v: IndicatorValue): Pick<PortalRow, 'symbol' | 'value' | 'unit'> & { qualifier: string } {
  if (v.symbol === '定性') return { symbol: '定性', value: v.text || v.raw.trim(), unit: '', qualifier: '' };
  if (v.value !== null) return { symbol: v.symbol ?? '', value: v.value, unit: v.unit, qualifier: v.text };
  // Unreadable values stay as typed: the portal's own save check (定量 must be numeric) flags them.
  return { symbol: v.symbol ?? '', value: v.raw.trim(), unit: v.unit, qualifier: '' };
}

function toRow(indicator: Indicator, v: IndicatorValue): PortalRow {
  const { qualifier, ...cells } = valueToCells(v);
  return {
    level1: indicator.level1,
    level2: indicator.level2,
    name: indicator.name,
    ...cells,
    // `地理信息平台服务资源数量≥350条`: the words around the number are what a person puts in 指标值说明.
    explanation: indicator.explanation ?? qualifier,
  };
}

/** One seed project as the portal shows it: indicators with a period value fill 中长期, annual ones 年度. */
export function toPortalProject(project: Project, index: number): PortalProject {
  return {
    key: `project:${index}`,
    index,
    name: project.name,
    owner: project.owner,
    amounts: { ...project.amounts },
    goal: project.goal,
    // Exports print one 绩效目标; the portal has two boxes and units copy it into both.
    annualGoal: project.annualGoal ?? project.goal,
    indicators: {
      period: project.indicators.flatMap((i) => (i.period ? [toRow(i, i.period)] : [])),
      annual: project.indicators.flatMap((i) => (i.annual ? [toRow(i, i.annual)] : [])),
    },
  };
}

/** The whole seed: the unit row, the printed 合计 and every project in document order. */
export function toPortalSeed(snapshot: FormSnapshot, source: string): PortalSeed {
  return {
    source,
    unit: snapshot.units[0]?.name ?? snapshot.projects[0]?.owner ?? '',
    total: snapshot.total,
    projects: snapshot.projects.map(toPortalProject),
  };
}
