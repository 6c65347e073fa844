/**
 * Text encodings (decodeText: GBK/GB18030, UTF-8 with and without BOM, UTF-16 LE/BE with and without BOM),
 * binary bytes under a text name, the old-Word reader (read-doc.ts) and the one list of import formats.
 */
import { describe, expect, it } from 'vitest';
import { InputError, parseFileBytes, SUPPORTED } from '@/lib/parse';
import { acceptList, IMPORT_FORMATS, IMPORT_FORMATS_EN } from '@/lib/parse/formats';
import { decodeText, looksBinary, utf16WithoutBom } from '@/lib/parse/read-file';
import { docTextToRows, readDocRows } from '@/lib/parse/read-doc';
import { readImportFile } from '@/lib/library/import-file';
import { uiEn } from '@/lib/i18n/ui.en';
import { uiZhCN } from '@/lib/i18n/ui.zh-CN';
import gbkEncode from './gbk-encode';

const TEXT = '一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t培训场次\t≥10场\n';

function utf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const view = new DataView(out.buffer);
  let at = 0;
  if (bom) {
    view.setUint16(0, 0xfeff, endian === 'le');
    at = 2;
  }
  for (let i = 0; i < text.length; i += 1, at += 2) view.setUint16(at, text.charCodeAt(i), endian === 'le');
  return out;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeText', () => {
  it.each([
    ['GBK', gbkEncode(TEXT)],
    ['UTF-8', utf8(TEXT)],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(TEXT)])],
    ['UTF-16 LE with BOM', utf16(TEXT, 'le', true)],
    ['UTF-16 BE with BOM', utf16(TEXT, 'be', true)],
  ])('reads %s', (_name, bytes) => {
    expect(decodeText(bytes)).toBe(TEXT);
    expect(looksBinary(bytes)).toBe(false);
  });

  // Without a BOM UTF-16 is recognised by the NUL high bytes of ASCII characters (tabs, digits, newlines).
  const ASCII_HEAVY = 'name\tvalue\tunit\n满意度\t90\t%\nrate\t95\t%\n';
  it.each([
    ['le', 'utf-16le'],
    ['be', 'utf-16be'],
  ] as const)('reads UTF-16 %s without a BOM when the text is mostly ASCII', (endian, encoding) => {
    const bytes = utf16(ASCII_HEAVY, endian, false);
    expect(utf16WithoutBom(bytes)).toBe(encoding);
    expect(decodeText(bytes)).toBe(ASCII_HEAVY);
    expect(looksBinary(bytes)).toBe(false);
  });

  it('does not take GBK or UTF-8 for UTF-16', () => {
    expect(utf16WithoutBom(gbkEncode(TEXT))).toBeUndefined();
    expect(utf16WithoutBom(utf8(TEXT))).toBeUndefined();
  });

  it('imports a GBK .txt and a UTF-16 .csv to the same snapshot as UTF-8', async () => {
    const table = `2024年项目支出绩效目标表\n项目名称\t培训项目\n${TEXT}`;
    const fromUtf8 = await parseFileBytes(utf8(table), 't.txt');
    expect(fromUtf8.projects[0]!.indicators).toHaveLength(1);
    expect(await parseFileBytes(gbkEncode(table), 't.txt')).toEqual(fromUtf8);
    expect(await parseFileBytes(utf16(table, 'le', true), 't.txt')).toEqual(fromUtf8);
  });
});

describe('binary bytes under a text name', () => {
  it.each(['photo.txt', 'data.csv', 'page.html'])('%s of PNG bytes is refused as not a text file', async (name) => {
    const png = new Uint8Array(4096);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    for (let i = 16; i < png.length; i += 1) png[i] = (i * 37) & 0xff;
    const error = await parseFileBytes(png, name).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(new RegExp(`^${name.replace('.', '\\.')}: 不是文本文件.*not a text file`));
  });

  it('keeps text with a stray control byte (a form feed, a Ctrl-Z at the end) as text', () => {
    expect(looksBinary(utf8(`${TEXT}\f${TEXT}\x1a`))).toBe(false);
  });
});

describe('old Word (.doc)', () => {
  it("turns word-extractor's text into rows: tab-ended lines are table rows, empty cells kept", () => {
    // The shape of word-extractor's own table fixture (test12.doc): cells end in \t, rows in \t\n.
    const text = '2024年项目支出绩效目标表\n\n一级指标\t二级指标\t三级指标\t指标值\t\n产出指标\t数量指标\t培训场次\t≥10场\t\n\t\t学员人数\t≥200人\t\n\n注:\u0013 PAGE \u0015\n';
    expect(docTextToRows(text)).toEqual([
      { cells: ['2024年项目支出绩效目标表'], line: 1 },
      { cells: ['一级指标', '二级指标', '三级指标', '指标值'], line: 2 },
      { cells: ['产出指标', '数量指标', '培训场次', '≥10场'], line: 3 },
      { cells: ['', '', '学员人数', '≥200人'], line: 4 },
      { cells: ['注: PAGE'], line: 5 },
    ]);
  });

  it('says a .docx named .doc should be renamed, and refuses other bytes', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]);
    await expect(readDocRows(zip, 'a.doc')).rejects.toThrow(/^a\.doc: 这是 \.docx 文件,扩展名却是 \.doc/);
    await expect(readDocRows(utf8('hello'), 'b.doc')).rejects.toThrow(/^b\.doc: 不是 Word 97–2003 \(\.doc\) 文件/);
  });

  it('reports a damaged .doc (an OLE header with nothing behind it) through word-extractor as an InputError', async () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const error = await parseFileBytes(ole, '旧表.doc').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/^旧表\.doc: Word \(\.doc\) 文件已损坏,无法读取/);
  });
});

describe('supported formats', () => {
  const ALL = ['txt', 'csv', 'xlsx', 'xls', 'docx', 'doc', 'pdf', 'html'];

  it('are listed once and named in every message and picker', async () => {
    expect([...IMPORT_FORMATS]).toEqual(ALL);
    expect(SUPPORTED).toBe('txt、csv、xlsx、xls、docx、doc、pdf、html');
    const accept = acceptList(['json']).split(',');
    for (const f of [...ALL, 'json', 'htm']) expect(accept).toContain(`.${f}`);
    for (const text of [uiZhCN['import.types'], uiZhCN['library.emptyBody']]) expect(text).toContain(SUPPORTED);
    for (const text of [uiEn['import.types'], uiEn['library.emptyBody']]) expect(text).toContain(IMPORT_FORMATS_EN);
    const parseError = (await parseFileBytes(utf8('x'), 'a.png').catch((e: unknown) => e)) as Error;
    expect(parseError.message).toContain(SUPPORTED);
    const libraryError = (await readImportFile(utf8('x'), 'a.png').catch((e: unknown) => e)) as Error;
    expect(libraryError.message).toContain(SUPPORTED);
    expect(libraryError.message).toContain(IMPORT_FORMATS_EN);
  });

  it('reach the table importer from the library page (pdf and doc are not refused as unknown types)', async () => {
    const seen: string[] = [];
    const parseSnapshot = async (_bytes: Uint8Array, name: string) => {
      seen.push(name);
      throw new InputError(`${name}: stop`);
    };
    for (const name of ['a.pdf', 'b.doc']) await readImportFile(utf8('x'), name, { parseSnapshot }).catch(() => undefined);
    expect(seen).toEqual(['a.pdf', 'b.doc']);
  });
});
