/** Shared helpers for check tests. */
import { type CheckConfigInput, type Finding, parseCheckConfig, RULES, type RuleId } from '@/lib/checks';
import type { FormSnapshot } from '@/lib/domain';
import { makeProject, makeSnapshot, type ProjectOverrides } from '../../fixtures/make-snapshot';

/** Runs one rule over a snapshot. */
export function checkWith(rule: RuleId, snapshot: FormSnapshot, config?: CheckConfigInput): Finding[] {
  return RULES[rule].check(snapshot, config === undefined ? undefined : parseCheckConfig(config));
}

/** Runs one rule over a single project built from overrides. */
export function checkProjectWith(rule: RuleId, project: ProjectOverrides, config?: CheckConfigInput): Finding[] {
  return checkWith(rule, makeSnapshot({ projects: [makeProject(project)] }), config);
}

/** What most rule tests compare: where each finding points and how severe it is. */
export function where(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.severity}:${f.indicatorIndex ?? '-'}:${f.field ?? '-'}`);
}
