import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDecimal, parseDecimal, sumDecimals } from '@/lib/domain';
import { InputError, parseFileBytes, parseText } from '@/lib/parse';

const seedText = readFileSync(new URL('../../fixtures/baiyun-perf-targets.txt', import.meta.url), 'utf8');
const seed = parseText(seedText, { file: 'baiyun-perf-targets.txt' });

/** The 19 projects with amounts and indicator counts as a careful person reads the published table. */
const EXPECTED: ReadonlyArray<readonly [string, string, number]> = [
  ['信息化项目管理经费', '712.97', 6],
  ['智慧白云一期项目经费', '414.26', 6],
  ['智慧白云建设经费', '3200.00', 6],
  ['政务管理经费', '131.45', 7],
  ['海关入驻保障费', '8.00', 6],
  ['政务中心大楼物业管理费', '110.00', 14],
  ['政府雇员工资费用', '346.00', 3],
  ['配餐服务费', '32.50', 7],
  ['政务服务受理人员外包服务项目(辅助运行)', '215.97', 5],
  ['政务中心大楼保障经费', '125.00', 5],
  ['机关办公综合管理系统建设', '5.74', 5],
  ['12345热线智慧办理系统建设项目经费', '271.77', 1],
  ['12345热线运作经费', '10.00', 0],
  ['信息化项目合同存量款项', '3411.40', 4],
  ['政府雇员公用经费', '17.70', 0],
  ['政务云经费', '400.00', 6],
  ['智慧城市运行中心建设经费', '300.00', 10],
  ['信创工作经费', '25.00', 5],
  ['百千万工程专项经费', '802.56', 11],
];

function project(name: string) {
  const p = seed.projects.find((x) => x.name === name);
  if (!p) throw new Error(`project ${name} not found`);
  return p;
}

