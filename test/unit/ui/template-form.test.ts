import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE } from '../../../lib/domain/taxonomy';
import { splitValue } from '../../../lib/domain/values';
import {
  EMPTY_TEMPLATE_FORM,
  setToForm,
  templateToForm,
  validateSetForm,
  validateTemplateForm,
  type TemplateFormValues,
} from '../../../lib/ui/template-form';

const valid: TemplateFormValues = {
  ...EMPTY_TEMPLATE_FORM,
  level1: '产出指标',
  level2: '数量指标',
  name: '培训人次',
  period: '不少于400人次',
  annual: '≥100人次',
  tags: '2025，培训',
};

describe('validateTemplateForm', () => {
  it('turns a valid form into template contents and tags', () => {
    const result = validateTemplateForm(valid, DEFAULT_PROFILE);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.content).toEqual({
      level1: '产出指标',
      level2: '数量指标',
      name: '培训人次',
      period: splitValue('不少于400人次'),
      annual: splitValue('≥100人次'),
    });
    expect(result.value.tags).toEqual(['2025', '培训']);
  });

  it.each([
    ['name', { name: '  ' }, { code: 'required' }],
    ['name', { name: '名'.repeat(101) }, { code: 'tooLong', max: 100 }],
    ['explanation', { explanation: '说'.repeat(2001) }, { code: 'tooLong', max: 2000 }],
    ['period', { period: '', annual: '' }, { code: 'valueMissing' }],
    ['period', { period: '参90%' }, { code: 'valueUnreadable', raw: '参90%' }],
    ['annual', { annual: '令90%' }, { code: 'valueUnreadable', raw: '令90%' }],
    ['level2', { level1: '效益指标', level2: '质量指标' }, { code: 'level2Misplaced', level1: '效益指标', expected: '产出指标' }],
    ['weight', { weight: '十分' }, { code: 'notNumber' }],
    ['tags', { tags: `${'标'.repeat(51)}` }, { code: 'tagTooLong', tag: '标'.repeat(51), max: 50 }],
  ] as const)('refuses %s: %o', (field, change, error) => {
    const result = validateTemplateForm({ ...valid, ...change }, DEFAULT_PROFILE);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[field]).toEqual(error);
  });

  it('accepts one value alone, a qualitative value and categories the profile does not know', () => {
    const result = validateTemplateForm(
      { ...valid, level1: '成本指标', level2: '经济成本', period: '', annual: '无重大安全事故', weight: '10' },
      DEFAULT_PROFILE,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.content.period).toBeNull();
    expect(result.value.content.annual?.symbol).toBe('定性');
    expect(result.value.content.weight).toBe('10');
  });

  it('round-trips a stored template through the form unchanged (values keep the text they were imported as)', () => {
    const first = validateTemplateForm(valid, DEFAULT_PROFILE);
    if (!first.ok) throw new Error('valid form refused');
    const stored = first.value.content;
    const form = templateToForm({ ...stored, tags: first.value.tags });
    expect(form.period).toBe('≥400人次');
    expect(validateTemplateForm(form, DEFAULT_PROFILE, stored)).toEqual(first);
    // An edited value is read from its new text.
    const edited = validateTemplateForm({ ...form, period: '≥500人次' }, DEFAULT_PROFILE, stored);
    expect(edited.ok && edited.value.content.period).toEqual(splitValue('≥500人次'));
  });
});

describe('validateSetForm', () => {
  const items = [{ level1: '产出指标', level2: '数量指标', name: '培训人次', period: null, annual: splitValue('≥1次') }];

  it.each([
    ['name', { name: '' }, { code: 'required' }],
    ['name', { name: '名'.repeat(201) }, { code: 'tooLong', max: 200 }],
    ['projectName', { projectName: '项'.repeat(501) }, { code: 'tooLong', max: 500 }],
  ] as const)('refuses %s: %o', (field, change, error) => {
    const result = validateSetForm({ ...setToForm({ name: '培训经费', projectName: '', goal: '', tags: [] }), ...change }, items);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[field]).toEqual(error);
  });

  it('gives the library.saveSet request', () => {
    const result = validateSetForm({ name: ' 培训经费 ', projectName: '干部培训', goal: '完成培训', tags: '2025、培训' }, items, 'set-1');
    expect(result).toEqual({
      ok: true,
      value: { id: 'set-1', name: '培训经费', projectName: '干部培训', goal: '完成培训', items, tags: ['2025', '培训'] },
    });
  });
});
