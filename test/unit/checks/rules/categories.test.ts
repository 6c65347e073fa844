import { describe, expect, it } from 'vitest';
import { makeIndicator } from '../../../fixtures/make-snapshot';
import { checkProjectWith, where } from '../support';

const output = makeIndicator({ name: '培训场次' });
const benefit = makeIndicator({ level1: '效益指标', level2: '社会效益', name: '社会影响', period: '明显', annual: '明显' });
const satisfaction = makeIndicator({ level1: '满意度指标', level2: '服务对象满意度', name: '满意度', period: '≥90%', annual: '≥90%' });

describe('indicators.missing', () => {
  it.each([
    ['no indicators', [], ['error:-:indicators']],
    ['one indicator', [output], []],
  ])('%s', (_label, indicators, expected) => {
    expect(where(checkProjectWith('indicators.missing', { indicators }))).toEqual(expected);
  });
});

describe('category.missing', () => {
  const plain = { name: '办公设备购置', goal: '购置办公设备，保障日常办公。' };
  const serving = { name: '政务服务大厅运行经费', goal: '保障综合窗口正常运行。' };

  it.each([
    ['all three categories', plain, [output, benefit, satisfaction], []],
    ['no satisfaction, not serving people', plain, [output, benefit], []],
    ['no benefit indicator', plain, [output, satisfaction], ['error:-:indicators']],
    ['no output indicator', plain, [benefit], ['error:-:indicators']],
    ['neither output nor benefit', plain, [satisfaction], ['error:-:indicators', 'error:-:indicators']],
    ['serving people without satisfaction', serving, [output, benefit], ['warning:-:indicators']],
    ['serving people with satisfaction', serving, [output, benefit, satisfaction], []],
    ['no indicators at all is indicators.missing’s', plain, [], []],
    ['a category by code and alias', plain, [makeIndicator({ level1: '1-产出' }), makeIndicator({ level1: '2', level2: '22', name: '影响' })], []],
  ])('%s', (_label, project, indicators, expected) => {
    expect(where(checkProjectWith('category.missing', { ...project, indicators }))).toEqual(expected);
  });

  it('names the missing category, what is there, and gives each its own key', () => {
    const findings = checkProjectWith('category.missing', { ...plain, indicators: [satisfaction] });
    expect(findings.map((f) => f.message)).toEqual([
      '缺少产出指标（现有：满意度指标）；每个项目都应至少有一条产出指标下的三级指标',
      '缺少效益指标（现有：满意度指标）；每个项目都应至少有一条效益指标下的三级指标',
    ]);
    expect(new Set(findings.map((f) => f.key)).size).toBe(2);
  });

  it('says which word made the project one that serves people', () => {
    const [finding] = checkProjectWith('category.missing', { ...serving, indicators: [output, benefit] });
    expect(finding?.message).toContain('「窗口」');
  });

  it.each([
    ['keyword list from config', { servesPeopleKeywords: ['办公'] }, plain, ['warning:-:indicators']],
    ['required categories from config', { required: ['产出指标', '效益指标', '满意度指标'] }, plain, ['error:-:indicators']],
  ])('%s', (_label, options, project, expected) => {
    const findings = checkProjectWith('category.missing', { ...project, indicators: [output, benefit] }, {
      rules: { 'category.missing': options },
    });
    expect(where(findings)).toEqual(expected);
  });
});
