/**
 * How the side panel lays out a tab's findings: grouped by project, then by severity (errors first),
 * with counts, and a status per project (✓ / ⚠ / ✗) a person takes in at a glance. Pure.
 */
import type { PageFinding } from '../page/protocol';

/** error → warning → info: the order people fix things in. */
export const SEVERITY_ORDER = ['error', 'warning', 'info'] as const;
export type FindingSeverity = (typeof SEVERITY_ORDER)[number];

/** Findings per severity. */
export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

/**
 * A project's state: `error` (✗, the portal or a reviewer will reject it), `warning` (⚠, a reviewer
 * is likely to send it back), `ok` (✓, nothing but notes).
 */
export type ProjectStatus = 'ok' | 'warning' | 'error';

/** The glyph shown for a status; always next to a text label, never colour alone. */
export const STATUS_SYMBOL: Readonly<Record<ProjectStatus, string>> = { ok: '✓', warning: '⚠', error: '✗' };

/** One severity block of a project. */
export interface SeverityGroup {
  severity: FindingSeverity;
  findings: PageFinding[];
}

/** One project's findings. */
export interface ProjectGroup {
  /** 项目名称 as the finding names it ('' when the page shows none). */
  project: string;
  counts: SeverityCounts;
  status: ProjectStatus;
  /** Non-empty severity blocks, errors first. */
  severities: SeverityGroup[];
}

export function countFindings(findings: readonly Pick<PageFinding, 'severity'>[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

/** ✗ with any error, ⚠ with any warning, else ✓ (notes alone do not make a form fail review). */
export function statusOf(counts: SeverityCounts): ProjectStatus {
  if (counts.error > 0) return 'error';
  if (counts.warning > 0) return 'warning';
  return 'ok';
}

/**
 * Groups findings by project (in the order projects first appear), then by severity. Inside a block,
 * findings keep the form's order: by indicator position, project-level findings first.
 */
export function groupFindings(findings: readonly PageFinding[]): ProjectGroup[] {
  const byProject = new Map<string, PageFinding[]>();
  for (const f of findings) {
    const list = byProject.get(f.project);
    if (list) list.push(f);
    else byProject.set(f.project, [f]);
  }
  return [...byProject].map(([project, list]) => {
    const ordered = list
      .map((finding, at) => ({ finding, at }))
      .sort((a, b) => (a.finding.indicatorIndex ?? -1) - (b.finding.indicatorIndex ?? -1) || a.at - b.at)
      .map((x) => x.finding);
    const severities = SEVERITY_ORDER.map((severity) => ({ severity, findings: ordered.filter((f) => f.severity === severity) })).filter(
      (g) => g.findings.length > 0,
    );
    const counts = countFindings(list);
    return { project, counts, status: statusOf(counts), severities };
  });
}
