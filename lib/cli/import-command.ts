import { formatValue } from '../domain';
import type { FormSnapshot } from '../domain';
import { InputError, ReadingTrace } from '../parse';
import { explainImport, KIND_TAGS, type LineReading } from '../parse/explain';
import { loadSnapshotFile } from './load';
import { EXIT, type CliIo } from './run';
import { snapshotToJson } from './snapshot-json';

/** Splits `<file> [--json]` style arguments; unknown flags are an error, not ignored. */
export function parseArgs(args: readonly string[], flags: readonly string[]): { file?: string; flags: Set<string>; error?: string } {
  const set = new Set<string>();
  let file: string | undefined;
  for (const arg of args) {
    if (arg.startsWith('--')) {
      if (!flags.includes(arg)) return { flags: set, error: `unknown option ${arg}` };
      set.add(arg);
    } else if (file === undefined) file = arg;
    else return { flags: set, error: `unexpected argument ${arg}` };
  }
  return { file, flags: set };
}

/** Reads a file for a command, printing the one-line InputError and returning null on bad input. */
export async function loadForCommand(
  command: string,
  file: string | undefined,
  io: CliIo,
  trace?: ReadingTrace,
): Promise<FormSnapshot | null> {
  if (file === undefined) {
    io.stderr.write(`tianbao ${command}: 缺少文件参数 (usage: tianbao ${command} <file>)\n`);
    return null;
  }
  try {
    return await loadSnapshotFile(file, trace ? { trace } : {});
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr.write(`tianbao ${command}: ${error.message}\n`);
      return null;
    }
    throw error;
  }
}

/**
 * `tianbao import <file> [--json] [--explain]`: the snapshot as JSON, or a readable summary in Chinese;
 * with --explain, how each source line was read (`{ file, lines }` with --json).
 */
export async function runImportCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, ['--json', '--explain']);
  if (parsed.error) {
    io.stderr.write(`tianbao import: ${parsed.error}\n`);
    return EXIT.badInput;
  }
  const trace = parsed.flags.has('--explain') ? new ReadingTrace() : undefined;
  const snapshot = await loadForCommand('import', parsed.file, io, trace);
  if (!snapshot) return EXIT.badInput;
  if (trace) {
    const lines = explainImport(snapshot, trace, trace.sourceText !== undefined ? { sourceText: trace.sourceText } : {});
    io.stdout.write(parsed.flags.has('--json') ? `${JSON.stringify({ file: parsed.file, lines }, null, 2)}\n` : formatExplain(lines, parsed.file!));
    return EXIT.ok;
  }
  if (parsed.flags.has('--json')) {
    io.stdout.write(`${JSON.stringify(snapshotToJson(snapshot), null, 2)}\n`);
    return EXIT.ok;
  }
  io.stdout.write(formatSummary(snapshot, parsed.file!));
  return EXIT.ok;
}

function formatSummary(snapshot: FormSnapshot, file: string): string {
  const lines: string[] = [];
  const indicatorCount = snapshot.projects.reduce((n, p) => n + p.indicators.length, 0);
  lines.push(`文件: ${file}`);
  lines.push(`项目 ${snapshot.projects.length} 个,指标 ${indicatorCount} 条${snapshot.total !== null ? `,合计 ${snapshot.total} 万元` : ''}`);
  for (const unit of snapshot.units) lines.push(`单位: ${unit.name}  总计 ${unit.amounts.total} 万元`);
  lines.push('');
  for (const p of snapshot.projects) {
    lines.push(`■ ${p.name}  总计 ${p.amounts.total} 万元(财政拨款 ${p.amounts.fiscal})  指标 ${p.indicators.length} 条`);
    for (const i of p.indicators) {
      const period = i.period ? formatValue(i.period) : '—';
      const annual = i.annual ? formatValue(i.annual) : '—';
      lines.push(`    ${i.level1 || '?'} / ${i.level2 || '?'} / ${i.name || '(无名称)'}  实施周期: ${period}  年度: ${annual}`);
    }
  }
  if (snapshot.warnings.length > 0) {
    lines.push('', `提示 ${snapshot.warnings.length} 条(无法归入或已合并的片段):`);
    for (const w of snapshot.warnings) lines.push(`  第${w.line}行: ${w.message}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Tags are 2–3 Chinese characters; padded with ideographic spaces so the texts line up. */
function tag(reading: LineReading): string {
  return KIND_TAGS[reading.kind].padEnd(3, '\u3000');
}

/** `  5 项目 信息化项目管理经费 | 712.97 | …` (tag padded), with the details and warnings indented under it. */
export function formatExplain(lines: readonly LineReading[], file: string): string {
  const width = Math.max(3, String(Math.max(0, ...lines.map((l) => l.line))).length);
  const indent = ' '.repeat(width + 1 + 6);
  const out: string[] = [`文件: ${file}(逐行读取说明)`, ''];
  for (const l of lines) {
    const number = l.line === 0 ? '全文'.padStart(width - 2) : String(l.line).padStart(width);
    out.push(`${number} ${tag(l)}${l.text ? ` ${l.text}` : ''}`.trimEnd());
    for (const d of l.detail.split('\n')) if (d !== '') out.push(`${indent}${d}`);
    for (const w of l.warnings) out.push(`${indent}⚠ ${w}`);
  }
  const counts = new Map<string, number>();
  for (const l of lines) if (l.line > 0) counts.set(KIND_TAGS[l.kind], (counts.get(KIND_TAGS[l.kind]) ?? 0) + 1);
  const warnings = lines.reduce((n, l) => n + l.warnings.length, 0);
  out.push(
    '',
    `共 ${lines.filter((l) => l.line > 0).length} 行:${[...counts].map(([k, n]) => `${k} ${n}`).join(',')}${warnings > 0 ? `;提示 ${warnings} 条` : ''}`,
  );
  return `${out.join('\n')}\n`;
}
