import { describe, expect, it } from 'vitest';
import { formSnapshotSchema, type FormSnapshot, type IndicatorValue } from '@/lib/domain';
import type { SourceRow } from '@/lib/parse';
import { parseDeclarationRows } from '@/lib/parse/declaration';
import { readDocxRows } from '@/lib/parse/read-docx';
import { parseCsv, readXlsxRows } from '@/lib/parse/read-file';
import { readHtmlRows } from '@/lib/parse/read-html';
import { textToRows } from '@/lib/parse/text-grid';
import {
  APPROVAL_YUAN,
  BASIC,
  OLDER,
  PLACEHOLDERS,
  SELF_EVALUATION,
  SIDE_BY_SIDE,
  type TableSpec,
  toBlankSheetRows,
  toBrowserTabText,
  toCsv,
  toDocx,
  toHtml,
  toLinesText,
  toPipeText,
  toSheetRows,
  toSpacesText,
  toXlsx,
  TWO_BLOCKS,
  WIDE,
} from '../../fixtures/declarations/tables';

function v(x: IndicatorValue | null): string {
  if (!x) return '-';
  if (x.symbol === '定性') return `定性:${x.text}`;
  return `${x.text}${x.symbol ?? '?'}${x.value ?? '**'}${x.unit}`;
}

/** One line per project and per indicator, the fields a reviewer looks at. */
function summary(s: FormSnapshot | null): string[] {
  if (!s) return ['null'];
  return s.projects.flatMap((p) => [
    `${p.name} | ${p.owner} | ${p.amounts.total} = ${p.amounts.fiscal} + ${p.amounts.specialAccount} + ${p.amounts.other}`,
    `goal: ${p.goal} | annual: ${p.annualGoal ?? ''} | sets: ${p.sets ? `${p.sets.period ? 'P' : ''}${p.sets.annual ? 'A' : ''}` : '?'}`,
    ...p.indicators.map((i) => {
      const extra = [
        i.weight !== undefined ? `w=${i.weight}` : '',
        i.explanation !== undefined ? `e=${i.explanation}` : '',
        i.previousActual !== undefined ? `prev=${i.previousActual}` : '',
        i.remark !== undefined ? `r=${i.remark}` : '',
      ].filter((x) => x !== '');
      return `${i.level1}/${i.level2}/${i.name}: ${v(i.period)} | ${v(i.annual)}${extra.length ? ` ${extra.join(' ')}` : ''}`;
    }),
  ]);
}