describe('seed fixture (baiyun-perf-targets.txt)', () => {
  it('reads the 合计, the unit and 19 projects in order', () => {
    expect(seed.total).toBe('10540.32');
    expect(seed.units).toEqual([
      expect.objectContaining({ name: '广州市白云区政务服务数据管理局(本级)', amounts: expect.objectContaining({ total: '10540.32' }) }),
    ]);
    expect(seed.projects.map((p) => p.name)).toEqual(EXPECTED.map(([name]) => name));
  });

  it.each(EXPECTED)('%s: 总计 %s = 财政拨款, %i indicators', (name, total, count) => {
    const p = project(name);
    expect(p.amounts).toEqual({ total, fiscal: total, specialAccount: '0.00', other: '0.00' });
    expect(p.owner).toBe('广州市白云区政务服务数据管理局(本级)');
    expect(p.indicators).toHaveLength(count);
    expect(p.source?.line).toBeGreaterThan(4);
  });

  it('the projects add up to the printed 合计 exactly', () => {
    const sum = sumDecimals(seed.projects.map((p) => parseDecimal(p.amounts.total)!));
    expect(formatDecimal(sum, 2)).toBe(seed.total);
  });

  it('reads categories, names and both values of an indicator', () => {
    const [first] = project('信息化项目管理经费').indicators;
    expect(first).toMatchObject({
      level1: '产出指标',
      level2: '数量指标',
      name: '专家评审',
      period: { symbol: '≥', value: '30', unit: '场', text: '' },
      annual: { symbol: '≥', value: '30', unit: '场', text: '' },
      source: { line: 5 },
    });
    const audit = project('信息化项目管理经费').indicators[5]!;
    expect(audit.name).toBe('造价审核');
    expect(audit.period).toMatchObject({ value: '90', unit: '%' });
    expect(audit.annual).toMatchObject({ value: '1', unit: '项' });
  });

  it('keeps a 二级 filed under the wrong 一级 as printed (the checker reports it)', () => {
    const third = project('机关办公综合管理系统建设').indicators[2]!;
    expect([third.level1, third.level2]).toEqual(['效益指标', '质量指标']);
  });

  it('keeps different indicators that share a name', () => {
    const names = project('机关办公综合管理系统建设').indicators.map((i) => i.name);
    expect(names.filter((n) => n === '提高管理规范化水平')).toHaveLength(2);
    const accidents = project('政务中心大楼物业管理费').indicators.filter((i) => i.name === '重大事故发生数');
    expect(accidents.map((i) => i.period?.raw)).toEqual(['98%以上', '0宗']);
  });

  it('understands OCR-misread value keys (千度指标值, 年度指标信)', () => {
    const last = project('智慧白云建设经费').indicators.at(-1)!;
    expect(last.name).toBe('视频会议系统重大故障情况');
    expect(last.annual?.text).toBe('无重大故障');
    expect(seed.warnings.some((w) => w.line === 14 && w.message.includes('每日一次'))).toBe(true);
  });

  it('keeps malformed symbols for the checker (参90%, 令90%)', () => {
    const funds = project('信创工作经费').indicators.find((i) => i.name === '资金使用')!;
    expect(funds.period).toMatchObject({ symbol: null, value: '90', problem: 'symbol-unreadable', raw: '参90%' });
    const city = project('智慧城市运行中心建设经费').indicators.find((i) => i.name === '资金使用')!;
    expect(city.annual).toMatchObject({ symbol: null, problem: 'symbol-unreadable', raw: '令90%' });
  });

  it('leaves a missing 年度指标值 missing', () => {
    const sites = project('政务管理经费').indicators.find((i) => i.name === '运营网站和政务新媒体个数')!;
    expect(sites.period?.raw).toBe('网站2个、政务新媒体1个');
    expect(sites.annual).toBeNull();
    expect(project('信创工作经费').indicators[1]!.annual).toBeNull();
    expect(project('百千万工程专项经费').indicators.find((i) => i.name === '数据接口')!.annual).toBeNull();
  });

  it('reads the broken fragment of 12345热线智慧办理系统建设项目经费 as one incomplete indicator and warns', () => {
    const [only] = project('12345热线智慧办理系统建设项目经费').indicators;
    expect(only).toMatchObject({ level1: '', level2: '', name: '', period: null });
    expect(only!.annual).toMatchObject({ symbol: '≥', value: '99', unit: '%' });
    const line19 = seed.warnings.filter((w) => w.line === 19).map((w) => w.message);
    expect(line19.some((m) => m.includes('办结审核一次性通过率≥99%'))).toBe(true);
    expect(line19.some((m) => m.includes('「6」'))).toBe(true);
  });

  it('merges exact repeats printed by the extraction, with a warning', () => {
    const names = project('智慧白云一期项目经费').indicators.map((i) => i.name);
    expect(names.filter((n) => n === '视频会议系统重大故障情况')).toHaveLength(1);
    expect(seed.warnings.some((w) => w.line === 6 && w.message.includes('已合并为一条'))).toBe(true);
  });

  it('warns about a stray fragment in the amount columns instead of taking it as money', () => {
    expect(project('智慧城市运行中心建设经费').amounts.specialAccount).toBe('0.00');
    expect(seed.warnings.some((w) => w.line === 25 && w.message.includes('「1」'))).toBe(true);
  });

  it('cleans spaces that PDF extraction put inside Chinese text', () => {
    expect(project('信息化项目管理经费').goal).toContain('第三方造价服务、立项和验收专家评审、可行性研究服务');
    expect(project('12345热线运作经费').goal).toBe('');
  });

  it('every indicator keeps its source line', () => {
    for (const p of seed.projects) for (const i of p.indicators) expect(i.source?.line).toBe(p.source?.line);
  });
});

const HEADER = '项目名称(资金使用单位)\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标';

function table(...rows: string[]): string {
  return [HEADER, '合计\t100.00\t100.00', '某某局(本级)\t100.00\t100.00', ...rows].join('\n');
}

