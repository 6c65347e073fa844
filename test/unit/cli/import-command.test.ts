import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '@/lib/cli/run';

const seedPath = fileURLToPath(new URL('../../fixtures/baiyun-perf-targets.txt', import.meta.url));

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
  return { code, stdout, stderr };
}

describe('tianbao import', () => {
  it('prints the snapshot as JSON in the documented shape', async () => {
    const { code, stdout, stderr } = await cli('import', seedPath, '--json');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const json = JSON.parse(stdout);
    expect(json.total).toBe('10540.32');
    expect(json.projects).toHaveLength(19);
    const first = json.projects[0];
    expect(Object.keys(first)).toEqual(expect.arrayContaining(['name', 'owner', 'amounts', 'goal', 'indicators']));
    expect(first.amounts).toEqual({ total: '712.97', fiscal: '712.97', specialAccount: '0.00', other: '0.00' });
    expect(first.owner).toBe('广州市白云区政务服务数据管理局(本级)');
    expect(first.indicators[0]).toMatchObject({
      level1: '产出指标',
      level2: '数量指标',
      name: '专家评审',
      period: { symbol: '≥', value: '30', unit: '场', text: '' },
      annual: { symbol: '≥', value: '30', unit: '场', text: '' },
    });
    expect(json.warnings[0]).toEqual({ line: expect.any(Number), message: expect.any(String) });
  });

  it('prints a readable Chinese summary without --json', async () => {
    const { code, stdout } = await cli('import', seedPath);
    expect(code).toBe(0);
    expect(stdout).toContain('项目 19 个');
    expect(stdout).toContain('合计 10540.32 万元');
    expect(stdout).toContain('■ 信息化项目管理经费');
  });

  it('keeps its summary and JSON the same when --explain is known (the flag changes nothing unless given)', async () => {
    const plain = await cli('import', seedPath);
    expect(plain.stdout).not.toContain('逐行读取说明');
    const json = JSON.parse((await cli('import', seedPath, '--json')).stdout);
    expect(Object.keys(json)).toEqual(['total', 'layout', 'units', 'projects', 'warnings']);
  });

  it.each([
    [['import', '/nonexistent/x.txt'], '/nonexistent/x.txt: 文件不存在'],
    [['import', '/nonexistent/x.txt', '--explain'], '/nonexistent/x.txt: 文件不存在'],
    [['import'], '缺少文件参数'],
    [['import', seedPath, '--bogus'], 'unknown option --bogus'],
    [['frobnicate'], 'unknown command'],
  ])('exits 2 with one line for %j', async (argv, message) => {
    const { code, stderr, stdout } = await cli(...argv);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(stdout).toBe('');
  });

  it('exits 2 naming the file for unrecognisable content', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tianbao-'));
    const file = join(dir, 'notes.txt');
    writeFileSync(file, '会议纪要\n没有表格');
    const { code, stderr } = await cli('import', file, '--json');
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('notes.txt');
  });
});

describe('tianbao import --explain', () => {
  const seedLines = readFileSync(seedPath, 'utf8').split(/\r\n|\r|\n/);

  function declarationFile(): string {
    const dir = mkdtempSync(join(tmpdir(), 'tianbao-'));
    const file = join(dir, 'declaration.txt');
    writeFileSync(
      file,
      [
        '2024年项目支出绩效目标表',
        '项目名称\t社区养老服务补助',
        '资金总额\t120.50\t财政拨款\t100.50',
        '一级指标\t二级指标\t三级指标\t指标值',
        '产出指标\t数量指标\t培训人次\t≥280人次',
        '满意度指标\t服务对象满意度指标\t满意度\t≥90%',
        '',
        '填表人:张三\t联系电话:12345',
      ].join('\n'),
    );
    return file;
  }

  it('--json prints { file, lines } with one reading per source line of the seed', async () => {
    const { code, stdout, stderr } = await cli('import', seedPath, '--explain', '--json');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const json = JSON.parse(stdout) as { file: string; lines: Array<{ line: number; text: string; kind: string; detail: string; warnings: string[] }> };
    expect(json.file).toBe(seedPath);
    expect(json.lines.filter((l) => l.line > 0).map((l) => l.line)).toEqual(seedLines.map((_, i) => i + 1));
    const snapshot = JSON.parse((await cli('import', seedPath, '--json')).stdout) as {
      projects: Array<{ name: string; line: number }>;
      warnings: Array<{ line: number; message: string }>;
    };
    for (const p of snapshot.projects) {
      const l = json.lines.find((x) => x.line === p.line)!;
      expect(l.kind).toBe('project');
      expect(l.detail).toContain(`项目「${p.name}」`);
    }
    for (const w of snapshot.warnings) expect(json.lines.find((x) => x.line === w.line)!.warnings).toContain(w.message);
  });

  it('prints each line with its number, a Chinese tag, its text and the details indented', async () => {
    const { code, stdout } = await cli('import', seedPath, '--explain');
    expect(code).toBe(0);
    const out = stdout.split('\n');
    expect(out[0]).toBe(`文件: ${seedPath}(逐行读取说明)`);
    const five = out.findIndex((l) => /^ {2}5 项目/.test(l));
    expect(five).toBeGreaterThan(0);
    expect(out[five]).toContain('信息化项目管理经费 | 712.97');
    expect(out[five + 1]).toMatch(/^ {10}项目「信息化项目管理经费」 总计 712.97 万元$/);
    expect(out.slice(five + 1, five + 9)).toContain('          指标 产出指标/数量指标/专家评审 实施周期 ≥30场 年度 ≥30场');
    expect(stdout).toContain('          ⚠ 指标「造价审核」的年度指标值重复打印,已合并');
    expect(out.some((l) => /^ {2}8 空行$/.test(l))).toBe(true);
    expect(out.some((l) => /^ {2}4 小计/.test(l))).toBe(true);
    expect(stdout).toMatch(/共 27 行:.*项目 19/);
  });

  it('shows a declaration table: indicators, the blank line and the signature footer', async () => {
    const file = declarationFile();
    const { code, stdout } = await cli('import', file, '--explain');
    expect(code).toBe(0);
    const out = stdout.split('\n');
    expect(out).toContain('  5 指标　 产出指标 | 数量指标 | 培训人次 | ≥280人次');
    expect(out).toContain('          指标 产出指标/数量指标/培训人次 年度 ≥280人次');
    expect(out).toContain('  7 空行');
    // The footer is marked by the importer (页脚) or shown as unread; never dropped and never an indicator.
    expect(out.some((l) => /^ {2}8 (页脚\u3000|未读取) 填表人:张三 \| 联系电话:12345$/.test(l))).toBe(true);
  });

  it('names the file and exits 2 for an unreadable table, printing nothing on stdout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tianbao-'));
    const file = join(dir, 'notes.txt');
    writeFileSync(file, '会议纪要\n没有表格');
    const { code, stdout, stderr } = await cli('import', file, '--explain');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('notes.txt');
  });
});