const EXPECTED: Record<string, string[]> = {
  BASIC: [
    '社区养老服务补助 | 市养老服务中心 | 120.50 = 100.50 + 0.00 + 20.00',
    'goal: 建成覆盖全市的社区养老服务网络 | annual: 新增社区养老服务站10个 | sets: A',
    '产出指标/数量指标/新增服务站数量: - | ≥10个',
    '产出指标/数量指标/服务老人人次: - | ≥20000人次',
    '产出指标/质量指标/服务站验收合格率: - | ＝100%',
    '产出指标/时效指标/补助资金拨付时间: - | ≤6月底',
    '产出指标/成本指标/单站建设补助标准: - | ≤10万元/个',
    '效益指标/社会效益/老年人生活质量: - | 定性:明显提升',
    '效益指标/可持续影响/服务网络长效运行: - | 定性:长期稳定',
    '满意度指标/服务对象满意度/服务老人满意度: - | ≥95%',
  ],
  APPROVAL_YUAN: [
    '农村道路养护 | 县公路事务中心 | 123.456789 = 100.00 + 0.00 + 23.456789',
    'goal: 完成县乡道日常养护,路况优良率保持在80%以上 | annual:  | sets: PA',
    '产出指标/数量指标/养护里程: ≥1200公里 | ≥400公里',
    '产出指标/质量指标/优良路率: ≥80% | ≥80% r=按省标准',
    '产出指标/时效指标/病害处置时限: ≤48小时 | ≤48小时',
    '效益指标/社会效益/群众出行条件: 定性:持续改善 | 定性:明显改善',
    '满意度指标/服务对象满意度/沿线群众满意度: ≥90% | ≥90%',
  ],
  SIDE_BY_SIDE: [
    '智慧校园建设 | 市第一中学 | 300.00 = 250.00 + 0.00 + 50.00',
    'goal: 建成覆盖全校的智慧教学平台 | annual: 完成一期平台建设 | sets: PA',
    '产出指标/数量指标/智慧教室数量: ≥60间 | ≥20间',
    '产出指标/质量指标/平台验收合格率: ＝100% | ＝100%',
    '产出指标/时效指标/建设完成时间: ≤2026年底 | -',
    '产出指标/时效指标/一期完成时间: - | ≤2024年底',
    '效益指标/社会效益/教学效率提升: 定性:明显提升 | 定性:有所提升',
    '满意度指标/服务对象满意度/师生满意度: ≥90% | ≥90%',
  ],
  TWO_BLOCKS: [
    '镇域内基础设施建设 | 坝塘镇 | 10606.7522 = 6923.3552 + 0.00 + 3683.397',
    'goal: 改善镇域内基础设施 | annual: 全面完成集镇立面改造 | sets: PA',
    '产出指标/数量指标/道路硬化里程: ≥30公里 | ≥10公里',
    '产出指标/质量指标/工程验收合格率: ＝100% | ＝100%',
    '效益指标/社会效益/群众出行便利程度: 定性:显著提升 | 定性:有所提升',
    '满意度指标/服务对象满意度/群众满意度: ≥90% | ≥90%',
    '产出指标/时效指标/当年完工率: - | ≥95%',
  ],
  WIDE: [
    '社区卫生服务能力提升 | 区社区卫生服务中心 | 250.00 = 200.00 + 0.00 + 50.00',
    'goal:  | annual: 提升社区卫生服务能力 | sets: A',
    '产出指标/数量指标/家庭医生签约人数: - | ≥30000人 w=20 e=按常住人口测算 prev=28000',
    '产出指标/数量指标/健康讲座场次: - | ≥24场 w=10',
    '产出指标/质量指标/签约服务规范率: - | ＝100% w=10 prev=100%',
    '产出指标/时效指标/门诊平均候诊时间: - | ≤30分钟 w=10',
    '产出指标/成本指标/人均服务成本: - | ≤80元 w=10',
    '效益指标/社会效益/居民健康知识知晓率: - | 定性:明显提高 w=20 r=定性描述',
    '满意度指标/服务对象满意度/签约居民满意度: - | ≥90% w=20',
  ],
  OLDER: [
    '乡村学校营养餐补助 | 县教育局 | 300.00 = 0.00 + 0.00 + 0.00',
    'goal:  | annual: 保障农村学生营养餐供应 | sets: A',
    '产出指标/数量指标/受助学生人数: - | ＝12000人',
    '产出指标/数量指标/供餐天数: - | ≥200天',
    '产出指标/质量指标/营养达标率: - | ≥95%',
    '效益指标/社会效益/学生营养状况: - | 定性:明显改善',
    '满意度指标/服务对象满意度/家长满意度: - | ≥90%',
  ],
  PLACEHOLDERS: [
    '困难群众救助 |  | 0.00 = 0.00 + 0.00 + 0.00',
    'goal:  | annual: 目标1:保障困难群众基本生活 | sets: A',
    // Template placeholders are unfilled numbers (the checker reports them), never 定性 text.
    '产出指标/数量指标/农村低保发放人数: - | ≥**人',
    '产出指标/成本指标/孤儿基本生活保障标准: - | ?**元/人·月',
    '效益指标/社会效益/政策知晓率: - | ≥**%',
    '满意度指标/服务对象满意度/受助对象满意度: - | ≥**%',
  ],
  SELF_EVALUATION: [
    '城区环卫保洁 | 市环卫处 | 500.00 = 500.00 + 0.00 + 0.00',
    'goal:  | annual: 保持城区道路清洁 | sets: A',
    '产出指标/数量指标/保洁面积: - | ≥300万平方米 prev=310万平方米',
    '产出指标/质量指标/道路保洁率: - | ≥95% prev=98%',
    '效益指标/社会效益/市容环境: - | 定性:明显改善 prev=改善',
    '满意度指标/服务对象满意度/市民满意度: - | ≥85% prev=88%',
  ],
};