describe('noise in exported tables', () => {
  it.each([
    ['semicolons', '1、1-产出指标; 11-数量指标; 培训人次; 实施周期指标值:≥100人次; 年度指标值:≥50人次。'],
    ['full-width separators', '1、1-产出指标；11-数量指标；培训人次；实施周期指标值：≥100人次；年度指标值：≥50人次。'],
    ['colons', '1、1-产出指标: 11-数量指标: 培训人次: 实施周期指标值:≥100人次: 年度指标值:≥50人次。'],
    ['commas', '1、1-产出指标, 11-数量指标, 培训人次, 实施周期指标值:≥100人次, 年度指标值:≥50人次。'],
    ['spaced labels', '1 、1 - 产出指标; 11 - 数量指标; 培训人次; 实施周期指标值 : ≥100人次; 年度指标值 : ≥50人次'],
    ['OCR 千度', '1、1-产出指标; 11-数量指标; 培训人次; 实施周期指标值:≥100人次; 千度指标值:≥50人次。'],
    ['OCR 指标信', '1、1-产出指标; 11-数量指标; 培训人次; 实施周期指标值:≥100人次; 年度指标信:≥50人次。'],
  ])('reads one indicator with %s', (_label, cell) => {
    const snap = parseText(table(`培训经费\t100.00\t100.00\t\t\t开展培训。\t${cell}`));
    expect(snap.projects[0]!.indicators).toEqual([
      expect.objectContaining({
        level1: '产出指标',
        level2: '数量指标',
        name: '培训人次',
        period: expect.objectContaining({ symbol: '≥', value: '100', unit: '人次' }),
        annual: expect.objectContaining({ symbol: '≥', value: '50', unit: '人次' }),
      }),
    ]);
  });

  it('survives numbering gaps and repeats', () => {
    const cell =
      '1、1-产出指标; 11-数量指标; 甲; 实施周期指标值:1个; 年度指标值:1个。3、1-产出指标; 12-质量指标; 乙; 实施周期指标值:100%; 年度指标值:100%。3、2-效益指标; 22-社会效益; 丙; 实施周期指标值:提升; 年度指标值:提升。';
    const names = parseText(table(`项目\t100.00\t100.00\t目标\t${cell}`)).projects[0]!.indicators.map((i) => i.name);
    expect(names).toEqual(['甲', '乙', '丙']);
  });

  it('reads a table pasted without its header', () => {
    const snap = parseText('培训经费\t5.00\t5.00\t目标\t1、1-产出指标; 11-数量指标; 培训人次; 实施周期指标值:≥100人次; 年度指标值:≥50人次。');
    expect(snap.projects).toHaveLength(1);
    expect(snap.warnings[0]!.message).toContain('未找到表头');
  });

  it('attaches a wrapped continuation line to the project above it', () => {
    const snap = parseText(
      table('培训经费\t100.00\t100.00\t开展培训\t1、1-产出指标; 11-数量指标; 甲; 实施周期指标值:1次; 年度指标值:1次。', '\t\t\t\t2、2-效益指标; 22-社会效益; 乙; 实施周期指标值:提升; 年度指标值:提升。'),
    );
    expect(snap.projects[0]!.indicators.map((i) => i.name)).toEqual(['甲', '乙']);
    expect(snap.warnings.some((w) => w.line === 5 && w.message.includes('续行'))).toBe(true);
  });

  it('places amounts by column in aligned rows (财政专户拨款 and 其他资金 present)', () => {
    const snap = parseText(table('项目甲\t60.00\t30.00\t20.00\t10.00\t目标\t'));
    expect(snap.projects[0]!.amounts).toEqual({ total: '60.00', fiscal: '30.00', specialAccount: '20.00', other: '10.00' });
  });

  it('keeps an unreadable amount as text for the checker', () => {
    const snap = parseText(table('项目甲\t60.00\t30.00\t20.00\t十元\t目标\t'));
    expect(snap.projects[0]!.amounts.other).toBe('0.00');
    expect(snap.projects[0]!.goal).toContain('十元');
  });

  it('starts a new owner at each unit row', () => {
    const text = [HEADER, '合计\t3.00\t3.00', '甲局(本级)\t1.00\t1.00', '项目一经费\t1.00\t1.00', '乙委员会\t2.00\t2.00', '项目二经费\t2.00\t2.00'].join('\n');
    const snap = parseText(text);
    expect(snap.units.map((u) => u.name)).toEqual(['甲局(本级)', '乙委员会']);
    expect(snap.projects.map((p) => p.owner)).toEqual(['甲局(本级)', '乙委员会']);
  });

  it('turns an unrecognisable line into a warning, not a crash', () => {
    const snap = parseText(table('项目甲\t1.00\t1.00\t目标\t', '###\t@@@'));
    expect(snap.projects).toHaveLength(1);
    expect(snap.warnings.length).toBeGreaterThan(0);
  });
});

