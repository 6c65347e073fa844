import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FormSnapshot } from '../../../lib/domain/schemas';
import { splitValue } from '../../../lib/domain/values';
import { explainImport, KIND_TAGS } from '../../../lib/parse/explain';
import { parseFileBytes, parseRows, parseText, ReadingTrace, type SourceRow } from '../../../lib/parse/index';

const SEED = join(__dirname, '../../fixtures/baiyun-perf-targets.txt');

function explainText(text: string, file = 'table.txt') {
  const trace = new ReadingTrace();
  const snapshot = parseText(text, { file, trace });
  return { snapshot, trace, lines: explainImport(snapshot, trace, { sourceText: text }) };
}

describe('explainImport over the seed export table', () => {
  const text = readFileSync(SEED, 'utf8');
  const { snapshot, lines } = explainText(text, 'baiyun.txt');
  const byLine = new Map(lines.map((l) => [l.line, l]));
  const sourceLines = text.split(/\r\n|\r|\n/);

  it('gives one entry per source line, in order, none lost', () => {
    const numbers = lines.map((l) => l.line).filter((n) => n > 0);
    expect(numbers).toEqual(sourceLines.map((_, i) => i + 1));
    for (const l of lines) {
      if (l.line === 0) continue;
      const first = sourceLines[l.line - 1]!.split('\t')[0]!.trim();
      // The text is the line's own cells (cut when long), so a person can find it in the file.
      if (first !== '') expect(l.text.startsWith(first.slice(0, 20))).toBe(true);
      if (sourceLines[l.line - 1]!.trim() === '') expect(l.kind).toBe('blank');
    }
  });

  it('marks every project line as a project, naming it with its money and its indicators', () => {
    expect(snapshot.projects.length).toBe(19);
    for (const p of snapshot.projects) {
      const l = byLine.get(p.source!.line!)!;
      expect(l.kind).toBe('project');
      expect(l.detail).toContain(`项目「${p.name}」 总计 ${p.amounts.total} 万元`);
      const onLine = p.indicators.filter((i) => i.source?.line === p.source!.line);
      expect(l.detail.split('\n').filter((d) => d.startsWith('指标 '))).toHaveLength(onLine.length);
    }
    const first = byLine.get(snapshot.projects[0]!.source!.line!)!;
    expect(first.detail).toContain('指标 产出指标/数量指标/专家评审 实施周期 ≥30场 年度 ≥30场');
  });

  it('carries every warning on its line', () => {
    expect(snapshot.warnings.length).toBeGreaterThan(10);
    for (const w of snapshot.warnings) expect(byLine.get(w.line)!.warnings).toContain(w.message);
    const total = lines.reduce((n, l) => n + l.warnings.length, 0);
    expect(total).toBe(snapshot.warnings.length);
  });

  it('names the unit row a subtotal and leaves the lines no rule read as unread, with their text', () => {
    const unit = snapshot.units[0]!;
    expect(byLine.get(unit.source!.line!)).toMatchObject({ kind: 'subtotal', detail: expect.stringContaining(`单位「${unit.name}」`) });
    const claimed = new Set([
      ...snapshot.projects.map((p) => p.source!.line!),
      ...snapshot.units.map((u) => u.source!.line!),
      ...snapshot.warnings.map((w) => w.line),
    ]);
    for (const l of lines) {
      if (claimed.has(l.line)) continue;
      expect(['blank', 'unread', 'header', 'title', 'subtotal', 'ignored', 'footer']).toContain(l.kind);
      if (l.kind === 'unread') expect(l.text).not.toBe('');
    }
  });

  it('cuts long lines and joins cells with " | "', () => {
    const long = byLine.get(snapshot.projects[0]!.source!.line!)!;
    expect([...long.text].length).toBeLessThanOrEqual(80);
    expect(long.text.endsWith('…')).toBe(true);
    expect(long.text).toContain(' | ');
  });
});

