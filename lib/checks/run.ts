/**
 * The engine core: turns rule drafts into findings (names, source line/element, stable key, rendered
 * message, severity after config) and runs a list of rules over a snapshot, whole or one project at a time.
 * The registry and the public entry points live in engine.ts.
 */
import type { FormSnapshot, Project } from '../domain/schemas';
import { translate } from '../i18n';
import { checkMessages } from '../i18n/checks';
import type { CheckConfig } from './config';
import { DEFAULT_CHECK_CONFIG, profileOf } from './defaults';
import {
  type Draft,
  FINDING_FIELDS,
  type Finding,
  type FindingField,
  RULE_IDS,
  type RuleContext,
  type RuleDefinition,
  type RuleId,
  type Severity,
  type SnapshotDraft,
} from './types';

/** A rule with its options erased, so rules of different ids can be run from one list. */
interface AnyRule {
  id: RuleId;
  severity: Severity;
  project?: (project: Project, projectIndex: number, options: never, ctx: RuleContext) => Draft[];
  snapshot?: (snapshot: FormSnapshot, options: never, ctx: RuleContext) => SnapshotDraft[];
}

const contextCache = new WeakMap<CheckConfig, RuleContext>();

/**
 * The context for a validated config (see parseCheckConfig), or for the defaults when none is given.
 * Cached per config object, so a live checker passing the same config each time resolves it once.
 */
export function resolveContext(config: CheckConfig = DEFAULT_CHECK_CONFIG): RuleContext {
  let context = contextCache.get(config);
  if (!context) {
    context = { config, profile: profileOf(config), locale: config.locale };
    contextCache.set(config, context);
  }
  return context;
}

const RULE_ORDER = new Map<string, number>(RULE_IDS.map((id, i) => [id, i]));
const FIELD_ORDER = new Map<string, number>(FINDING_FIELDS.map((f, i) => [f, i]));

/** Canonical order: 合计, unit rows, then projects in form order; inside, project-level first, then by indicator, rule, field. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    group(a) - group(b) ||
    (a.unitIndex ?? a.projectIndex ?? 0) - (b.unitIndex ?? b.projectIndex ?? 0) ||
    (a.indicatorIndex ?? -1) - (b.indicatorIndex ?? -1) ||
    (RULE_ORDER.get(a.rule) ?? 0) - (RULE_ORDER.get(b.rule) ?? 0) ||
    (FIELD_ORDER.get(a.field ?? '') ?? -1) - (FIELD_ORDER.get(b.field ?? '') ?? -1) ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

function group(f: Finding): number {
  if (f.projectIndex !== undefined) return 2;
  return f.unitIndex !== undefined ? 1 : 0;
}

/** 1-based occurrence of a name among the items before it (`提高管理规范化水平` twice → 1, 2). */
function occurrence(names: readonly { name: string }[], index: number): number {
  const name = names[index]?.name;
  let n = 1;
  for (let i = 0; i < index; i += 1) if (names[i]?.name === name) n += 1;
  return n;
}

const occurrenceCache = new WeakMap<readonly { name: string }[], number[]>();

/** 1-based occurrences of every item's name, computed once per list (projects of a snapshot). */
function occurrences(items: readonly { name: string }[]): number[] {
  let result = occurrenceCache.get(items);
  if (!result) {
    const counts = new Map<string, number>();
    result = items.map((item) => {
      const n = (counts.get(item.name) ?? 0) + 1;
      counts.set(item.name, n);
      return n;
    });
    occurrenceCache.set(items, result);
  }
  return result;
}

function keyPart(name: string, nth: number): string {
  return nth > 1 ? `${name}#${nth}` : name;
}

function enabled(rule: AnyRule, ctx: RuleContext): boolean {
  return ctx.config.rules[rule.id].enabled;
}

function optionsOf(rule: AnyRule, ctx: RuleContext): never {
  return ctx.config.rules[rule.id] as never;
}