const TABLES: Record<string, TableSpec> = {
  BASIC,
  APPROVAL_YUAN,
  SIDE_BY_SIDE,
  TWO_BLOCKS,
  WIDE,
  OLDER,
  PLACEHOLDERS,
  SELF_EVALUATION,
};

type Shape = 'sheet' | 'sheet-blank' | 'xlsx' | 'csv' | 'html' | 'docx' | 'pipe' | 'tab' | 'lines' | 'spaces';

async function rowsIn(spec: TableSpec, shape: Shape): Promise<SourceRow[]> {
  switch (shape) {
    case 'sheet':
      return toSheetRows(spec);
    case 'sheet-blank':
      return toBlankSheetRows(spec);
    case 'xlsx':
      // Through the project's xlsx reader (merges filled from their top-left cell).
      return (await readXlsxRows(await toXlsx(spec)))[0]!.rows;
    case 'csv':
      return parseCsv(toCsv(spec));
    case 'html':
      return readHtmlRows(toHtml(spec));
    case 'docx':
      return readDocxRows(await toDocx(spec));
    case 'pipe':
      return textToRows(toPipeText(spec));
    case 'tab':
      return textToRows(toBrowserTabText(spec));
    case 'lines':
      return textToRows(toLinesText(spec));
    case 'spaces':
      return textToRows(toSpacesText(spec));
  }
}

/**
 * Shapes that lose what a table needs: one cell per line or space-run text cannot tell two side-by-side
 * column groups apart, nor which of several optional text columns (说明 / 上年实际值 / 备注) an unlabelled
 * cell belongs to, nor a self-evaluation's money matrix. These are checked separately below for what
 * they do keep.
 */
const LOSSY = new Set(['SIDE_BY_SIDE/lines', 'SIDE_BY_SIDE/spaces', 'WIDE/lines', 'WIDE/spaces', 'SELF_EVALUATION/lines']);

const SHAPES: Shape[] = ['sheet', 'sheet-blank', 'xlsx', 'csv', 'html', 'docx', 'pipe', 'tab', 'lines', 'spaces'];
const CASES = Object.keys(TABLES)
  .flatMap((table) => SHAPES.map((shape) => [table, shape] as const))
  .filter(([table, shape]) => !LOSSY.has(`${table}/${shape}`));

describe('parseDeclarationRows: every layout in every shape', () => {
  it.each(CASES)('%s as %s', async (table, shape) => {
    const snapshot = parseDeclarationRows(await rowsIn(TABLES[table]!, shape), { file: `${table}.${shape}` });
    expect(summary(snapshot)).toEqual(EXPECTED[table]);
    // The snapshot has the seed importer's shape: it validates, and every indicator says where it came from.
    expect(formSnapshotSchema.safeParse(snapshot).success).toBe(true);
    for (const i of snapshot!.projects.flatMap((p) => p.indicators)) {
      expect(i.source?.line).toBeGreaterThan(0);
      expect(i.source?.file).toBe(`${table}.${shape}`);
    }
  });

  it.each([
    ['SIDE_BY_SIDE', 'spaces'],
    ['WIDE', 'spaces'],
    ['WIDE', 'lines'],
  ] as const)('%s as %s keeps the names and the main values it can tell apart', async (table, shape) => {
    const snapshot = parseDeclarationRows(await rowsIn(TABLES[table]!, shape));
    const names = snapshot!.projects[0]!.indicators.map((i) => i.name);
    const expectedNames = EXPECTED[table]!.slice(2).map((line) => line.split(':')[0]!.split('/')[2]!);
    // Every real indicator is found; at most the odd optional cell is taken for an extra indicator.
    for (const name of expectedNames) expect(names).toContain(name);
    const first = snapshot!.projects[0]!.indicators.find((i) => i.name === expectedNames[0]);
    expect(v(first!.annual)).toBe(EXPECTED[table]![2]!.split(' | ')[1]!.split(' ')[0]);
  });
});

