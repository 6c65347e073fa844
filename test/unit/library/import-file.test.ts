import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { InputError } from '@/lib/parse';
import { backupJson, makeBackup } from '@/lib/library/backup';
import { MAX_IMPORT_BYTES, readImportFile } from '@/lib/library/import-file';
import { makeProject, makeSnapshot } from '../../fixtures/make-snapshot';
import { makeTemplate } from './helpers';

const seedBytes = readFileSync(new URL('../../fixtures/baiyun-perf-targets.txt', import.meta.url));
const utf8 = (text: string) => new TextEncoder().encode(text);

function xlsx(rows: string[][], sheet = 'Sheet1'): Uint8Array {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), sheet);
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

async function failure(promise: Promise<unknown>): Promise<InputError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('readImportFile', () => {
  it('refuses a file over the size limit before reading it, naming file and size', async () => {
    const big = new Uint8Array(MAX_IMPORT_BYTES + 1);
    const error = await failure(readImportFile(big, 'huge.json'));
    expect(error.message).toMatch(/huge\.json.*20\.0 MB.*上限/);
  });

  it.each([
    ['empty.csv', new Uint8Array(0), /empty\.csv.*文件为空/],
    ['photo.png', utf8('x'), /photo\.png.*不支持的文件类型「\.png」/],
  ])('refuses %s', async (name, bytes, message) => {
    expect((await failure(readImportFile(bytes, name))).message).toMatch(message);
  });

  it('reads a .json file as a Tianbao backup', async () => {
    const json = backupJson(makeBackup([makeTemplate('t1')], [], 1));
    const batch = await readImportFile(utf8(json), 'lib.json');
    expect(batch.kind).toBe('backup');
    expect(batch.items[0]!.record!.id).toBe('t1');
  });

  it('reads a GBK-encoded CSV template sheet (Excel on Chinese Windows)', async () => {
    // '三级指标,计算符号,年度指标值,计量单位,标签\r\n服务对象满意度,≥,90,%,常用\r\n' encoded as GBK.
    const gbk = Buffer.from(
      'c8fdbcb6d6b8b1ea2cbcc6cbe3b7fbbac52cc4eab6c8d6b8b1ead6b52cbcc6c1bfb5a5cebb2cb1eac7a90d0ab7fecef1b6d4cff3c2fad2e2b6c82ca1dd2c39302c252cb3a3d3c30d0a',
      'hex',
    );
    const batch = await readImportFile(new Uint8Array(gbk), '模板.csv', { tags: ['2025'] });
    expect(batch.kind).toBe('sheet');
    expect(batch.items[0]!.content!.name).toBe('服务对象满意度');
    expect(batch.items[0]!.content!.annual).toMatchObject({ symbol: '≥', value: '90', unit: '%' });
    expect(batch.items[0]!.tags).toEqual(['常用', '2025']);
  });

  it('reads an XLSX template sheet with row numbers as in the sheet', async () => {
    const bytes = xlsx([['常用指标'], ['三级指标', '年度指标值'], ['验收合格率', '＝100%'], ['', '＝1']]);
    const batch = await readImportFile(bytes, 'colleague.xlsx');
    expect(batch.items.map((i) => [i.row, i.content?.name, i.issues.map((x) => x.field)])).toEqual([
      [3, '验收合格率', []],
      [4, '', ['三级指标']],
    ]);
  });

  it('refuses an XLSX with unexpected columns, naming the file and the columns it has', async () => {
    const bytes = xlsx([['姓名', '部门', '电话'], ['张三', '办公室', '123']]);
    const error = await failure(readImportFile(bytes, '通讯录.xlsx'));
    expect(error.message).toMatch(/通讯录\.xlsx.*需要「三级指标」.*姓名、部门、电话/);
    expect(error.where.file).toBe('通讯录.xlsx');
  });

  it('hands a portal table (the seed export) to the importer: one set per project with indicators', async () => {
    const batch = await readImportFile(new Uint8Array(seedBytes), 'baiyun-perf-targets.txt');
    expect(batch.kind).toBe('snapshot');
    // 19 projects; 12345热线运作经费 and 政府雇员公用经费 have no indicators.
    expect(batch.sets).toHaveLength(17);
    expect(batch.sets.map((s) => s.name)).not.toContain('12345热线运作经费');
    expect(batch.notes.filter((n) => n.message.includes('没有绩效指标')).map((n) => n.message)).toEqual([
      expect.stringContaining('12345热线运作经费'),
      expect.stringContaining('政府雇员公用经费'),
    ]);
    expect(batch.sets.find((s) => s.name === '信息化项目管理经费')!.itemIndices).toHaveLength(6);
  });

  it.each([['central-template.html', '智慧校园建设'], ['tab-browser-copy.txt', undefined]])(
    'hands a single-project 申报表 (%s) to the importer: one set',
    async (file, name) => {
      const bytes = readFileSync(new URL(`../../fixtures/declarations/${file}`, import.meta.url));
      const batch = await readImportFile(new Uint8Array(bytes), file);
      expect(batch.kind).toBe('snapshot');
      expect(batch.sets).toHaveLength(1);
      if (name) expect(batch.sets[0]!.name).toBe(name);
      expect(batch.sets[0]!.itemIndices.length).toBeGreaterThan(2);
      expect(batch.items.every((i) => i.content !== null && i.content.name !== '')).toBe(true);
    },
  );

  it('sends an XLSX 申报表 (project block above the indicator grid) to the importer, not the sheet reader', async () => {
    const bytes = xlsx([
      ['项目名称', '智慧校园建设'],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '智慧教室数量', '≥60间'],
    ]);
    const seen: string[] = [];
    const snapshot = makeSnapshot({ projects: [makeProject({ name: '智慧校园建设' })] });
    const batch = await readImportFile(bytes, '申报表.xlsx', { parseSnapshot: async (_b, f) => (seen.push(f), snapshot) });
    expect(seen).toEqual(['申报表.xlsx']);
    expect(batch.kind).toBe('snapshot');
  });

  it('uses the given table importer for other formats (docx, html)', async () => {
    const snapshot = makeSnapshot({ projects: [makeProject({ name: '申报项目' })] });
    const batch = await readImportFile(utf8('x'), '申报表.docx', { parseSnapshot: async () => snapshot });
    expect(batch.sets.map((s) => s.name)).toEqual(['申报项目']);
    expect(batch.items.length).toBe(snapshot.projects[0]!.indicators.length);
  });
});
