import { mkdtempSync, writeFileSync } from 'node:fs';
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

  it.each([
    [['import', '/nonexistent/x.txt'], '/nonexistent/x.txt: 文件不存在'],
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