describe('layout kinds and warnings', () => {
  it('marks a self-evaluation, warns that it is not a target table and never takes actual values for targets', () => {
    const snapshot = parseDeclarationRows(toSheetRows(SELF_EVALUATION))!;
    expect(snapshot.layout).toBe('self-evaluation');
    expect(snapshot.warnings.some((w) => /自评表/.test(w.message) && /not a target table/.test(w.message))).toBe(true);
    const actuals = ['310万平方米', '98%', '改善', '88%'];
    for (const i of snapshot.projects[0]!.indicators) {
      expect(actuals).not.toContain(i.annual?.raw);
      expect(i.period).toBeNull();
      // 分值 of a self-evaluation are scoring points, not target weights.
      expect(i.weight).toBeUndefined();
    }
  });

  it('says declaration for 申报表 and 批复表', () => {
    expect(parseDeclarationRows(toSheetRows(BASIC))!.layout).toBe('declaration');
    expect(parseDeclarationRows(toSheetRows(APPROVAL_YUAN))!.layout).toBe('declaration');
  });

  it('re-homes satisfaction rows of the older layout with a warning', () => {
    const snapshot = parseDeclarationRows(toSheetRows(OLDER))!;
    expect(snapshot.warnings.map((w) => w.message).filter((m) => /older layout/.test(m))).toHaveLength(1);
    expect(snapshot.warnings.find((w) => /older layout/.test(w.message))!.line).toBe(11);
  });

  it('warns that only the total is printed', () => {
    const snapshot = parseDeclarationRows(toSheetRows(OLDER))!;
    expect(snapshot.warnings.some((w) => /only the total is printed/.test(w.message))).toBe(true);
  });

  it('returns null for the seed export list, a list header and prose', async () => {
    const { readFileSync } = await import('node:fs');
    const seed = readFileSync(new URL('../../fixtures/baiyun-perf-targets.txt', import.meta.url), 'utf8');
    expect(parseDeclarationRows(textToRows(seed))).toBeNull();
    const list = [
      ['项目名称', '总计', '财政拨款', '财政专户拨款', '其他资金', '绩效目标', '绩效指标'],
      ['某项目', '10.00', '10.00', '', '', '目标', '1、1-产出指标; 11-数量指标; 培训; 实施周期指标值:≥1次'],
    ].map((cells, k) => ({ cells, line: k + 1 }));
    expect(parseDeclarationRows(list)).toBeNull();
    expect(parseDeclarationRows(textToRows('今天开会讨论预算绩效管理工作。\n请各单位按时报送材料。'))).toBeNull();
    expect(parseDeclarationRows([])).toBeNull();
  });
});

/** A small table with the given header row and data rows, as sheet rows with a project name. */
function sheet(...rows: string[][]): SourceRow[] {
  return [['项目名称', '测试项目'], ...rows].map((cells, k) => ({ cells, line: k + 1 }));
}

