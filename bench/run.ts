/**
 * `npm run bench`: runs every benchmark suite one after another (never in parallel: the machine's cores
 * are shared), states the machine, compares each figure with its target, and writes bench/results.json
 * and bench/results.md (the same table it prints). Benchmarks never run inside `npm test`.
 *
 * `npm run bench -- browser` (or any suite names) runs only those suites.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { round } from './sampling';
import { median, middle } from './stats';
import { type BenchFigure, type BenchSuite, CHILD_MARK } from './types';

/** The machine the figures came from. */
export interface BenchMachine {
  cpu: string;
  cores: number;
  memoryGB: number;
  node: string;
  chromium: string;
  platform: string;
  /** 1-minute load average when the run started: other work on the machine slows every figure. */
  loadAtStart: number;
  /**
   * CPU ms of a fixed integer loop (median of 30) at the start: the machine's speed for single-threaded
   * JavaScript, so a run whose Node figures all moved together can be told from a change in the code.
   */
  referenceMs?: number;
}

/** Where the loop's result goes, so the compiler cannot drop the loop. */
export let referenceSink = 0;

/** The fixed reference workload: a 2-million-step integer hash, its CPU time per call (median of 30). */
export function referenceLoopMs(): number {
  const times: number[] = [];
  for (let run = 0; run < 31; run += 1) {
    const start = process.cpuUsage();
    let h = run;
    for (let i = 0; i < 2_000_000; i += 1) h = (h * 31 + i) | 0;
    referenceSink ^= h;
    const used = process.cpuUsage(start);
    if (run > 0) times.push((used.user + used.system) / 1000);
  }
  return Number(median(times).toFixed(2));
}

/** One figure with its verdict. */
export interface BenchResult extends BenchFigure {
  suite: string;
  /** `met`/`missed` against the target; `n/a` without a target or without a value (skipped). */
  status: 'met' | 'missed' | 'n/a';
  /** The same figure in the previous results, for repeatability: its p50 where there is one, else its value. */
  previous?: number;
}

/** How far two runs of a figure may differ and still agree (issue #10: within 20%). */
export const REPEAT_TOLERANCE = 0.2;

/**
 * The figure compared between runs: the median where there is one (p95 of a few runs is their maximum),
 * else the value.
 */
export function comparable(f: Pick<BenchFigure, 'p50' | 'value'>): number {
  return f.p50 ?? f.value;
}

/** Relative change of a figure against its previous run, or null when either is missing. */
export function change(r: Pick<BenchResult, 'p50' | 'value' | 'previous'>): number | null {
  const now = comparable(r);
  if (r.previous === undefined || !Number.isFinite(now) || !Number.isFinite(r.previous) || r.previous === 0) return null;
  return now / r.previous - 1;
}

/** Copies each figure's previous p50 or value (same id) from an earlier results.json, if there is one. */
export function withPrevious(results: readonly BenchResult[], previous: unknown): BenchResult[] {
  type Stored = { id?: unknown; p50?: unknown; value?: unknown };
  const list = (previous as { results?: Stored[] } | null)?.results;
  if (!Array.isArray(list)) return [...results];
  const byId = new Map(list.map((r) => [String(r.id), r]));
  return results.map((r) => {
    const old = byId.get(r.id);
    if (!old) return r;
    const value = typeof old.p50 === 'number' ? old.p50 : typeof old.value === 'number' ? old.value : NaN;
    return Number.isFinite(value) ? { ...r, previous: value } : r;
  });
}

/** Processes per Node suite (`BENCH_FORKS`, default 3). */
const FORKS = Math.max(1, Number(process.env.BENCH_FORKS) || 3);
/** Passes of the browser suite (`BENCH_BROWSER_PASSES`, default 2), each in its own process, minutes apart. */
const BROWSER_PASSES = Math.max(1, Number(process.env.BENCH_BROWSER_PASSES) || 2);

/** A suite module: its figures, and optionally the figures derived from others, made again after a merge. */
interface SuiteModule {
  default: BenchSuite;
  derive?: (figures: readonly BenchFigure[]) => BenchFigure[];
}

/**
 * The suites, in the order they run, each in `processes` fresh processes one after another (mergeRuns): the
 * machine's speed for the same code swings between two levels in phases of seconds to minutes, and a figure
 * measured in one window of time reflects that window; several windows minutes apart make it the machine's.
 * Modules are loaded lazily (for `derive`) so one suite's missing dependency does not stop the rest.
 */
