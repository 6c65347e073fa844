import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '@/lib/cli/run';
import { formatExportTable } from '@/lib/parse/format-export';
import { makeIndicator, makeProject, makeSnapshot } from '../../fixtures/make-snapshot';

const SEED = resolve(__dirname, '../../fixtures/baiyun-perf-targets.txt');
const dir = mkdtempSync(join(tmpdir(), 'tianbao-check-'));

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['check', ...argv], {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  });
  return { code, stdout, stderr };
}

function writeTemp(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text, 'utf8');
  return path;
}

/** A clean form as the export prints it (unit named like a real unit so the importer files it as one). */
const cleanFile = () =>
  writeTemp(
    'clean.txt',
    formatExportTable(
      makeSnapshot({ projects: [makeProject({ name: '干部培训项目', owner: '示例局(本级)' })] }),
    ),
  );

describe('tianbao check --json', () => {
  it('prints { projects, findings } with exactly the seven keys per finding and exits 1 on errors', async () => {
    const { code, stdout, stderr } = await cli(SEED, '--json');
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const json = JSON.parse(stdout) as { projects: number; findings: Record<string, unknown>[] };
    expect(Object.keys(json)).toEqual(['projects', 'findings']);
    expect(json.projects).toBe(19);
    expect(json.findings.length).toBeGreaterThan(50);
    for (const f of json.findings) {
      expect(Object.keys(f)).toEqual(['rule', 'severity', 'project', 'indicator', 'field', 'line', 'message']);
    }
    expect(json.findings).toContainEqual({
      rule: 'taxonomy.mismatch',
      severity: 'error',
      project: '机关办公综合管理系统建设',
      indicator: '系统顺畅,信息安全有保障',
      field: 'level2',
      line: 17,
      message: '二级指标「质量指标」不属于一级指标「效益指标」，应归入「产出指标」',
    });
    expect(json.findings.find((f) => f.rule === 'goal.missing')).toMatchObject({ indicator: null, line: 20 });
    expect(json.findings.some((f) => String(f.rule).startsWith('totals.'))).toBe(false);
  });

  it('exits 0 on a form without errors', async () => {
    const { code, stdout } = await cli(cleanFile(), '--json');
    expect(JSON.parse(stdout)).toEqual({ projects: 1, findings: [] });
    expect(code).toBe(0);
  });

  it('exits 0 when only warnings remain (errors re-graded by a config)', async () => {
    const config = writeTemp('lenient.json', JSON.stringify({ rules: Object.fromEntries(
      ['category.missing', 'indicator.incomplete', 'value.annual-missing', 'value.malformed', 'value.unit-mismatch', 'value.name-conflict',
        'indicator.duplicate', 'taxonomy.mismatch', 'goal.missing', 'indicators.missing'].map((id) => [id, { severity: 'warning' }]),
    ) }));
    const { code, stdout } = await cli(SEED, '--json', '--config', config);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { findings: { severity: string }[] }).findings.every((f) => f.severity !== 'error')).toBe(true);
  });
});

describe('tianbao check (report)', () => {
  it('groups findings by project with counts per severity, in Chinese', async () => {
    const { code, stdout } = await cli(SEED);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^检查报告：/);
    expect(stdout).toMatch(/项目 19 个；错误 \d+ 条，警告 \d+ 条，提示 \d+ 条/);
    expect(stdout).toContain('■ 11. 机关办公综合管理系统建设（第 17 行）  错误 3 · 警告 0 · 提示 7');
    expect(stdout).toContain('二级指标「质量指标」不属于一级指标「效益指标」，应归入「产出指标」');
  });

  it('lists the projects without problems', async () => {
    const snapshot = makeSnapshot({
      projects: [
        makeProject({ name: '干部培训项目', owner: '示例局(本级)' }),
        makeProject({ name: '设备购置项目', owner: '示例局(本级)', goal: '', indicators: [makeIndicator({ name: '购置台数', period: '≥5台', annual: '≥5台' })] }),
      ],
    });
    const { stdout } = await cli(writeTemp('two.txt', formatExportTable(snapshot)));
    expect(stdout).toContain('■ 2. 设备购置项目（第 5 行）  错误 2 · 警告 0 · 提示 0');
    expect(stdout).toContain('未发现问题的项目 1 个：干部培训项目');
  });

  it('speaks English with --locale en', async () => {
    const { stdout } = await cli(SEED, '--locale', 'en');
    expect(stdout).toMatch(/^Check report: /);
    expect(stdout).toContain('Level-2 category “质量指标” does not belong under “效益指标”; it belongs under “产出指标”');
  });

  it('says so when nothing is wrong', async () => {
    const { stdout, code } = await cli(cleanFile());
    expect(stdout).toContain('未发现问题。');
    expect(code).toBe(0);
  });
});