describe('header block', () => {
  it.each([
    ['万元 by default, with a warning', [['资金总额', '12.5']], '12.50', true],
    ['单位:元 stated above', [['单位:元'], ['资金总额', '125000']], '12.50', false],
    ['金额单位:万元', [['金额单位:万元'], ['资金总额', '12.5']], '12.50', false],
    ['unit in the label', [['资金总额(元)', '125,000.00']], '12.50', false],
    ['unit glued to the amount', [['资金总额', '125000元']], '12.50', false],
    ['万元 glued to the amount', [['资金总额', '12.5万元']], '12.50', false],
    ['元 kept exact past two places', [['单位:元'], ['资金总额', '1,234,567.89']], '123.456789', false],
    ['PDF spacing inside the number', [['单位:万元'], ['资金总额', '10, 540. 32']], '10540.32', false],
    ['a word before the amount', [['单位:万元'], ['资金总额及构成', '总额10606.7522万元']], '10606.7522', false],
  ])('reads money: %s', (_name, rows, total, warns) => {
    const snapshot = parseDeclarationRows(sheet(...rows, ['一级指标', '二级指标', '三级指标', '指标值']))!;
    expect(snapshot.projects[0]!.amounts.total).toBe(total);
    expect(snapshot.warnings.some((w) => /no money unit/.test(w.message))).toBe(warns);
  });

  it('computes the total from its parts when none is printed, and says so', () => {
    const snapshot = parseDeclarationRows(
      sheet(['单位:万元'], ['财政拨款', '80.25', '其他资金', '19.75'], ['一级指标', '二级指标', '三级指标', '指标值']),
    )!;
    expect(snapshot.projects[0]!.amounts).toEqual({ total: '100.00', fiscal: '80.25', specialAccount: '0.00', other: '19.75' });
    expect(snapshot.warnings.some((w) => /sum of the parts/.test(w.message))).toBe(true);
  });

  it.each([
    ['主管部门 only', [['主管部门', '市财政局']], '市财政局'],
    ['实施单位 wins over 主管部门', [['主管部门', '市财政局', '实施单位', '市绩效中心']], '市绩效中心'],
    ['glued with a colon', [['主管部门:市财政局']], '市财政局'],
    ['填报单位 as the last resort', [['填报单位(盖章):某区政府']], '某区政府'],
  ])('reads the owner: %s', (_name, rows, owner) => {
    const snapshot = parseDeclarationRows(sheet(...rows, ['一级指标', '二级指标', '三级指标', '指标值']))!;
    expect(snapshot.projects[0]!.owner).toBe(owner);
  });

  it.each([
    ['总体目标 + 年度目标', [['总体目标', 'G'], ['年度目标', 'A']], 'G', 'A'],
    ['实施期目标', [['实施期目标', 'G']], 'G', undefined],
    ['年度总体目标 (批复表)', [['年度总体目标', 'A']], '', 'A'],
    ['goal running over two rows', [['年度目标', '目标1:建成'], ['', '目标2:运行']], '', '目标1:建成 目标2:运行'],
    ['labels over values', [['总体目标', '长期目标', '年度目标'], ['', 'G', 'A']], 'G', 'A'],
  ])('reads goals: %s', (_name, rows, goal, annual) => {
    const p = parseDeclarationRows(sheet(...rows, ['一级指标', '二级指标', '三级指标', '指标值']))!.projects[0]!;
    expect(p.goal).toBe(goal);
    expect(p.annualGoal).toBe(annual);
  });

  it('recognises a declaration without an indicator table and warns', () => {
    const snapshot = parseDeclarationRows(sheet(['年度目标', '完成建设'], ['资金总额', '10']))!;
    expect(snapshot.projects[0]!.indicators).toEqual([]);
    expect(snapshot.warnings.some((w) => /no indicator table/.test(w.message))).toBe(true);
  });
});