const SUITES: ReadonlyArray<{ name: string; file: string; processes: number; load: () => Promise<SuiteModule> }> = [
  { name: 'import', file: 'import.bench.ts', processes: FORKS, load: () => import('./import.bench') },
  { name: 'checks', file: 'checks.bench.ts', processes: FORKS, load: () => import('./checks.bench') },
  { name: 'library', file: 'library.bench.ts', processes: FORKS, load: () => import('./library.bench') },
  { name: 'browser', file: 'browser.bench.ts', processes: BROWSER_PASSES, load: () => import('./browser.bench') },
  { name: 'pdf', file: 'pdf.bench.ts', processes: FORKS, load: () => import('./pdf.bench') },
];

/**
 * One figure list from several processes' runs of the same suite: per figure (in the first run's order),
 * the median of each statistic over the runs that have it (the mean of the middle two for an even count);
 * the note of the run whose value is nearest the median, with every run's value appended.
 */
export function mergeRuns(runs: ReadonlyArray<readonly BenchFigure[]>): BenchFigure[] {
  if (runs.length === 1) return [...runs[0]!];
  const ids = runs[0]?.map((f) => f.id) ?? [];
  return ids.map((id) => {
    const same = runs.map((r) => r.find((f) => f.id === id)).filter((f): f is BenchFigure => f !== undefined);
    const finite = (pick: (f: BenchFigure) => number | undefined) =>
      same.map(pick).filter((v): v is number => v !== undefined && Number.isFinite(v));
    const values = finite((f) => f.value);
    if (values.length === 0) return same[0]!;
    const value = round(middle(values));
    const nearest = same.filter((f) => Number.isFinite(f.value)).reduce((a, b) => (Math.abs(b.value - value) < Math.abs(a.value - value) ? b : a));
    const stat = (pick: (f: BenchFigure) => number | undefined) => {
      const list = finite(pick);
      return list.length > 0 ? round(middle(list)) : undefined;
    };
    const p50 = stat((f) => f.p50);
    const p95 = stat((f) => f.p95);
    const cpuP50 = stat((f) => f.cpuP50);
    return {
      ...nearest,
      value,
      ...(p50 === undefined ? {} : { p50 }),
      ...(p95 === undefined ? {} : { p95 }),
      ...(cpuP50 === undefined ? {} : { cpuP50 }),
      note: `median of ${same.length} processes (value ${values.join(' / ')} ${nearest.unit}); ${nearest.note ?? ''}`.replace(/; $/, ''),
    };
  });
}

/** Runs a suite file in a fresh Node process (tsx) and reads the figures it prints. */
function runChild(file: string): Promise<BenchFigure[]> {
  const dir = fileURLToPath(new URL('.', import.meta.url));
  const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [`${dir}${file}`], { env: { ...process.env, BENCH_CHILD: '1' }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith(CHILD_MARK));
      if (code !== 0 || !line) {
        reject(new Error(`${file} exited with ${code}${line ? '' : ' and printed no figures'}: ${out.slice(-300)}`));
        return;
      }
      resolve(JSON.parse(line.slice(CHILD_MARK.length)) as BenchFigure[]);
    });
  });
}

function chromiumVersion(): string {
  const path = process.env.CHROME_PATH?.trim() || '/usr/bin/chromium';
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8', timeout: 15_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return `unknown (${path} --version failed)`;
  }
}

export function machine(): BenchMachine {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    chromium: chromiumVersion(),
    platform: `${process.platform} ${process.arch}`,
    loadAtStart: Number(loadavg()[0]!.toFixed(2)),
    referenceMs: referenceLoopMs(),
  };
}

/** `met` when the figure satisfies its target. */
export function verdict(figure: BenchFigure): BenchResult['status'] {
  if (!figure.target || !Number.isFinite(figure.value)) return 'n/a';
  const { op, value } = figure.target;
  return (op === '<=' ? figure.value <= value : figure.value >= value) ? 'met' : 'missed';
}

function num(n: number | undefined): string {
  if (n === undefined || !Number.isFinite(n)) return '—';
  if (Math.abs(n) >= 100) return String(Math.round(n));
  if (Math.abs(n) >= 10) return n.toFixed(1);
  return n.toFixed(2);
}

const MARK: Record<BenchResult['status'], string> = { met: '✅ met', missed: '❌ missed', 'n/a': '—' };