describe('files', () => {
  const encoder = new TextEncoder();

  it('reads the seed saved as UTF-8 CSV (quoted cells with commas and line breaks)', async () => {
    const rows = seedText.split('\n').map((line) => line.split('\t'));
    const csv = rows.map((cells) => cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n');
    const snap = await parseFileBytes(encoder.encode(csv), 'seed.csv');
    expect(snap.projects.map((p) => [p.name, p.amounts.total, p.indicators.length])).toEqual(
      seed.projects.map((p) => [p.name, p.amounts.total, p.indicators.length]),
    );
    expect(snap.total).toBe('10540.32');
  });

  it('reads GBK-encoded CSV as Excel on Chinese Windows saves it', async () => {
    // 项目名称,总计,财政拨款,财政专户拨款,其他资金,绩效目标,绩效指标 / 培训经费,5.00,5.00,,,目标,… in GBK.
    const text = `项目名称,总计,财政拨款,财政专户拨款,其他资金,绩效目标,绩效指标\n培训经费,5.00,5.00,,,开展培训,"1、1-产出指标; 11-数量指标; 培训人次; 实施周期指标值:≥100人次; 年度指标值:≥50人次。"\n`;
    const { default: gbk } = await import('./gbk-encode');
    const snap = await parseFileBytes(gbk(text), 'gbk.csv');
    expect(snap.projects[0]).toMatchObject({ name: '培训经费', goal: '开展培训' });
    expect(snap.projects[0]!.indicators[0]!.name).toBe('培训人次');
  });

  it('reads the seed saved as XLSX', async () => {
    const XLSX = await import('@e965/xlsx');
    const rows = seedText.split('\n').map((line) => line.split('\t'));
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), '绩效目标');
    const bytes = XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer;
    const snap = await parseFileBytes(new Uint8Array(bytes), 'seed.xlsx');
    expect(snap.projects.map((p) => [p.name, p.amounts.total, p.indicators.length])).toEqual(
      seed.projects.map((p) => [p.name, p.amounts.total, p.indicators.length]),
    );
  });

  it.each([
    ['empty.txt', new Uint8Array(), '文件是空的'],
    ['notes.txt', encoder.encode('今天开会\n明天出差'), '无法识别的表格'],
    ['scan.pdf', encoder.encode('%PDF-1.4'), 'PDF 文件已损坏或不完整'],
    ['photo.png', encoder.encode('x'), '不支持的文件类型'],
    ['broken.xlsx', encoder.encode('not a zip'), 'broken.xlsx'],
  ])('refuses %s with a message naming the file', async (name, bytes, message) => {
    const error = await parseFileBytes(bytes, name).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toContain(name);
    expect((error as InputError).message).toContain(message);
  });

  it('refuses a file over 20 MB before reading it', async () => {
    const error = await parseFileBytes(new Uint8Array(20 * 1024 * 1024 + 1), 'huge.txt').catch((e: unknown) => e);
    expect((error as InputError).message).toMatch(/huge\.txt: 文件过大/);
  });
});