function render(draft: Draft, ctx: RuleContext): string {
  const { key, args } = draft.message;
  return (translate as (c: typeof checkMessages, l: typeof ctx.locale, k: string, ...a: unknown[]) => string)(
    checkMessages,
    ctx.locale,
    key,
    ...args,
  );
}

/** Adds what every finding carries; `seen` keeps keys unique within one run. */
function finish(
  rule: AnyRule,
  draft: Draft,
  base: { project: string; projectKey: string; projectIndex?: number; unitIndex?: number; line?: number; element?: string },
  indicatorName: string | undefined,
  indicatorKey: string | undefined,
  extra: { line?: number; element?: string },
  ctx: RuleContext,
  seen: Set<string>,
): Finding {
  const field: FindingField | undefined = draft.field;
  let key = `${rule.id}|${base.projectKey}|${indicatorKey ?? ''}|${field ?? ''}${draft.tag ? `:${draft.tag}` : ''}`;
  if (seen.has(key)) {
    let n = 2;
    while (seen.has(`${key}~${n}`)) n += 1;
    key = `${key}~${n}`;
  }
  seen.add(key);
  const line = extra.line ?? base.line;
  const element = extra.element ?? base.element;
  // Built by assignment, not conditional spreads: this runs for every finding of every keystroke.
  const finding: Finding = {
    rule: rule.id,
    severity: ctx.config.rules[rule.id].severity ?? draft.severity ?? rule.severity,
    key,
    project: base.project,
    message: '',
  };
  if (base.projectIndex !== undefined) finding.projectIndex = base.projectIndex;
  if (base.unitIndex !== undefined) finding.unitIndex = base.unitIndex;
  if (indicatorName !== undefined) finding.indicator = indicatorName;
  if (draft.indicatorIndex !== undefined) finding.indicatorIndex = draft.indicatorIndex;
  if (field !== undefined) finding.field = field;
  if (line !== undefined) finding.line = line;
  if (element !== undefined) finding.element = element;
  finding.message = render(draft, ctx);
  if (draft.fix) finding.fix = draft.fix;
  return finding;
}

function projectBase(snapshot: FormSnapshot, projectIndex: number) {
  const project = snapshot.projects[projectIndex];
  return {
    project: project?.name ?? '',
    // A full run numbers all projects once; a single-project re-check counts just this one's earlier namesakes.
    projectKey: keyPart(project?.name ?? '', occurrenceCache.get(snapshot.projects)?.[projectIndex] ?? occurrence(snapshot.projects, projectIndex)),
    projectIndex,
    line: project?.source?.line,
    element: project?.source?.element,
  };
}

/** Turns drafts about one project into findings. */
function finishProjectDrafts(
  rule: AnyRule,
  drafts: readonly Draft[],
  snapshot: FormSnapshot,
  projectIndex: number,
  ctx: RuleContext,
  seen: Set<string>,
  out: Finding[],
): void {
  if (drafts.length === 0) return;
  const base = projectBase(snapshot, projectIndex);
  const indicators = snapshot.projects[projectIndex]?.indicators ?? [];
  for (const draft of drafts) {
    const index = draft.indicatorIndex;
    const indicator = index !== undefined ? indicators[index] : undefined;
    const indicatorKey = indicator && index !== undefined ? keyPart(indicator.name, occurrence(indicators, index)) : undefined;
    out.push(
      finish(
        rule,
        draft,
        base,
        indicator?.name,
        indicatorKey,
        { line: indicator?.source?.line, element: indicator?.source?.element },
        ctx,
        seen,
      ),
    );
  }
}

