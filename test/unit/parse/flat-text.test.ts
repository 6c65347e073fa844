import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE, formatValue } from '@/lib/domain';
import { parseText } from '@/lib/parse';
import { flatTextToRows, looksFlattened } from '@/lib/parse/flat-text';

function read(text: string) {
  const snapshot = parseText(text, { file: 'flat.txt' });
  return {
    snapshot,
    rows: snapshot.projects.flatMap((p) =>
      p.indicators.map((i) => `${i.level1}/${i.level2}/${i.name}: ${i.period ? formatValue(i.period) : '-'} | ${i.annual ? formatValue(i.annual) : '-'}`),
    ),
  };
}

describe('text flattened out of a Word / PDF preview', () => {
  it('cuts a table with no delimiters at all by category names, 反映… explanations and value shapes', () => {
    const text =
      '部门预算项目支出绩效目标表项目名称办公大楼运行保障项目类别本级支出项目绩效目标保障办公大楼正常运转。' +
      '一级指标二级指标三级指标指标解释当年预期实现值数量指标办公大楼日常维修维护次数反映办公大楼全年维修维护情况≥280次' +
      '大楼安检巡察次数反映大楼保卫巡检情况200次质量指标维修维护验收合格率反映维修质量情况>92%' +
      '效益指标社会效益指标办公环境明显改善满意度指标服务对象满意度指标干部职工满意度≥90%';
    const { snapshot, rows } = read(text);
    expect(snapshot.layout).toBe('flattened');
    expect(snapshot.projects[0]!.name).toBe('办公大楼运行保障');
    expect(rows).toEqual([
      '产出指标/数量指标/办公大楼日常维修维护次数: - | ≥280次',
      '产出指标/数量指标/大楼安检巡察次数: - | ＝200次',
      '产出指标/质量指标/维修维护验收合格率: - | ＞92%',
      '效益指标/社会效益/办公环境: - | 明显改善',
      '满意度指标/服务对象满意度/干部职工满意度: - | ≥90%',
    ]);
    expect(snapshot.projects[0]!.indicators[0]!.explanation).toBe('反映办公大楼全年维修维护情况');
  });

  it('says each cut is a guess, with its line', () => {
    const text = '项目名称道路养护\n一级指标二级指标三级指标指标值\n产出指标数量指标养护里程≥120公里\n质量指标验收合格率100%\n效益指标社会效益指标群众出行条件显著改善\n';
    const { snapshot } = read(text);
    const guesses = snapshot.warnings.filter((w) => w.message.includes('按指标词表拆分'));
    expect(guesses.map((w) => w.line)).toEqual([3, 4, 5]);
    expect(guesses[0]!.message).toContain('「养护里程」指标值「≥120公里」');
  });

  it('reads one row per line with cells run together, carrying the 一级 down', () => {
    const text = [
      '绩效目标表',
      '项目名称农村学校改造补助资金',
      '年度资金总额:16',
      '绩效指标一级指标二级指标指标内容指标值',
      '产出指标数量指标学校改造覆盖率100%',
      '质量指标校舍维修改造质量合格率100%',
      '时效指标预算资金当年下达率100%',
      '效益指标可持续影响指标义务教育均衡发展水平稳步提高',
      '满意度指标服务对象满意度指标学生家长满意度≥90%',
    ].join('\n');
    const { snapshot, rows } = read(text);
    expect(snapshot.projects[0]!.amounts.total).toBe('16.00');
    expect(rows).toEqual([
      '产出指标/数量指标/学校改造覆盖率: - | ＝100%',
      '产出指标/质量指标/校舍维修改造质量合格率: - | ＝100%',
      '产出指标/时效指标/预算资金当年下达率: - | ＝100%',
      '效益指标/可持续影响/义务教育均衡发展水平: - | 稳步提高',
      '满意度指标/服务对象满意度/学生家长满意度: - | ≥90%',
    ]);
  });

  it('reads a notice that states the targets in prose, dropping template hints and section numbers', () => {
    const text = [
      '关于某项目绩效目标设定的公示',
      '一、产出指标',
      '数量指标:种植数量(≥**株)>=17600株;种植作物成活率(≥**%)>=85%;时效指标:完成及时率(≥**%)>=100%。',
      '二、效益指标',
      '经济效益指标:特色产业产值(≥**万元)≥80万元。',
      '三、满意度指标',
      '服务对象满意度指标,受益户满意度(≥**%)≥95%。',
    ].join('\n');
    const { rows } = read(text);
    expect(rows).toEqual([
      '产出指标/数量指标/种植数量: - | ≥17600株',
      '产出指标/数量指标/种植作物成活率: - | ≥85%',
      '产出指标/时效指标/完成及时率: - | ≥100%',
      '效益指标/经济效益/特色产业产值: - | ≥80万元',
      '满意度指标/服务对象满意度/受益户满意度: - | ≥95%',
    ]);
  });

  it('repairs a rate over 100% whose ≥ the preview turned into a 2, and says so', () => {
    const { rows, warnings } = flatTextToRows('一级指标二级指标三级指标指标值质量指标设备更新验收合格率292%设备维保验收合格率95%', DEFAULT_PROFILE);
    expect(rows.slice(1).map((r) => r.cells[4])).toEqual(['≥92%', '95%']);
    expect(warnings[0]!.message).toContain('疑为「≥92%」');
    expect(warnings[1]!.message).not.toContain('疑为');
  });

  it('ends an indicator at an outcome that needs no number, and keeps a sign whose number is lost', () => {
    const { rows } = flatTextToRows('一级指标二级指标三级指标指标值成本指标成本控制率不超预算水电气消耗下降率反映水电气消耗下降情况>', DEFAULT_PROFILE);
    expect(rows.slice(1).map((r) => r.cells.slice(2))).toEqual([
      ['成本控制率', '', '不超预算'],
      ['水电气消耗下降率', '反映水电气消耗下降情况', '>'],
    ]);
  });

  it('takes a number inside a sentence for part of the name, not its value', () => {
    const { rows } = flatTextToRows('一级指标二级指标三级指标指标值产出指标数量指标完成第3批设备采购数量≥20台', DEFAULT_PROFILE);
    expect(rows.at(-1)!.cells).toEqual(['产出指标', '数量指标', '完成第3批设备采购数量', '', '≥20台']);
  });

  it('leaves tables with cell delimiters to the grid readers', () => {
    expect(looksFlattened('一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t培训人次\t≥280人次', DEFAULT_PROFILE)).toBe(false);
    expect(looksFlattened('产出指标 数量指标 培训人次 ≥280人次\n 质量指标 合格率 ≥95%', DEFAULT_PROFILE)).toBe(false);
    expect(looksFlattened('产出指标数量指标培训人次≥280人次质量指标合格率≥95%', DEFAULT_PROFILE)).toBe(true);
  });
});
