import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formSnapshotSchema } from '@/lib/domain';
import type { SourceRow } from '@/lib/parse';
import { parseDeclarationRows } from '@/lib/parse/declaration';
import { readHtmlRows } from '@/lib/parse/read-html';
import { textToRows } from '@/lib/parse/text-grid';
import { BASIC, SIDE_BY_SIDE, toSheetRows, WIDE } from '../../fixtures/declarations/tables';

/** Words tables are made of, so random tables hit the parser's real paths, not only its refusals. */
const VOCAB = [
  '项目名称', '主管部门', '实施单位', '年度资金总额', '中期资金总额:900', '其中:财政拨款:80', '其他资金', '单位:元',
  '单位:万元', '总体目标', '年度目标', '绩效指标', '年度绩效指标', '长期绩效指标', '一级指标', '二级指标', '三级指标',
  '指标值', '年度指标值', '长期', '年度', '计算符号', '度量单位', '权重', '指标方向性', '指标值说明', '上年实际值',
  '实际完成值', '得分', '备注', '产出指标', '效益指标', '满意度指标', '数量指标', '质量', '服务对象满意度指标',
  '社会公众或服务对象满意度指标', '≥95%', '>=20平方米', '<=475元/亩', '10辆', '优良', '≥**', '……', '正向', '定性', '≥',
  '%', '20', '1,234.50', '注:', '项目支出绩效自评表', '批复表', '', '', '|', '\t', '"', '<td>', '11-数量指标', '2-效益指标',
];

const cell = fc.oneof(fc.constantFrom(...VOCAB), fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 }));
const table = fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 40 });

function toRows(grid: string[][]): SourceRow[] {
  return grid.map((cells, k) => ({ cells, line: k + 1 }));
}

function expectValid(rows: SourceRow[]): void {
  const snapshot = parseDeclarationRows(rows, { file: 'x' });
  if (snapshot === null) return;
  expect(formSnapshotSchema.safeParse(snapshot).success).toBe(true);
  // Warnings point at lines that exist.
  const lines = new Set(rows.map((r) => r.line));
  for (const w of snapshot.warnings) expect(lines.has(w.line)).toBe(true);
}

describe('declaration importer never throws', () => {
  it('on random text in any shape', () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 80 }), fc.constantFrom('\n', '\t', ' | ', ' ', '\n\n'), (words, sep) => {
        const text = words.join(sep);
        const rows = textToRows(text);
        for (const r of rows) expect(r.line).toBeGreaterThan(0);
        expectValid(rows);
      }),
      { numRuns: 300 },
    );
  });

  it('on random tables', () => {
    fc.assert(
      fc.property(table, (grid) => {
        expectValid(toRows(grid));
      }),
      { numRuns: 300 },
    );
  });

  it('on real tables with cells dropped, rows shuffled and noise added', () => {
    const bases = [BASIC, WIDE, SIDE_BY_SIDE].map((spec) => toSheetRows(spec).map((r) => r.cells));
    fc.assert(
      fc.property(
        fc.constantFrom(...bases),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('drop', 'swap', 'noise', 'blank')), { maxLength: 12 }),
        cell,
        (base, edits, noise) => {
          const grid = base.map((r) => [...r]);
          for (const [a, b, kind] of edits) {
            const row = grid[a % grid.length]!;
            const at = b % Math.max(1, row.length);
            if (kind === 'drop') row.splice(at, 1);
            if (kind === 'blank') row[at] = '';
            if (kind === 'noise') row.splice(at, 0, noise);
            if (kind === 'swap') {
              const other = b % grid.length;
              [grid[a % grid.length], grid[other]] = [grid[other]!, grid[a % grid.length]!];
            }
          }
          expectValid(toRows(grid));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('on random HTML', () => {
    const tag = fc.constantFrom('<table>', '</table>', '<tr>', '</tr>', '<td>', '</td>', '<td rowspan="3">', '<td colspan="2">',
      '<th rowspan="0">', '<p>', '</p>', '<br>', '<div>', '<table><tr><td><table>', '<script>', '</script>', '<!--', '-->');
    fc.assert(
      fc.property(fc.array(fc.oneof(tag, cell), { maxLength: 80 }), (parts) => {
        const rows = readHtmlRows(parts.join(''));
        for (const r of rows) expect(r.cells.some((c) => c !== '')).toBe(true);
        expectValid(rows);
      }),
      { numRuns: 300 },
    );
  });
});

describe('declaration importer on large hostile input', () => {
  // Each of these would take quadratic time if a scan restarted at every row; they must finish quickly
  // (vitest's timeout is the bound, no time is asserted).
  it.each([
    ['20 000 one-cell header-like lines', Array.from({ length: 20000 }, (_, k) => (k % 2 ? '一级指标' : '指标值')).join('\n')],
    ['20 000 quoted cells that never close', Array.from({ length: 20000 }, () => '"a\t"b').join('\n')],
    ['one-cell indicator stream of 30 000 lines', ['一级指标', '二级指标', '三级指标', '指标值', ...Array.from({ length: 30000 }, (_, k) => ['产出指标', '数量指标', `指标${k}`, '≥5个'][k % 4]!)].join('\n')],
    ['20 000 project tables', Array.from({ length: 20000 }, (_, k) => `项目名称\t项目${k}\n一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t培训\t5次`).join('\n')],
  ])('%s', (_name, text) => {
    const rows = textToRows(text);
    expect(() => parseDeclarationRows(rows)).not.toThrow();
  });

  it('reads 5 000 rows of a real table in order', () => {
    const header = ['项目名称', '大表'];
    const rows = [header, ['一级指标', '二级指标', '三级指标', '指标值']];
    for (let k = 0; k < 5000; k++) rows.push(['产出指标', '数量指标', `指标${k}`, `≥${k}个`]);
    const snapshot = parseDeclarationRows(toRows(rows))!;
    expect(snapshot.projects[0]!.indicators).toHaveLength(5000);
    expect(snapshot.projects[0]!.indicators[4999]!.annual!.value).toBe('4999');
  });

  it('reads a huge HTML table with spans', () => {
    const tr = '<tr><td rowspan="2">产出指标</td><td>数量指标</td><td>a</td><td>1个</td></tr><tr><td>质量指标</td><td>b</td><td>2个</td></tr>';
    const html = `<table><tr><td>项目名称</td><td>X</td></tr><tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>${tr.repeat(5000)}</table>`;
    const snapshot = parseDeclarationRows(readHtmlRows(html))!;
    expect(snapshot.projects[0]!.indicators).toHaveLength(10000);
  });
});