/** The results as a Markdown table, with the machine above it. */
export function markdown(results: readonly BenchResult[], host: BenchMachine, at: string, previousAt?: string): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = [
    '# Tianbao benchmarks · 性能基准',
    '',
    `Generated by \`npm run bench\` on ${at}.`,
    '',
    `Machine: ${host.cpu}, ${host.cores} cores, ${host.memoryGB} GB RAM, ${host.platform}; Node ${host.node}; ${host.chromium}; load average ${host.loadAtStart} at start${host.referenceMs === undefined ? '' : `; reference loop ${host.referenceMs} ms CPU (machine speed, lower is faster)`}.`,
    '',
    '| 指标 Figure | p50 | p95 | value | target | status | vs previous run | notes |',
    '|---|---:|---:|---:|---|---|---:|---|',
  ];
  for (const r of results) {
    const target = r.target ? `${r.target.op === '<=' ? '≤' : '≥'} ${r.target.value} ${r.unit}` : '';
    const delta = change(r);
    const vs =
      delta === null
        ? ''
        : `${delta >= 0 ? '+' : ''}${Math.round(delta * 100)}%${Math.abs(delta) > REPEAT_TOLERANCE ? ' ⚠' : ''}`;
    lines.push(
      `| ${cell(r.label)} \`${r.id}\` | ${num(r.p50)} | ${num(r.p95)} | ${num(r.value)} ${r.unit} | ${target} | ${MARK[r.status]} | ${vs} | ${cell(r.note ?? '')} |`,
    );
  }
  const met = results.filter((r) => r.status === 'met').length;
  const missed = results.filter((r) => r.status === 'missed').length;
  lines.push('', `${met} targets met, ${missed} missed, ${results.length - met - missed} figures without a target or skipped.`);
  const compared = results.map(change).filter((d): d is number => d !== null);
  if (compared.length > 0) {
    const within = compared.filter((d) => Math.abs(d) <= REPEAT_TOLERANCE).length;
    lines.push(
      '',
      `Repeatability: ${within} of ${compared.length} figures within ${REPEAT_TOLERANCE * 100}% of the previous run${previousAt ? ` (${previousAt})` : ''} (medians where there are distributions, else values; ⚠ marks the others).`,
    );
  }
  lines.push('');
  return lines.join('\n');
}

async function main(argv: readonly string[]): Promise<number> {
  const named = argv.filter((a) => !a.startsWith('-'));
  // `BENCH_ONLY=pdf npm run bench`: a suite's name there runs that suite alone (other values are parts of
  // the browser suite, read by browser.bench.ts).
  const only = process.env.BENCH_ONLY?.trim() ?? '';
  const wanted = named.length === 0 && SUITES.some((s) => s.name === only) ? [only] : named;
  const unknown = wanted.filter((w) => !SUITES.some((s) => s.name === w));
  if (unknown.length > 0) {
    console.error(`Unknown suite(s): ${unknown.join(', ')}. Suites: ${SUITES.map((s) => s.name).join(', ')}`);
    return 2;
  }
  const host = machine();
  console.log(`Machine: ${host.cpu} × ${host.cores}, Node ${host.node}, ${host.chromium}, load ${host.loadAtStart}`);
  const results: BenchResult[] = [];
  let failed = 0;
  for (const { name, file, processes, load } of SUITES) {
    if (wanted.length > 0 && !wanted.includes(name)) continue;
    const started = performance.now();
    console.log(`\n▶ ${name} …`);
    try {
      const runs: BenchFigure[][] = [];
      for (let i = 0; i < processes; i += 1) {
        console.log(`  process ${i + 1} of ${processes}`);
        runs.push(await runChild(file));
      }
      const { derive } = await load();
      const merged = mergeRuns(runs);
      const figures = derive ? derive(merged) : merged;
      for (const f of figures) results.push({ ...f, suite: name, status: verdict(f) });
      console.log(`  ${figures.length} figures in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } catch (error) {
      failed += 1;
      console.error(`  suite ${name} failed:`, error);
      results.push({ id: `${name}.failed`, label: `${name} suite failed`, unit: 'ms', value: NaN, note: String((error as Error)?.message ?? error).slice(0, 300), suite: name, status: 'n/a' });
    }
  }
  const at = new Date().toISOString();
  const dir = fileURLToPath(new URL('.', import.meta.url));
  const partial = wanted.length > 0;
  let previous: unknown = null;
  try {
    previous = JSON.parse(readFileSync(`${dir}results.json`, 'utf8'));
  } catch {
    // First run, or no readable earlier results: nothing to compare with.
  }
  const compared = withPrevious(results, previous);
  results.splice(0, results.length, ...compared);
  const previousAt = (previous as { generatedAt?: string } | null)?.generatedAt;
  const table = markdown(results, host, at, previousAt);
  // A partial run (named suites) prints its table but leaves the committed full results alone.
  if (!partial) {
    writeFileSync(`${dir}results.json`, JSON.stringify({ generatedAt: at, machine: host, results }, null, 2) + '\n');
    writeFileSync(`${dir}results.md`, table);
  }
  console.log('\n' + table);
  if (!partial) console.log('Wrote bench/results.json and bench/results.md');
  return failed > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