describe('tianbao check --fix', () => {
  it('writes a normalised copy that fixes what is safe and re-reads cleanly', async () => {
    const out = join(dir, 'seed.fixed.txt');
    const before = JSON.parse((await cli(SEED, '--json')).stdout) as { findings: { rule: string }[] };
    const { code, stderr } = await cli(SEED, '--json', '--fix', '--out', out);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^已写入规范化副本：.*seed\.fixed\.txt（自动修正 \d+ 处；修正后仍有 \d+ 条问题需人工处理）\n$/);
    const fixedText = readFileSync(out, 'utf8');
    expect(fixedText).toContain('实施周期指标值:≥90%');
    expect(fixedText).not.toContain('参90%');
    expect(fixedText).toContain('大楼设备故障处理时间');
    const after = JSON.parse((await cli(out, '--json')).stdout) as { projects: number; findings: { rule: string }[] };
    expect(after.projects).toBe(19);
    const count = (list: { rule: string }[], rule: string) => list.filter((f) => f.rule === rule).length;
    expect(count(after.findings, 'text.format')).toBe(1); // the project name, which is left to a person
    expect(count(after.findings, 'value.malformed')).toBe(count(before.findings, 'value.malformed') - 3);
    // Field typos are fixed; the misprinted labels (千度指标值, 年度指标信) are gone with the reprint.
    expect(count(before.findings, 'text.typo')).toBe(6);
    expect(count(after.findings, 'text.typo')).toBe(0);
    expect(after.findings.length).toBeLessThan(before.findings.length);
  });

  it('defaults the copy to <name>.fixed.txt beside the file', async () => {
    const file = writeTemp('form.txt', readFileSync(SEED, 'utf8'));
    const { stdout } = await cli(file, '--fix');
    expect(stdout).toContain(join(dir, 'form.fixed.txt'));
    expect(readFileSync(join(dir, 'form.fixed.txt'), 'utf8')).toMatch(/^项目名称/);
  });
});

describe('tianbao check: bad input exits 2', () => {
  it.each([
    ['no file', [], '缺少文件参数'],
    ['a missing file', [join(dir, 'nope.txt')], '文件不存在'],
    ['an unknown option', [SEED, '--verbose'], '无法识别的参数「--verbose」'],
    ['an option without its value', [SEED, '--out'], '参数 --out 缺少取值'],
    ['an unsupported locale', [SEED, '--locale', 'fr'], '不支持的语言「fr」'],
    ['a config that is not JSON', [SEED, '--config', SEED], '配置文件'],
    ['a config with an unknown rule', [SEED, '--config', 'CONFIG_BAD'], 'rules'],
    ['an unreadable file', ['EMPTY'], 'tianbao check:'],
  ])('%s', async (_label, argv, message) => {
    const args = argv.map((a) =>
      a === 'CONFIG_BAD'
        ? writeTemp('bad.json', JSON.stringify({ rules: { 'totals.projects': {} } }))
        : a === 'EMPTY'
          ? writeTemp('empty.txt', '这不是绩效目标表\n')
          : a,
    );
    const { code, stdout, stderr } = await cli(...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
  });
});

it('a finding-free snapshot built by the factory stays finding-free through the writer', async () => {
  const snapshot = makeSnapshot({
    projects: [makeProject({ name: '干部培训项目', owner: '示例局(本级)', indicators: [makeIndicator(), ...makeProject().indicators.slice(1)] })],
  });
  const { code } = await cli(writeTemp('factory.txt', formatExportTable(snapshot)), '--json');
  expect(code).toBe(0);
});