describe('indicator block', () => {
  const header = ['一级指标', '二级指标', '三级指标', '指标值'];

  it.each([
    ['年度指标值', 'A'],
    ['指标值', 'A'],
    ['预期(当年)实现值', 'A'],
    ['实施周期指标值', 'P'],
    ['中长期指标值', 'P'],
    ['实施期及年度指标值', 'PA'],
  ])('a single value column named %s fills set %s', (label, sets) => {
    const p = parseDeclarationRows(sheet(['一级指标', '二级指标', '三级指标', label], ['产出指标', '数量指标', '培训', '≥5次']))!
      .projects[0]!;
    expect(`${p.sets!.period ? 'P' : ''}${p.sets!.annual ? 'A' : ''}`).toBe(sets);
    expect(v(p.indicators[0]!.annual)).toBe(sets.includes('A') ? '≥5次' : '-');
    expect(v(p.indicators[0]!.period)).toBe(sets.includes('P') ? '≥5次' : '-');
  });

  it('keeps 上年实际值 apart from the targets and 上年指标值 in the remark', () => {
    const p = parseDeclarationRows(
      sheet(
        ['一级指标', '二级指标', '三级指标', '上年实际值', '上年指标值', '年度指标值'],
        ['产出指标', '数量指标', '培训', '6次', '≥4次', '≥5次'],
      ),
    )!.projects[0]!;
    expect(p.indicators[0]).toMatchObject({ previousActual: '6次', remark: '上年指标值:≥4次' });
    expect(v(p.indicators[0]!.annual)).toBe('≥5次');
  });

  it.each([
    ['数量', '数量指标'],
    ['数量指标', '数量指标'],
    ['11-数量指标', '数量指标'],
    ['服务对象满意度', '服务对象满意度'],
    ['服务对象满意度指标', '服务对象满意度'],
    ['社会公众或服务对象满意度指标', '服务对象满意度'],
  ])('reads the 二级 label %s as %s', (label, level2) => {
    const l1 = level2 === '数量指标' ? '产出指标' : '满意度指标';
    const p = parseDeclarationRows(sheet(header, [l1, label, '某指标', '≥1个']))!.projects[0]!;
    expect(p.indicators[0]).toMatchObject({ level1: l1, level2 });
  });

  it.each([
    ['glued', ['≥95%'], '≥95%'],
    ['ASCII symbol and a rate unit', ['<=475元/亩'], '≤475元/亩'],
    ['count with unit, no symbol', ['10辆'], '＝10辆'],
    ['qualitative grade', ['优良'], '定性:优良'],
  ])('reads a %s value', (_name, [cell], expected) => {
    const p = parseDeclarationRows(sheet(header, ['产出指标', '数量指标', '某指标', cell!]))!.projects[0]!;
    expect(v(p.indicators[0]!.annual)).toBe(expected);
  });

  it.each([
    ['symbol column', ['≥', '95', '%', ''], '≥95%'],
    ['full-width symbol column', ['＞', '20', '平方米', ''], '＞20平方米'],
    ['定性 in the symbol column', ['定性', '良好', '', ''], '定性:良好'],
    ['正向 without a symbol reads as at least', ['', '90', '%', '正向'], '≥90%'],
    ['反向 without a symbol reads as at most', ['', '3', '小时', '反向'], '≤3小时'],
    ['a symbol typed in the value wins over 定量', ['定量', '≤2', '小时', ''], '≤2小时'],
  ])('combines %s', (_name, [symbol, value, unit, direction], expected) => {
    const p = parseDeclarationRows(
      sheet(
        ['一级指标', '二级指标', '三级指标', '计算符号', '指标值', '度量单位', '指标方向性'],
        ['产出指标', '质量指标', '某指标', symbol!, value!, unit!, direction!],
      ),
    )!.projects[0]!;
    expect(v(p.indicators[0]!.annual)).toBe(expected);
  });

  it.each([
    ['weights as printed', '20', '20'],
    ['with a percent sign', '20%', '20'],
    ['with 分', '10分', '10'],
    ['decimal', '12.5', '12.5'],
  ])('reads %s', (_name, cell, weight) => {
    const p = parseDeclarationRows(
      sheet(['一级指标', '二级指标', '三级指标', '指标值', '权重'], ['产出指标', '数量指标', '某指标', '≥1个', cell]),
    )!.projects[0]!;
    expect(p.indicators[0]!.weight).toBe(weight);
  });

  it('carries labels forward from merged cells whose label sits on the first row', () => {
    const p = parseDeclarationRows(
      sheet(
        header,
        ['产出指标', '数量指标', 'a', '1个'],
        ['', '', 'b', '2个'],
        ['', '质量指标', 'c', '100%'],
        ['效益指标', '', 'd', '提升'],
        ['', '社会效益', 'e', '提升'],
      ),
    )!.projects[0]!;
    expect(p.indicators.map((i) => `${i.name}:${i.level1}/${i.level2}`)).toEqual([
      'a:产出指标/数量指标',
      'b:产出指标/数量指标',
      'c:产出指标/质量指标',
      // A new 一级 does not inherit the 二级 of the block above; it takes the 二级 printed below it.
      'd:效益指标/社会效益',
      'e:效益指标/社会效益',
    ]);
  });

  it('carries centred labels both ways, using the taxonomy for 一级, and warns', () => {
    const snapshot = parseDeclarationRows(
      sheet(
        header,
        ['', '数量指标', 'a', '1个'],
        ['产出指标', '', 'b', '2个'],
        ['', '质量指标', 'c', '100%'],
        ['', '经济效益', 'd', '提升'],
        ['效益指标', '', 'e', '提升'],
        ['', '社会效益', 'f', '提升'],
        ['满意度指标', '服务对象满意度', 'g', '≥90%'],
      ),
    )!;
    expect(snapshot.projects[0]!.indicators.map((i) => `${i.name}:${i.level1}/${i.level2}`)).toEqual([
      'a:产出指标/数量指标',
      'b:产出指标/数量指标',
      'c:产出指标/质量指标',
      'd:效益指标/经济效益',
      'e:效益指标/经济效益',
      'f:效益指标/社会效益',
      'g:满意度指标/服务对象满意度',
    ]);
    expect(snapshot.warnings.some((w) => /please review/.test(w.message))).toBe(true);
  });

  it('keeps a 二级 under the wrong 一级 as printed, for the checker to report', () => {
    const p = parseDeclarationRows(sheet(header, ['效益指标', '质量指标', '系统顺畅', '运行顺畅']))!.projects[0]!;
    expect(p.indicators[0]).toMatchObject({ level1: '效益指标', level2: '质量指标' });
  });

  it('keeps duplicate names as two indicators', () => {
    const p = parseDeclarationRows(
      sheet(header, ['效益指标', '社会效益', '提高管理规范化水平', '减少重复工作'], ['', '', '提高管理规范化水平', '电子化']),
    )!.projects[0]!;
    expect(p.indicators.map((i) => i.name)).toEqual(['提高管理规范化水平', '提高管理规范化水平']);
  });

  it('keeps a name with no value (the checker reports the missing value)', () => {
    const p = parseDeclarationRows(sheet(header, ['产出指标', '数量指标', '培训人次', '']))!.projects[0]!;
    expect(p.indicators[0]).toMatchObject({ name: '培训人次', annual: null });
  });

  it('stops at notes and signatures under the table', () => {
    const p = parseDeclarationRows(
      sheet(header, ['产出指标', '数量指标', '培训', '5次'], ['注:指标值按年度填写'], ['填报人:张三', '联系电话:123']),
    )!.projects[0]!;
    expect(p.indicators.map((i) => i.name)).toEqual(['培训']);
  });

  it('reads a 年度绩效指标 label between blocks that share one header', () => {
    const p = parseDeclarationRows(
      sheet(
        ['长期绩效指标'],
        header,
        ['产出指标', '数量指标', '培训', '≥20次'],
        ['年度绩效指标'],
        ['产出指标', '数量指标', '培训', '≥5次'],
      ),
    )!.projects[0]!;
    expect(p.indicators.map((i) => `${i.name}:${v(i.period)}|${v(i.annual)}`)).toEqual(['培训:≥20次|≥5次']);
    expect(p.sets).toEqual({ period: true, annual: true });
  });

  it('warns about a header row it cannot place, with its line', () => {
    const snapshot = parseDeclarationRows(sheet(['甲乙丙', '丁戊己'], header, ['产出指标', '数量指标', '培训', '5次']))!;
    expect(snapshot.warnings).toContainEqual({ line: 2, message: expect.stringMatching(/could not place this header row/) });
    expect(snapshot.projects[0]!.indicators).toHaveLength(1);
  });
});

