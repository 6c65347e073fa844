import { describe, expect, it } from 'vitest';
import type { SourceRow } from '@/lib/parse';
import { InputError } from '@/lib/parse';
import { parseCsv, readXlsxRows } from '@/lib/parse/read-file';
import { contentKey } from '@/lib/library/keys';
import { librarySheetRows, readTemplateSheet, SHEET_COLUMNS, writeLibraryCsv, writeLibraryXlsx } from '@/lib/library/template-sheet';
import { content, makeSet, makeTemplate } from './helpers';

const HEADER = ['一级指标', '二级指标', '三级指标', '计算符号', '实施周期指标值', '年度指标值', '计量单位', '指标值说明', '标签', '所属指标集'];

function rows(...cells: string[][]): SourceRow[] {
  return cells.map((c, i) => ({ cells: c, line: i + 1 }));
}

describe('readTemplateSheet', () => {
  it('reads bare numbers with the 计算符号 and 计量单位 columns, glued values as they are', () => {
    const batch = readTemplateSheet(
      rows(
        HEADER,
        ['产出指标', '数量指标', '培训人次', '≥', '200', '100', '人次', '', '常用，培训', ''],
        ['产出指标', '数量指标', '地理信息平台服务资源情况', '', '地理信息平台服务资源数量≥350条', '≥350条', '', '', '', ''],
        ['效益指标', '社会效益', '社会影响', '定性', '效果明显', '效果明显', '', '', '', ''],
      ),
      'a.csv',
    );
    expect(batch.items.map((i) => i.issues)).toEqual([[], [], []]);
    const [a, b, c] = batch.items.map((i) => i.content!);
    expect(a!.period).toMatchObject({ symbol: '≥', value: '200', unit: '人次' });
    expect(a!.annual).toMatchObject({ symbol: '≥', value: '100', unit: '人次' });
    expect(batch.items[0]!.tags).toEqual(['常用', '培训']);
    expect(b!.period).toMatchObject({ symbol: '≥', value: '350', unit: '条', text: '地理信息平台服务资源数量' });
    expect(c!.annual).toMatchObject({ symbol: '定性', value: null, text: '效果明显' });
  });

  it.each([
    [['产出指标', '数量指标', '', '≥', '1', '1', '个'], '三级指标', 'error'],
    [['产出指标', '数量指标', '培训', '大概', '1', '1', '个'], '计算符号', 'error'],
    [['产出指标', '数量指标', '培训', '≥', '很多', '1', '个'], '实施周期指标值', 'error'],
    [['产出指标', '数量指标', '<script>alert(1)</script>', '≥', '1', '1', '个'], '三级指标', 'error'],
    [['产出指标', '数量指标', '培训', '≥', '1', '1', '个', '<img src=x onerror=alert(1)>'], '指标值说明', 'error'],
    [['产出指标', '数量指标', '培'.repeat(101), '≥', '1', '1', '个'], '三级指标', 'error'],
    [['效益指标', '质量指标', '培训', '≥', '1', '1', '个'], '二级指标', 'warning'],
    [['产出指标', '数量指标', '培训', '', '参90%', '', ''], '实施周期指标值', 'warning'],
  ])('row %j: a problem on 「%s」 (%s) naming file, row and field', (cells, field, severity) => {
    const batch = readTemplateSheet(rows(HEADER, ['说明行，不是数据'], cells as string[]), 'colleague.xlsx');
    const issue = batch.items[1]!.issues.find((i) => i.field === field);
    expect(issue).toMatchObject({ severity, row: 3, field });
    expect(issue!.message).toContain('colleague.xlsx');
    expect(issue!.message).toContain('第 3 行');
    expect(issue!.message).toContain(field);
  });

  it('keeps angle brackets that are values, not markup', () => {
    const batch = readTemplateSheet(rows(HEADER, ['产出指标', '时效指标', '故障响应时间', '', '<2小时', '<2小时', '', '', '', '']), 'a.csv');
    expect(batch.items[0]!.issues).toEqual([]);
    expect(batch.items[0]!.content!.annual).toMatchObject({ symbol: '＜', value: '2', unit: '小时' });
  });

  it('finds the header below a title line and notes unknown columns', () => {
    const batch = readTemplateSheet(
      rows(['2025 年常用指标'], ['指标名称', '指标值', '单位', '负责人'], ['培训人次', '≥200', '人次', '张三']),
      'x.xlsx',
    );
    expect(batch.items[0]!.row).toBe(3);
    expect(batch.items[0]!.content!.annual).toMatchObject({ symbol: '≥', value: '200', unit: '人次' });
    expect(batch.notes).toEqual([expect.objectContaining({ severity: 'warning', row: 2, field: '负责人' })]);
  });

  it('refuses a sheet without a template header, naming the file and what it found', () => {
    const read = () => readTemplateSheet(rows(['姓名', '电话'], ['张三', '123']), '通讯录.xlsx');
    expect(read).toThrow(InputError);
    expect(read).toThrow(/通讯录\.xlsx.*三级指标.*姓名、电话/);
  });

  it('groups rows by 所属指标集 in order, with the set’s project name and goal', () => {
    const header = [...HEADER, '项目名称', '绩效目标'];
    const batch = readTemplateSheet(
      rows(
        header,
        ['产出指标', '数量指标', 'A', '≥', '1', '1', '个', '', '', '集甲', '项目甲', '目标甲'],
        ['产出指标', '数量指标', 'B', '≥', '1', '1', '个', '', '', '', '', ''],
        ['产出指标', '数量指标', 'C', '≥', '1', '1', '个', '', '', '集甲', '', ''],
      ),
      's.csv',
    );
    expect(batch.sets).toEqual([
      expect.objectContaining({ name: '集甲', projectName: '项目甲', goal: '目标甲', itemIndices: [0, 2], row: 2 }),
    ]);
  });
});

