import { readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { applyFixes, type CheckConfig, type Finding, parseCheckConfig, runChecks, type Severity } from '../checks';
import type { FindingField } from '../checks/types';
import type { FormSnapshot } from '../domain/schemas';
import { LOCALES, type Locale, translator } from '../i18n';
import { checkFieldLabels } from '../i18n/checks';
import { cliMessages } from '../i18n/cli';
import { formatExportTable } from '../parse/format-export';
import { profileOf } from '../checks/defaults';
import { loadForCommand } from './import-command';
import { type CliIo, EXIT } from './run';

/** One finding as `--json` prints it: always these seven keys, null where a finding has no value. */
export interface CheckJsonFinding {
  rule: string;
  severity: Severity;
  project: string;
  indicator: string | null;
  field: FindingField | null;
  line: number | null;
  message: string;
}

/** What `tianbao check --json` prints. */
export interface CheckJson {
  projects: number;
  findings: CheckJsonFinding[];
}

interface CheckArgs {
  file?: string;
  json: boolean;
  fix: boolean;
  out?: string;
  locale?: Locale;
  config?: string;
}

type ArgsResult = { ok: true; args: CheckArgs } | { ok: false; error: (t: ReturnType<typeof cliT>) => string };

const cliT = (locale: Locale) => translator(cliMessages, locale);

/** Reads `<file> [--json] [--fix] [--out p] [--locale l] [--config c]`; `--opt=value` works too. */
export function parseCheckArgs(argv: readonly string[]): ArgsResult {
  const args: CheckArgs = { json: false, fix: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      if (args.file !== undefined) return { ok: false, error: (t) => t('error.option', { option: arg }) };
      args.file = arg;
      continue;
    }
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (name === '--json' || name === '--fix') {
      if (inline !== undefined) return { ok: false, error: (t) => t('error.option', { option: arg }) };
      args[name === '--json' ? 'json' : 'fix'] = true;
      continue;
    }
    if (name !== '--out' && name !== '--locale' && name !== '--config') {
      return { ok: false, error: (t) => t('error.option', { option: arg }) };
    }
    const value = inline ?? argv[++i];
    if (value === undefined || value === '') return { ok: false, error: (t) => t('error.optionValue', { option: name }) };
    if (name === '--locale') {
      if (!(LOCALES as readonly string[]).includes(value)) return { ok: false, error: (t) => t('error.locale', { value }) };
      args.locale = value as Locale;
    } else if (name === '--out') args.out = value;
    else args.config = value;
  }
  return { ok: true, args };
}

/** The config file (JSON) merged with `--locale`, validated; a one-line reason when it is not valid. */
async function loadConfig(args: CheckArgs): Promise<{ ok: true; config: CheckConfig } | { ok: false; reason: string }> {
  let input: Record<string, unknown> = {};
  if (args.config !== undefined) {
    try {
      input = JSON.parse(await readFile(args.config, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
  }
  const merged = args.locale ? { ...input, locale: args.locale } : input;
  try {
    return { ok: true, config: parseCheckConfig(merged) };
  } catch (error) {
    const issues = (error as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
    const reason = issues?.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; ');
    return { ok: false, reason: reason ?? String(error) };
  }
}

/** Findings in the `--json` shape. */
export function toCheckJson(snapshot: FormSnapshot, findings: readonly Finding[]): CheckJson {
  return {
    projects: snapshot.projects.length,
    findings: findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      project: f.project,
      indicator: f.indicator ?? null,
      field: f.field ?? null,
      line: f.line ?? null,
      message: f.message,
    })),
  };
}

function counts(findings: readonly Finding[]): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors += 1;
    else if (f.severity === 'warning') warnings += 1;
    else infos += 1;
  }
  return { errors, warnings, infos };
}

const MARK: Record<Severity, string> = { error: '✖', warning: '▲', info: '·' };