describe('several projects in one page', () => {
  it('splits a page with two tables into two projects, each with its own unit', () => {
    const second: TableSpec = {
      before: ['2024年项目支出绩效目标批复表', '单位:元'],
      grid: [
        ['项目名称', '第二个项目', '<', '<'],
        ['年度资金总额', '50000', '<', '<'],
        ['一级指标', '二级指标', '三级指标', '指标值'],
        ['产出指标', '数量指标', '某指标', '≥1个'],
      ],
    };
    const html = toHtml(BASIC) + toHtml(second);
    const snapshot = parseDeclarationRows(readHtmlRows(html), { file: 'page.html' })!;
    expect(snapshot.projects.map((p) => [p.name, p.amounts.total, p.indicators.length])).toEqual([
      ['社区养老服务补助', '120.50', 8],
      ['第二个项目', '5.00', 1],
    ]);
    expect(snapshot.origin).toBe('page.html');
  });
});

describe('fixture files (what the CLI is run on)', () => {
  const read = async (name: string) => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(new URL(`../../fixtures/declarations/${name}`, import.meta.url), 'utf8');
    return parseDeclarationRows(name.endsWith('.html') ? readHtmlRows(text) : textToRows(text), { file: name })!;
  };

  it.each([
    ['pipe-basic.md', '社区养老服务补助', 8, 'A', 'declaration'],
    ['tab-browser-copy.txt', '农村道路养护', 6, 'PA', 'declaration'],
    ['lines-one-cell.txt', '图书馆数字资源采购', 5, 'A', 'declaration'],
    ['spaces-pdf.txt', '城市公园绿化养护', 6, 'A', 'declaration'],
    ['central-template.html', '智慧校园建设', 6, 'PA', 'declaration'],
    ['two-blocks.txt', '镇域内基础设施建设', 5, 'PA', 'declaration'],
    ['centred-old-layout.txt', '乡村学校营养餐补助', 8, 'A', 'declaration'],
    ['self-evaluation.md', '城区环卫保洁', 4, 'A', 'self-evaluation'],
  ])('%s', async (file, name, count, sets, layout) => {
    const snapshot = await read(file);
    const p = snapshot.projects[0]!;
    expect([p.name, p.indicators.length, `${p.sets!.period ? 'P' : ''}${p.sets!.annual ? 'A' : ''}`, snapshot.layout]).toEqual([
      name,
      count,
      sets,
      layout,
    ]);
    expect(snapshot.projects).toHaveLength(1);
    // Every indicator has a name and a value (none was shifted into the wrong column).
    for (const i of p.indicators) expect([i.name, i.annual ?? i.period]).not.toContain(null);
    for (const i of p.indicators) expect(i.name).not.toMatch(/^[≥≤<>=]/);
  });
});