describe('sheet round trip', () => {
  const templates = [
    makeTemplate('t1', { tags: ['常用', '培训'] }, content({ name: '培训人次', period: '≥200人次', annual: '≥100人次', explanation: '按签到表' })),
    makeTemplate('t2', {}, content({ level1: '效益指标', level2: '社会效益', name: '社会影响', period: '效果明显', annual: '效果明显' })),
    makeTemplate('t3', {}, content({ name: '地理信息平台服务资源情况', period: '地理信息平台服务资源数量≥350条', annual: '≥350条' })),
    makeTemplate('t4', {}, content({ name: '造价审核', period: '≥90%', annual: '≥1项', weight: '10', remark: '年度口径' })),
    makeTemplate('t5', {}, content({ name: '运营网站个数', period: '≥3个', annual: null })),
    makeTemplate('t6', {}, content({ name: '含"引号",逗号\n换行', period: '＝100%', annual: '＝100%' })),
  ];
  const sets = [makeSet('s1', '培训项目', [templates[0]!, templates[1]!].map(strip), { projectName: '培训项目经费', goal: '开展培训' })];

  function strip(t: (typeof templates)[number]) {
    const { id: _i, tags: _t, source: _s, createdAt: _c, updatedAt: _u, useCount: _n, lastUsedAt: _l, ...c } = t;
    return c;
  }

  function check(back: ReturnType<typeof readTemplateSheet>) {
    expect(back.items.flatMap((i) => i.issues.filter((x) => x.severity === 'error'))).toEqual([]);
    const keys = new Set(back.items.map((i) => contentKey(i.content!)));
    expect(keys).toEqual(new Set(templates.map(contentKey)));
    const tagsOf = (name: string) => back.items.find((i) => i.content!.name === name)!.tags;
    expect(tagsOf('培训人次')).toEqual(['常用', '培训']);
    expect(back.sets).toHaveLength(1);
    const set = back.sets[0]!;
    expect(set).toMatchObject({ name: '培训项目', projectName: '培训项目经费', goal: '开展培训' });
    expect(set.itemIndices.map((i) => contentKey(back.items[i]!.content!))).toEqual(sets[0]!.items.map(contentKey));
    const t4 = back.items.find((i) => i.content!.name === '造价审核')!.content!;
    expect(t4).toMatchObject({ weight: '10', remark: '年度口径' });
  }

  it('writes the header in column order, set items first, then templates in no set', () => {
    const out = librarySheetRows(templates, sets);
    expect(out[0]).toEqual(SHEET_COLUMNS.map((c) => c.header));
    expect(out.slice(1).map((r) => r[2])).toEqual(['培训人次', '社会影响', '地理信息平台服务资源情况', '造价审核', '运营网站个数', '含"引号",逗号\n换行']);
  });

  it('reads back its own XLSX to the same contents, tags and sets', async () => {
    const bytes = await writeLibraryXlsx(templates, sets);
    const [sheet] = await readXlsxRows(bytes, 'lib.xlsx');
    expect(sheet!.sheet).toBe('指标模板');
    check(readTemplateSheet(sheet!.rows, 'lib.xlsx'));
  });

  it('reads back its own CSV to the same contents, tags and sets', () => {
    const csv = writeLibraryCsv(templates, sets);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    check(readTemplateSheet(parseCsv(csv), 'lib.csv'));
  });
});
