import { describe, expect, it } from 'vitest';
import { defineCatalog, LOCALES, resolveLocale, translate, translator } from '@/lib/i18n';
import { checkMessages } from '@/lib/i18n/checks';

describe('i18n core', () => {
  const catalog = defineCatalog(
    'test',
    { hello: '你好', count: (p: { n: number }) => `共 ${p.n} 个` },
    { hello: 'Hello', count: (p) => `${p.n} in all` },
  );

  it.each([
    ['zh-CN', 'hello', undefined, '你好'],
    ['en', 'hello', undefined, 'Hello'],
    ['zh-CN', 'count', { n: 3 }, '共 3 个'],
    ['en', 'count', { n: 3 }, '3 in all'],
  ] as const)('%s %s', (locale, key, params, expected) => {
    const text = key === 'count' ? translate(catalog, locale, key, params!) : translate(catalog, locale, key);
    expect(text).toBe(expected);
  });

  it('binds a catalog to a locale', () => {
    const t = translator(catalog, 'en');
    expect(t('count', { n: 1 })).toBe('1 in all');
  });

  it.each([
    [undefined, 'zh-CN'],
    ['en', 'en'],
    ['en-US', 'en'],
    ['EN_gb', 'en'],
    ['en_US.UTF-8', 'en'],
    ['zh-TW', 'zh-CN'],
    ['fr-FR', 'zh-CN'],
    [['fr', 'en-US', 'zh-CN'], 'en'],
    [['zh-HK', 'en'], 'zh-CN'],
    [[], 'zh-CN'],
  ] as const)('resolveLocale(%j) = %s', (tags, expected) => {
    expect(resolveLocale(tags as string | string[] | undefined)).toBe(expected);
  });
});

/** Sample parameters for any message: every field a readable placeholder, enums set to a valid member. */
const SAMPLE = new Proxy({} as Record<string, unknown>, {
  get: (_t, prop: string) =>
    ({ issues: ['spaces', 'symbol'], column: 'total', set: 'period', over: 'units', first: 1, length: 101, max: 100, min: 0, count: 2, shared: 5, total: 6 })[
      prop
    ] ?? `<${prop}>`,
});

describe('checks catalog', () => {
  const keys = Object.keys(checkMessages.messages['zh-CN']) as (keyof typeof checkMessages.messages['zh-CN'])[];
  const render = (locale: (typeof LOCALES)[number], key: (typeof keys)[number]) => {
    const message = checkMessages.messages[locale][key] as string | ((p: unknown) => string);
    return typeof message === 'function' ? message(SAMPLE) : message;
  };

  it('has the same keys in every locale', () => {
    for (const locale of LOCALES) expect(Object.keys(checkMessages.messages[locale]).sort()).toEqual([...keys].sort());
  });

  it.each(keys)('%s: Chinese says what is wrong and what is expected; English is English', (key) => {
    const zh = render('zh-CN', key);
    const en = render('en', key);
    expect(zh).toMatch(/\p{Script=Han}/u);
    // Each Chinese message has a problem part and an expectation part (应 / 建议) after a full-width separator.
    expect(zh).toMatch(/[；，].*(应|建议)/);
    expect(en).toMatch(/^[A-Za-z<“]/);
    // Outside quoted examples, the English text has no Chinese.
    expect(en.replace(/“[^”]*”/g, '').replace(/≥ ＞ ＝ ＜ ≤ or 定性|%, 个, 场次, 人次/g, '')).not.toMatch(/\p{Script=Han}/u);
    expect(zh).not.toContain('undefined');
    expect(en).not.toContain('undefined');
  });
});

describe('other catalogs', () => {
  it('field labels cover every field the engine reports, in both locales', async () => {
    const { FINDING_FIELDS } = await import('@/lib/checks/types');
    const { checkFieldLabels } = await import('@/lib/i18n/checks');
    for (const locale of LOCALES) expect(Object.keys(checkFieldLabels.messages[locale]).sort()).toEqual([...FINDING_FIELDS].sort());
  });

  it('the CLI catalog has the same keys in both locales, Chinese in zh-CN', async () => {
    const { cliMessages } = await import('@/lib/i18n/cli');
    expect(Object.keys(cliMessages.messages.en).sort()).toEqual(Object.keys(cliMessages.messages['zh-CN']).sort());
    expect(translate(cliMessages, 'zh-CN', 'summary', { projects: 2, errors: 1, warnings: 0, infos: 3 })).toBe(
      '项目 2 个；错误 1 条，警告 0 条，提示 3 条',
    );
  });

  it('Chinese check messages follow the text.format rule they enforce (no half-width punctuation in Chinese)', async () => {
    const { tidyText } = await import('@/lib/checks/rules/text-format');
    for (const key of Object.keys(checkMessages.messages['zh-CN']) as (keyof typeof checkMessages.messages['zh-CN'])[]) {
      const message = checkMessages.messages['zh-CN'][key] as string | ((p: unknown) => string);
      const text = typeof message === 'function' ? message(SAMPLE) : message;
      expect(tidyText(text, 'goal').issues).not.toContain('halfwidth-punctuation');
    }
  });
});