describe('order and noise', () => {
  it('reads header fields in any order, with noise rows, and indicator columns in any order', () => {
    const rows = [
      ['填报日期:2024年3月1日'],
      ['实施单位', '市图书馆'],
      [''],
      ['年度目标', '完成数字资源采购'],
      ['项目名称', '数字资源采购'],
      ['项目负责人', '李四', '联系电话', '12345678'],
      ['单位:万元'],
      ['其他资金', '5', '财政拨款', '80.5'],
      ['序号', '指标值', '三级指标', '二级指标', '一级指标', '备注'],
      ['1', '≥12个', '采购数据库数量', '数量指标', '产出指标', ''],
      ['2', '≥99%', '数据库可用率', '质量指标', '产出指标', '第三方监测'],
      ['', '', '', '', '', ''],
      ['3', '≥90%', '读者满意度', '服务对象满意度', '满意度指标', ''],
      ['审核人:王五'],
    ].map((cells, k) => ({ cells, line: k + 1 }));
    const snapshot = parseDeclarationRows(rows)!;
    expect(summary(snapshot)).toEqual([
      '数字资源采购 | 市图书馆 | 85.50 = 80.50 + 0.00 + 5.00',
      'goal:  | annual: 完成数字资源采购 | sets: A',
      '产出指标/数量指标/采购数据库数量: - | ≥12个',
      '产出指标/质量指标/数据库可用率: - | ≥99% r=第三方监测',
      '满意度指标/服务对象满意度/读者满意度: - | ≥90%',
    ]);
    expect(snapshot.warnings.map((w) => w.line)).toEqual([8]);
  });
});
