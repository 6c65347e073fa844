import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../../lib/checks/types';
import { LOCALES, translator } from '../../../lib/i18n';
import { uiMessages } from '../../../lib/i18n/ui';
import { fieldErrorText } from '../../../lib/ui/field-error';
import { OPTION_KEYS } from '../../../lib/ui/rules-config';
import type { FieldError } from '../../../lib/ui/template-form';

const HAN = /\p{Script=Han}/u;

describe('the UI catalog', () => {
  it('has the same keys in every locale, zh-CN complete', () => {
    const zh = Object.keys(uiMessages.messages['zh-CN']).sort();
    expect(Object.keys(uiMessages.messages.en).sort()).toEqual(zh);
    expect(zh.length).toBeGreaterThan(250);
  });

  it('writes every fixed Chinese message in Chinese and every English one without Chinese prose', () => {
    for (const [key, message] of Object.entries(uiMessages.messages['zh-CN'])) {
      if (typeof message === 'string' && !['portals.placeholder'].includes(key)) expect(message, key).toMatch(HAN);
    }
    for (const [key, message] of Object.entries(uiMessages.messages.en)) {
      if (typeof message !== 'string') continue;
      // Domain terms (一级, 二级, sample values) may appear; sentences may not.
      const han = [...message.matchAll(/\p{Script=Han}+/gu)].map((m) => m[0]);
      expect(han.every((w) => w.length <= 8), key).toBe(true);
    }
  });

  it.each(LOCALES)('names and describes every rule and option in %s', (locale) => {
    const t = translator(uiMessages, locale);
    for (const id of RULE_IDS) {
      expect(t('rule.name', { id }), id).not.toBe('');
      expect(t('rule.description', { id }), id).not.toBe('');
    }
    for (const key of OPTION_KEYS) expect(t('option.label', { key }), key).not.toBe('');
  });

  it.each(LOCALES)('renders every form error in %s', (locale) => {
    const t = translator(uiMessages, locale);
    const errors: FieldError[] = [
      { code: 'required' },
      { code: 'tooLong', max: 100 },
      { code: 'valueMissing' },
      { code: 'valueUnreadable', raw: '参90%' },
      { code: 'level2Misplaced', level1: '效益指标', expected: '产出指标' },
      { code: 'notNumber' },
      { code: 'tagTooLong', tag: 'x', max: 50 },
      { code: 'tooManyTags', max: 50 },
      { code: 'invalid' },
    ];
    const texts = errors.map((e) => fieldErrorText(t, e));
    expect(texts.every((x) => typeof x === 'string' && x.length > 3)).toBe(true);
    expect(new Set(texts).size).toBe(errors.length);
    expect(texts[4]).toContain('产出指标');
    expect(fieldErrorText(t, undefined)).toBeNull();
  });

  it.each([
    ['zh-CN', { row: 0 }, '整个文件'],
    ['zh-CN', { row: 9, index: 7 }, '第 9 行第 7 条'],
    ['en', { row: 9 }, 'row 9'],
  ] as const)('places import rows (%s %o)', (locale, p, text) => {
    expect(translator(uiMessages, locale)('import.row', p)).toBe(text);
  });
});
