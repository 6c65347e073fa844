import { describe, expect, it } from 'vitest';
import { InputError } from '@/lib/parse';
import { parseDeclarationRows } from '@/lib/parse/declaration';
import { readDocxRows } from '@/lib/parse/read-docx';
import { APPROVAL_YUAN, toDocx } from '../../fixtures/declarations/tables';

describe('readDocxRows', () => {
  it('reads paragraphs and table rows in order, merged cells repeated, rows numbered 1, 2, 3', async () => {
    const bytes = await toDocx({
      before: ['2024年度项目支出绩效目标批复表', '单位:元'],
      grid: [
        ['项目名称', '测试项目', '<'],
        ['产出指标', '数量指标', '≥5次'],
        ['^', '质量指标', '100%'],
      ],
      after: ['注:本表由财政部门批复'],
    });
    expect(await readDocxRows(bytes)).toEqual([
      { cells: ['2024年度项目支出绩效目标批复表'], line: 1 },
      { cells: ['单位:元'], line: 2 },
      { cells: ['项目名称', '测试项目', '测试项目'], line: 3 },
      { cells: ['产出指标', '数量指标', '≥5次'], line: 4 },
      { cells: ['产出指标', '质量指标', '100%'], line: 5 },
      { cells: ['注:本表由财政部门批复'], line: 6 },
    ]);
  });

  it('feeds the declaration parser (a 批复表 in 元 with a two-row header)', async () => {
    const snapshot = parseDeclarationRows(await readDocxRows(await toDocx(APPROVAL_YUAN)), { file: 'p.docx' })!;
    expect(snapshot.projects[0]!.amounts.total).toBe('123.456789');
    expect(snapshot.projects[0]!.indicators).toHaveLength(5);
    expect(snapshot.projects[0]!.sets).toEqual({ period: true, annual: true });
  });

  it.each([
    ['an old binary .doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])],
    ['empty bytes', new Uint8Array()],
    ['a zip that is not a Word file', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6])],
  ])('refuses %s with an InputError naming the file', async (_name, bytes) => {
    const error = await readDocxRows(bytes, 'old.doc').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/^old\.doc: /);
    expect((error as InputError).where.file).toBe('old.doc');
  });
});
