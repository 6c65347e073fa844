import type { Amounts, FormSnapshot, Indicator, Project } from '../domain/schemas';
import { splitValue } from '../domain/values';
import type { Finding } from './types';

/** What applying fixes did. */
export interface FixResult {
  snapshot: FormSnapshot;
  /** Fixes written. */
  applied: number;
  /** Fixes whose field no longer read `from` (another fix or an edit changed it first). */
  skipped: number;
}

function setProjectField(project: Project, field: string, from: string, to: string): boolean {
  switch (field) {
    case 'projectName':
      if (project.name !== from) return false;
      project.name = to;
      return true;
    case 'goal':
      if (project.goal !== from) return false;
      project.goal = to;
      return true;
    case 'annualGoal':
      if (project.annualGoal !== from) return false;
      project.annualGoal = to;
      return true;
    default:
      return field.startsWith('amounts.') ? setAmount(project.amounts, field, from, to) : false;
  }
}

function setAmount(amounts: Amounts, field: string, from: string, to: string): boolean {
  const column = field.slice('amounts.'.length) as keyof Amounts;
  if (!(column in amounts) || amounts[column] !== from) return false;
  amounts[column] = to;
  return true;
}

function setIndicatorField(indicator: Indicator, field: string, from: string, to: string): boolean {
  switch (field) {
    case 'name':
      if (indicator.name !== from) return false;
      indicator.name = to;
      return true;
    case 'explanation':
      if (indicator.explanation !== from) return false;
      indicator.explanation = to;
      return true;
    case 'period':
    case 'annual': {
      const value = indicator[field];
      if (!value || value.raw !== from) return false;
      indicator[field] = splitValue(to);
      return true;
    }
    default:
      return false;
  }
}

/**
 * Applies the findings' automatic fixes to a copy of the snapshot (the input is not changed). A fix is
 * written only where its field still reads `from`, so stale or competing fixes are skipped, never merged;
 * run the checks again and re-apply to pick up fixes that competed for one field.
 */
export function applyFixes(snapshot: FormSnapshot, findings: readonly Finding[]): FixResult {
  const copy = structuredClone(snapshot);
  let applied = 0;
  let skipped = 0;
  for (const finding of findings) {
    const fix = finding.fix;
    if (!fix) continue;
    let done = false;
    if (finding.projectIndex !== undefined) {
      const project = copy.projects[finding.projectIndex];
      if (project) {
        const indicator = finding.indicatorIndex !== undefined ? project.indicators[finding.indicatorIndex] : undefined;
        done = indicator ? setIndicatorField(indicator, fix.field, fix.from, fix.to) : setProjectField(project, fix.field, fix.from, fix.to);
      }
    } else if (finding.unitIndex !== undefined) {
      const unit = copy.units[finding.unitIndex];
      done = unit ? setAmount(unit.amounts, fix.field, fix.from, fix.to) : false;
    } else if (fix.field === 'total' && copy.total === fix.from) {
      copy.total = fix.to;
      done = true;
    }
    if (done) applied += 1;
    else skipped += 1;
  }
  return { snapshot: copy, applied, skipped };
}
