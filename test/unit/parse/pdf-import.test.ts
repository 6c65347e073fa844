/**
 * PDF import (lib/parse/read-pdf.ts): tables printed to PDF by Chromium (make-pdf.ts, the way a unit
 * prints a Word or web table) read to the same snapshot as the table's text. Free text is compared
 * without whitespace: a PDF does not keep the space a line wrap fell on.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError, parseFileBytes, parseRows, parseText } from '@/lib/parse';
import type { FormSnapshot } from '@/lib/domain';
import { readPdf, unRadical } from '@/lib/parse/read-pdf';
import { parseCsv } from '@/lib/parse/read-file';
import { htmlToPdf, tableHtml, textTableHtml } from './make-pdf';

const fixture = (path: string) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');

/** Projects without source lines (a PDF row number is not a text line number), free text without whitespace. */
function comparable(snapshot: FormSnapshot): unknown {
  return JSON.parse(
    JSON.stringify(snapshot.projects, (key, value: unknown) =>
      key === 'source' || key === 'line' ? undefined : typeof value === 'string' ? value.replace(/\s+/g, '') : value,
    ),
  );
}

const SEED = fixture('baiyun-perf-targets.txt');
/** Real declaration tables (test/fixtures/real) that read right from their text. */
const REAL = ['decl-hunan-xiangtan-2023', 'decl-hunan-nanyue-2018', 'decl-hunan-yueyangxian-2022', 'decl-neimenggu-wuhai-2021'] as const;
const DEPT = 'dept-sichuan-jingyan-2023';

const pdfs = new Map<string, Uint8Array>();

beforeAll(async () => {
  // The seed: a 29-project export, its first line a title above the table, the header repeated per page.
  const seedRows = SEED.split(/\r?\n/).filter((l) => l.trim() !== '').map((l) => l.split('\t'));
  pdfs.set(
    'seed',
    await htmlToPdf(tableHtml(seedRows.slice(1), { before: [seedRows[0]!.join(' ')], widths: [3, 1.3, 1.3, 1.3, 1.3, 4, 8], headerRows: 1 })),
  );
  for (const name of REAL) pdfs.set(name, await htmlToPdf(textTableHtml(fixture(`real/${name}.txt`))));
  const deptRows = parseCsv(fixture(`real/${DEPT}.csv`)).map((r) => r.cells);
  pdfs.set(DEPT, await htmlToPdf(tableHtml(deptRows.slice(2), { before: deptRows.slice(0, 2).map((r) => r[0]!), headerRows: 1 })));
  // A scanned page: a picture, no text layer.
  pdfs.set(
    'scan',
    await htmlToPdf('<!doctype html><body><svg width="400" height="300"><rect width="400" height="300" fill="#555"/><circle cx="200" cy="150" r="90" fill="#eee"/></svg></body>'),
  );
  // A two-level header: 一级/二级/三级 span both header rows (centred between them), 指标值 spans 长期 | 年度.
  pdfs.set('two-level', await htmlToPdf(twoLevelHtml()));
  pdfs.set('prose', await htmlToPdf('<!doctype html><meta charset="utf-8"><body><p>今天开会讨论明年的工作安排。</p><p>会议记录由办公室整理。</p></body>'));
}, 180_000);

