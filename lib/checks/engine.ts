/**
 * Public entry points of the check engine (zod-free; configs are validated beforehand with parseCheckConfig): a full run, one project, and an incremental re-check of one
 * edited project that reuses the previous run (what the content script does on every edit).
 */
import type { FormSnapshot } from '../domain/schemas';
import type { CheckConfig } from './config';
import { RULE_LIST } from './registry';
import {
  asAnyRule,
  type CheckRun,
  compareFindings,
  mergeRun,
  resolveContext,
  runProjectRules,
  runRules,
  runSnapshotRules,
} from './run';
import { resetCopiedIndicatorsState } from './rules/project-copied-indicators';
import { resetUnitTotalsState } from './rules/totals-unit';
import type { Finding } from './types';

const ALL = RULE_LIST.map((rule) => asAnyRule(rule));

/**
 * Forgets what the across-project rules kept from their last run (they then start from scratch). Results never
 * depend on that state as long as snapshots are treated as values — edits make new project / indicator
 * objects instead of changing them in place; this is for tests that compare both paths, and for callers
 * that did change a snapshot in place.
 */
export function forgetIncrementalState(): void {
  resetCopiedIndicatorsState();
  resetUnitTotalsState();
}

/** All rules over a snapshot, findings in canonical order (合计, units, then projects in form order). */
export function runChecks(snapshot: FormSnapshot, config?: CheckConfig): Finding[] {
  return runChecksDetailed(snapshot, config).findings;
}

/** Like runChecks, keeping what recheckProject needs to update the result cheaply. */
export function runChecksDetailed(snapshot: FormSnapshot, config?: CheckConfig): CheckRun {
  return runRules(ALL, snapshot, resolveContext(config));
}

/**
 * Every finding about one project: its per-project rules, plus the across-project findings that land on
 * it (a copied indicator list). Unit and 合计 findings are not about a project and are not included.
 */
export function checkProject(snapshot: FormSnapshot, projectIndex: number, config?: CheckConfig): Finding[] {
  const ctx = resolveContext(config);
  const own = runProjectRules(ALL, snapshot, projectIndex, ctx);
  const across = runSnapshotRules(ALL, snapshot, ctx).filter((f) => f.projectIndex === projectIndex);
  return [...own, ...across].sort(compareFindings);
}

/**
 * Re-checks one edited project: re-runs the per-project rules for it and the across-project rules (unit
 * sums and copied lists depend on every project, but are cheap: parsed amounts and name sets are cached
 * per unchanged project object). Equal to a full run of `snapshot` as long as `previous` was a run of a
 * snapshot with the same projects except `projectIndex`; when the number of projects changed it falls back
 * to a full run.
 */
export function recheckProject(
  previous: CheckRun,
  snapshot: FormSnapshot,
  projectIndex: number,
  config?: CheckConfig,
): CheckRun {
  const ctx = resolveContext(config);
  const projects = snapshot.projects;
  if (previous.byProject.length !== projects.length || !projects[projectIndex]) return runRules(ALL, snapshot, ctx);
  const oldName = previous.names[projectIndex];
  const newName = projects[projectIndex].name;
  // Keys number same-named projects (名称#2); a rename to or from a shared name re-keys others.
  if (oldName !== newName && projects.some((p, i) => i !== projectIndex && (p.name === oldName || p.name === newName))) {
    return runRules(ALL, snapshot, ctx);
  }
  const byProject = previous.byProject.slice();
  byProject[projectIndex] = runProjectRules(ALL, snapshot, projectIndex, ctx);
  const names = previous.names.slice();
  names[projectIndex] = newName;
  return mergeRun(byProject, runSnapshotRules(ALL, snapshot, ctx), names);
}