/** The readable report: a summary, then findings grouped by project in form order with counts per severity. */
export function formatCheckReport(file: string, snapshot: FormSnapshot, findings: readonly Finding[], locale: Locale): string {
  const t = cliT(locale);
  const field = translator(checkFieldLabels, locale);
  const lines: string[] = [t('title', { file }), t('summary', { projects: snapshot.projects.length, ...counts(findings) }), ''];
  const line = (f: Finding) => {
    const where = [f.indicator !== undefined ? f.indicator || '—' : undefined, f.field ? field(f.field) : undefined].filter(
      (x) => x !== undefined,
    );
    const fixable = f.fix ? ` [${t('fixable')}]` : '';
    return `  ${MARK[f.severity]} ${t(f.severity)} ${f.rule}${where.length > 0 ? ` · ${where.join(' · ')}` : ''}\n      ${f.message}${fixable}`;
  };
  const general = findings.filter((f) => f.projectIndex === undefined);
  if (general.length > 0) {
    lines.push(`■ ${t('group.totals')}  ${t('group.counts', counts(general))}`);
    for (const f of general) lines.push(line(f));
    lines.push('');
  }
  const byProject = new Map<number, Finding[]>();
  for (const f of findings) {
    if (f.projectIndex === undefined) continue;
    const list = byProject.get(f.projectIndex);
    if (list) list.push(f);
    else byProject.set(f.projectIndex, [f]);
  }
  const clean: string[] = [];
  snapshot.projects.forEach((project, i) => {
    const own = byProject.get(i);
    if (!own) {
      clean.push(project.name);
      return;
    }
    lines.push(`■ ${t('group.project', { index: i + 1, name: project.name, line: project.source?.line })}  ${t('group.counts', counts(own))}`);
    for (const f of own) lines.push(line(f));
    lines.push('');
  });
  if (findings.length === 0) lines.push(t('none'));
  if (clean.length > 0 && findings.length > 0) lines.push(t('clean', { count: clean.length, names: clean.join(locale === 'en' ? ', ' : '、') }));
  if (snapshot.warnings.length > 0) lines.push(t('importWarnings', { count: snapshot.warnings.length }));
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

/**
 * Applies the safe fixes until none is left (two fixes on one field land in successive passes), at most a
 * few passes so competing fixes can never loop.
 */
export function fixSnapshot(snapshot: FormSnapshot, config: CheckConfig): { snapshot: FormSnapshot; applied: number } {
  let current = snapshot;
  let applied = 0;
  for (let pass = 0; pass < 5; pass += 1) {
    const result = applyFixes(current, runChecks(current, config));
    if (result.applied === 0) break;
    applied += result.applied;
    current = result.snapshot;
  }
  return { snapshot: current, applied };
}

function defaultOutPath(file: string): string {
  return join(dirname(file), `${basename(file, extname(file))}.fixed.txt`);
}

/**
 * `tianbao check <file> [--json] [--fix]`: exit 1 when any error-severity finding exists, 0 otherwise, 2 for
 * input that cannot be read (or bad options / config). Findings are those of the file as given; `--fix`
 * also writes the normalised copy and says how many problems remain in it.
 */
export async function runCheckCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCheckArgs(argv);
  const t = cliT(parsed.ok ? (parsed.args.locale ?? 'zh-CN') : 'zh-CN');
  if (!parsed.ok) {
    io.stderr.write(`tianbao check: ${parsed.error(t)}\n${t('usage')}`);
    return EXIT.badInput;
  }
  const { args } = parsed;
  if (args.file === undefined) {
    io.stderr.write(`tianbao check: ${t('error.missingFile')}\n${t('usage')}`);
    return EXIT.badInput;
  }
  const loaded = await loadConfig(args);
  if (!loaded.ok) {
    io.stderr.write(`tianbao check: ${t('error.config', { file: args.config ?? '', reason: loaded.reason })}\n`);
    return EXIT.badInput;
  }
  const { config } = loaded;
  const tr = cliT(config.locale);
  const snapshot = await loadForCommand('check', args.file, io);
  if (!snapshot) return EXIT.badInput;

  const findings = runChecks(snapshot, config);
  if (args.json) io.stdout.write(`${JSON.stringify(toCheckJson(snapshot, findings), null, 2)}\n`);
  else io.stdout.write(formatCheckReport(args.file, snapshot, findings, config.locale));

  if (args.fix) {
    const out = args.out ?? defaultOutPath(args.file);
    const fixed = fixSnapshot(snapshot, config);
    try {
      await writeFile(out, formatExportTable(fixed.snapshot, profileOf(config)), 'utf8');
    } catch (error) {
      io.stderr.write(`tianbao check: ${tr('error.write', { file: out, reason: error instanceof Error ? error.message : String(error) })}\n`);
      return EXIT.badInput;
    }
    // Keep stdout pure JSON with --json: the note about the copy goes to stderr there.
    const note = `${tr('fixed', { file: out, applied: fixed.applied, remaining: runChecks(fixed.snapshot, config).length })}\n`;
    if (args.json) io.stderr.write(note);
    else io.stdout.write(note);
  }
  return findings.some((f) => f.severity === 'error') ? EXIT.findings : EXIT.ok;
}