describe('explainImport over a small declaration table', () => {
  const table = [
    '2024年项目支出绩效目标表',
    '单位:万元',
    '项目名称\t社区养老服务补助',
    '资金总额\t120.50\t财政拨款\t100.50',
    '一级指标\t二级指标\t三级指标\t指标值',
    '产出指标\t数量指标\t培训人次\t≥280人次',
    '\t质量指标\t合格率\t100%',
    '满意度指标\t服务对象满意度指标\t满意度\t≥90%',
    '',
    '填表人:张三\t联系电话:12345',
  ].join('\n');
  const { snapshot, lines } = explainText(table);
  const at = (n: number) => lines.find((l) => l.line === n)!;

  it('reads each indicator row as an indicator with its category path and value', () => {
    expect(snapshot.projects[0]!.indicators).toHaveLength(3);
    expect(at(6)).toMatchObject({ kind: 'indicator', detail: '指标 产出指标/数量指标/培训人次 年度 ≥280人次', text: '产出指标 | 数量指标 | 培训人次 | ≥280人次' });
    expect(at(7).kind).toBe('indicator');
    expect(at(7).detail).toContain('产出指标/质量指标/合格率');
    expect(at(8).detail).toContain('满意度指标/');
  });

  it('shows the project line, the blank line and the footer without losing one', () => {
    expect(lines.map((l) => l.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(at(3)).toMatchObject({ kind: 'project' });
    expect(at(3).detail).toContain('项目「社区养老服务补助」 总计 120.50 万元,另有 3 条指标在其他行');
    expect(at(9).kind).toBe('blank');
    // The signature line gives nothing to the snapshot: an importer marks it a footer, or it stays unread.
    expect(['footer', 'unread']).toContain(at(10).kind);
    expect(at(10).text).toBe('填表人:张三 | 联系电话:12345');
    if (at(10).kind === 'footer') expect(at(10).detail).toContain('已忽略');
  });
});

describe('explainImport precedence', () => {
  const value = splitValue('≥280人次');
  const snapshot: FormSnapshot = {
    total: null,
    units: [],
    warnings: [
      { line: 4, message: '指标「培训人次」缺少一级指标' },
      { line: 6, message: '无法归入的片段「附注」' },
      { line: 0, message: '忽略了列「备注2」' },
    ],
    projects: [
      {
        name: '培训项目',
        owner: '',
        amounts: { total: '12.00', fiscal: '12.00', specialAccount: '0.00', other: '0.00' },
        goal: '',
        source: { line: 2 },
        indicators: [
          { level1: '产出指标', level2: '数量指标', name: '培训人次', period: null, annual: value, source: { line: 4 } },
          { level1: '产出指标', level2: '数量指标', name: '培训天数', period: value, annual: null, source: { line: 4 } },
        ],
      },
    ],
  };
  const rows: SourceRow[] = [
    { line: 1, cells: ['项目名称', '金额'] },
    { line: 2, cells: ['  培训项目 ', '12', '', ''] },
    { line: 3, cells: ['产出指标'] },
    { line: 4, cells: ['数量指标', '培训人次 / 培训天数'] },
    { line: 6, cells: ['附注'] },
    { line: 7, cells: ['审核意见:同意'] },
    { line: 8, cells: ['序号'] },
  ];

  function explained() {
    const trace = new ReadingTrace();
    trace.setRows(rows);
    trace.mark(1, 'header');
    trace.mark(3, 'category', '一级指标「产出指标」');
    trace.mark(4, 'category', '二级指标「数量指标」');
    trace.mark(7, 'ignored');
    trace.mark(7, 'footer', '页脚:审核意见');
    return explainImport(snapshot, trace);
  }

  it('takes the kind from the marks on lines the snapshot has nothing on, the latest mark winning', () => {
    const lines = explained();
    const at = (n: number) => lines.find((l) => l.line === n)!;
    expect(at(1)).toMatchObject({ kind: 'header', detail: '表头' });
    expect(at(3)).toMatchObject({ kind: 'category', detail: '一级指标「产出指标」' });
    expect(at(7)).toMatchObject({ kind: 'footer', detail: '页脚:审核意见,已忽略' });
    expect(at(8)).toMatchObject({ kind: 'unread', text: '序号' });
  });

  it('reads a line with indicators as indicator (listing each, the mark refining), a project line as project', () => {
    const lines = explained();
    const at = (n: number) => lines.find((l) => l.line === n)!;
    expect(at(2)).toMatchObject({ kind: 'project', detail: '项目「培训项目」 总计 12.00 万元,另有 2 条指标在其他行', text: '培训项目 | 12' });
    expect(at(4).kind).toBe('indicator');
    expect(at(4).detail.split('\n')).toEqual([
      '二级指标「数量指标」',
      '指标 产出指标/数量指标/培训人次 年度 ≥280人次',
      '指标 产出指标/数量指标/培训天数 实施周期 ≥280人次',
    ]);
    expect(at(4).warnings).toEqual(['指标「培训人次」缺少一级指标']);
  });

  it('keeps warnings of unclaimed lines and of the whole file, and fills the gap between rows', () => {
    const lines = explained();
    expect(lines.map((l) => l.line)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(lines[0]).toMatchObject({ line: 0, kind: 'warning', warnings: ['忽略了列「备注2」'] });
    expect(lines.find((l) => l.line === 5)!.kind).toBe('blank');
    expect(lines.find((l) => l.line === 6)).toMatchObject({ kind: 'warning', warnings: ['无法归入的片段「附注」'], text: '附注' });
  });

  it('has a Chinese tag for every kind', () => {
    for (const l of explained()) expect(KIND_TAGS[l.kind]).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('explainImport over the real tables of test/fixtures/real', () => {
  const dir = join(__dirname, '../../fixtures/real');
  const files = readdirSync(dir).filter((f) => /\.(txt|csv)$/.test(f));

  it.each(files)('%s: every source line once, in order; every project, indicator and warning on its line', async (name) => {
    const bytes = readFileSync(join(dir, name));
    const trace = new ReadingTrace();
    const snapshot = await parseFileBytes(bytes, name, { trace });
    const text = new TextDecoder().decode(bytes);
    const lines = explainImport(snapshot, trace, { sourceText: text });
    const count = text.replace(/(\r\n|\r|\n)$/, '').split(/\r\n|\r|\n/).length;
    expect(lines.filter((l) => l.line > 0).map((l) => l.line)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    const at = (n: number) => lines.find((l) => l.line === n)!;
    for (const p of snapshot.projects) {
      if (p.source?.line !== undefined) expect(at(p.source.line).kind).toBe('project');
      for (const i of p.indicators) {
        const line = i.source?.line;
        if (line === undefined) continue;
        expect(['project', 'indicator']).toContain(at(line).kind);
        expect(at(line).detail).toContain(`/${i.name || '(无名称)'}`);
      }
    }
    for (const w of snapshot.warnings) expect(at(w.line).warnings).toContain(w.message);
  });
});

describe('the trace gets the rows on every entry path', () => {
  it('parseRows (CSV, sheets, docx, html)', () => {
    const trace = new ReadingTrace();
    const rows: SourceRow[] = [
      { line: 1, cells: ['项目名称', '社区养老服务补助'] },
      { line: 2, cells: ['一级指标', '二级指标', '三级指标', '指标值'] },
      { line: 3, cells: ['产出指标', '数量指标', '培训人次', '≥280人次'] },
    ];
    const snapshot = parseRows(rows, { trace });
    expect(trace.rows).toBe(rows);
    expect(explainImport(snapshot, trace).find((l) => l.line === 3)!.kind).toBe('indicator');
  });

  it('parseFileBytes for a workbook: the rows of the sheet that held the table, not of the sheets tried before', async () => {
    const XLSX = await import('@e965/xlsx');
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['填报说明'], ['请按要求填写']]), '说明');
    const table = [
      ['项目名称', '社区养老服务补助'],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '培训人次', '≥280人次'],
    ];
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(table), '目标表');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const trace = new ReadingTrace();
    const snapshot = await parseFileBytes(bytes, 'book.xlsx', { trace });
    expect(trace.rows.map((r) => r.cells[0])).toEqual(['项目名称', '一级指标', '产出指标']);
    expect(trace.marks.every((m) => m.line <= 3)).toBe(true);
    expect(explainImport(snapshot, trace).map((l) => l.kind).slice(2)).toEqual(['indicator']);
  });

  it('parseText for an export table and for a declaration', () => {
    const seed = new ReadingTrace();
    parseText(readFileSync(SEED, 'utf8'), { trace: seed });
    expect(seed.rows.length).toBe(readFileSync(SEED, 'utf8').split('\n').length);
    const decl = new ReadingTrace();
    parseText('项目名称|养老\n一级指标|二级指标|三级指标|指标值\n产出指标|数量指标|人次|≥1人次', { trace: decl });
    expect(decl.rows.map((r) => r.line)).toEqual([1, 2, 3]);
  });
});