describe('PDF import', () => {
  it('reads the seed export printed to PDF (pages, repeated header, wrapped cells) to the same snapshot as its text', async () => {
    const pdf = await readPdf(pdfs.get('seed')!, 'seed.pdf');
    expect(pdf.kind).toBe('rows');
    expect(pdf.pages).toBeGreaterThan(10);
    const fromPdf = await parseFileBytes(pdfs.get('seed')!, 'seed.pdf');
    const fromText = parseText(SEED);
    expect(fromPdf.projects.length).toBe(fromText.projects.length);
    expect(comparable(fromPdf)).toEqual(comparable(fromText));
    expect(fromPdf.total).toBe(fromText.total);
  }, 60_000);

  it.each(REAL)('reads the real declaration %s printed to PDF to the same snapshot as its text', async (name) => {
    const fromPdf = await parseFileBytes(pdfs.get(name)!, `${name}.pdf`);
    const fromText = parseText(fixture(`real/${name}.txt`));
    expect(fromText.projects[0]!.indicators.length).toBeGreaterThan(3);
    expect(comparable(fromPdf)).toEqual(comparable(fromText));
  }, 60_000);

  it('reads the department export printed to PDF to the same snapshot as its CSV', async () => {
    const fromPdf = await parseFileBytes(pdfs.get(DEPT)!, `${DEPT}.pdf`);
    const fromCsv = parseRows(parseCsv(fixture(`real/${DEPT}.csv`)));
    expect(fromCsv.projects.length).toBeGreaterThan(1);
    expect(comparable(fromPdf)).toEqual(comparable(fromCsv));
  }, 60_000);

  it('drops the header repeated on later pages and keeps rows cut by a page break whole', async () => {
    const pdf = await readPdf(pdfs.get('seed')!, 'seed.pdf');
    if (pdf.kind !== 'rows') throw new Error('expected rows');
    const headers = pdf.rows.filter((r) => r.cells[0]?.startsWith('项目名称'));
    expect(headers).toHaveLength(1);
    // 政务管理经费's goal runs over a page break in this print; its last words are on the next page.
    const row = pdf.rows.find((r) => r.cells[0] === '政务管理经费')!;
    expect(row.cells.join('')).toContain('推广实施惠企利民服务工作');
  }, 60_000);

  it('refuses a scanned PDF (no text layer), saying it needs OCR or the original file', async () => {
    const error = await parseFileBytes(pdfs.get('scan')!, '扫描件.pdf').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/^扫描件\.pdf: 这是扫描图片 PDF,没有文字层.*OCR.*Word\/Excel.*scanned image PDF with no text layer/);
  }, 30_000);

  it('hands a PDF without a table header to the text importers, which say what they miss', async () => {
    const pdf = await readPdf(pdfs.get('prose')!, 'notes.pdf');
    expect(pdf).toMatchObject({ kind: 'text' });
    expect(pdf.kind === 'text' && pdf.text).toContain('今天开会讨论明年的工作安排。');
    const error = await parseFileBytes(pdfs.get('prose')!, 'notes.pdf').catch((e: unknown) => e);
    expect((error as InputError).message).toMatch(/notes\.pdf: 无法识别的表格/);
  }, 30_000);
});

/** The indicator rows of the two-level header test, and the page printing them with merged header cells. */
const TWO_LEVEL_ROWS = [
  ['产出指标', '数量指标', '培训场次', '≥30场', '≥10场'],
  ['', '质量指标', '培训合格率', '≥95%', '≥95%'],
  ['效益指标', '社会效益指标', '服务群众人次', '≥5000人次', '≥1000人次'],
  ['满意度指标', '服务对象满意度指标', '学员满意度', '≥90%', '≥90%'],
];

function twoLevelHtml(): string {
  const rows = TWO_LEVEL_ROWS.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('');
  return `<!doctype html><meta charset="utf-8"><style>body{font-family:'Noto Sans CJK SC';font-size:10pt}
    table{border-collapse:collapse;width:100%} td,th{border:.5pt solid #000;padding:3pt;font-weight:normal}</style>
    <p>2024年项目支出绩效目标表</p><p>项目名称 培训项目</p>
    <table><tr><th rowspan="2">一级指标</th><th rowspan="2">二级指标</th><th rowspan="2">三级指标</th><th colspan="2">指标值</th></tr>
    <tr><th>长期指标值</th><th>年度指标值</th></tr>${rows}</table>`;
}

describe('PDF tables with a two-level header', () => {
  it('read like the same table from a sheet, merged header cells filled', async () => {
    const fromPdf = await parseFileBytes(pdfs.get('two-level')!, 'two-level.pdf');
    const sheet = [
      ['2024年项目支出绩效目标表'],
      ['项目名称 培训项目'],
      ['一级指标', '二级指标', '三级指标', '指标值', '指标值'],
      ['一级指标', '二级指标', '三级指标', '长期指标值', '年度指标值'],
      ...TWO_LEVEL_ROWS,
    ].map((cells, i) => ({ cells, line: i + 1 }));
    const fromSheet = parseRows(sheet);
    expect(fromSheet.projects[0]!.indicators).toHaveLength(4);
    expect(fromSheet.projects[0]!.indicators[0]).toMatchObject({ period: { value: '30' }, annual: { value: '10' } });
    expect(comparable(fromPdf)).toEqual(comparable(fromSheet));
  }, 30_000);
});

describe('unRadical', () => {
  it('maps Kangxi and CJK supplement radicals that CJK fonts print for ideographs back, simplified where the document is', () => {
    // ⽇ U+2F47, ⼾ U+2F3E (戶 by NFKC, 户 in simplified text), ⻔ U+2ED4 (no NFKC mapping).
    expect(unRadical('\u2f47常\u2f3e口\u2ed4户')).toBe('日常户口门户');
    expect(unRadical('（全角）：不变')).toBe('（全角）：不变');
  });
});