/** Turns drafts from a snapshot-level rule into findings. */
function finishSnapshotDrafts(
  rule: AnyRule,
  drafts: readonly SnapshotDraft[],
  snapshot: FormSnapshot,
  ctx: RuleContext,
  seen: Set<string>,
  out: Finding[],
): void {
  for (const draft of drafts) {
    const { target } = draft;
    if (target.kind === 'project') {
      finishProjectDrafts(rule, [draft], snapshot, target.projectIndex, ctx, seen, out);
    } else if (target.kind === 'unit') {
      const unit = snapshot.units[target.unitIndex];
      const name = unit?.name ?? '';
      out.push(
        finish(
          rule,
          draft,
          {
            project: name,
            projectKey: `unit:${keyPart(name, occurrence(snapshot.units, target.unitIndex))}`,
            unitIndex: target.unitIndex,
            line: unit?.source?.line,
            element: unit?.source?.element,
          },
          undefined,
          undefined,
          {},
          ctx,
          seen,
        ),
      );
    } else {
      out.push(finish(rule, draft, { project: '合计', projectKey: 'total:合计' }, undefined, undefined, {}, ctx, seen));
    }
  }
}

/**
 * The result of a full run, kept so that one edited project can be re-checked cheaply: findings of the
 * per-project rule parts by project, and the findings of the parts that look across the snapshot.
 */
export interface CheckRun {
  /** All findings in canonical order. */
  findings: Finding[];
  /** Findings of per-project rule parts, by project index. */
  byProject: Finding[][];
  /** Findings of rule parts that look across projects (unit sums, copied lists, 合计). */
  acrossProjects: Finding[];
  /** Project names at the time of the run (keys depend on them; a rename may re-key other projects). */
  names: string[];
}

/** Runs the per-project parts of the rules for one project. */
export function runProjectRules(
  rules: readonly AnyRule[],
  snapshot: FormSnapshot,
  projectIndex: number,
  ctx: RuleContext,
): Finding[] {
  const project = snapshot.projects[projectIndex];
  if (!project) return [];
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    if (!rule.project || !enabled(rule, ctx)) continue;
    finishProjectDrafts(rule, rule.project(project, projectIndex, optionsOf(rule, ctx), ctx), snapshot, projectIndex, ctx, seen, out);
  }
  return out.sort(compareFindings);
}

/** Runs the snapshot-level parts of the rules. */
export function runSnapshotRules(rules: readonly AnyRule[], snapshot: FormSnapshot, ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    if (!rule.snapshot || !enabled(rule, ctx)) continue;
    finishSnapshotDrafts(rule, rule.snapshot(snapshot, optionsOf(rule, ctx), ctx), snapshot, ctx, seen, out);
  }
  return out.sort(compareFindings);
}

/** Puts per-project and across-project findings together in canonical order without a full sort. */
export function mergeRun(byProject: Finding[][], acrossProjects: Finding[], names: string[]): CheckRun {
  const findings: Finding[] = [];
  const extra = new Map<number, Finding[]>();
  for (const f of acrossProjects) {
    if (f.projectIndex === undefined) findings.push(f);
    else {
      const list = extra.get(f.projectIndex);
      if (list) list.push(f);
      else extra.set(f.projectIndex, [f]);
    }
  }
  for (let i = 0; i < byProject.length; i += 1) {
    const own = byProject[i] ?? [];
    const more = extra.get(i);
    if (more) findings.push(...[...own, ...more].sort(compareFindings));
    else for (const f of own) findings.push(f);
  }
  return { findings, byProject, acrossProjects, names };
}

/** Runs rules over the whole snapshot. */
export function runRules(rules: readonly AnyRule[], snapshot: FormSnapshot, ctx: RuleContext): CheckRun {
  const projects = Array.isArray(snapshot.projects) ? snapshot.projects : [];
  occurrences(projects);
  const byProject = projects.map((_, i) => runProjectRules(rules, snapshot, i, ctx));
  return mergeRun(byProject, runSnapshotRules(rules, snapshot, ctx), projects.map((p) => p.name));
}

/** Erases a rule's option type so it fits in a list of mixed rules. */
export function asAnyRule<Id extends RuleId>(rule: RuleDefinition<Id>): AnyRule {
  return rule as unknown as AnyRule;
}
