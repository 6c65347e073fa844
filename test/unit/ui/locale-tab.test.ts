import { describe, expect, it } from 'vitest';
import { isLocale, localeFromUiLanguage, pickLocale } from '../../../lib/ui/locale';
import { parseTabId, sidePanelPath } from '../../../lib/ui/tab-target';

describe('localeFromUiLanguage', () => {
  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh_TW', 'zh-CN'],
    ['ZH-hk', 'zh-CN'],
    ['en-US', 'en'],
    ['de', 'en'],
    ['', 'zh-CN'],
    [undefined, 'zh-CN'],
    [null, 'zh-CN'],
  ] as const)('%s → %s', (tag, expected) => {
    expect(localeFromUiLanguage(tag)).toBe(expected);
  });
});

describe('pickLocale', () => {
  it.each([
    ['en', 'zh-CN', 'en'],
    ['zh-CN', 'en-GB', 'zh-CN'],
    [undefined, 'en-GB', 'en'],
    ['fr', 'zh-CN', 'zh-CN'],
    [42, 'en', 'en'],
  ] as const)('stored %s with browser %s → %s', (stored, browser, expected) => {
    expect(pickLocale(stored, browser)).toBe(expected);
  });

  it('knows its locales', () => {
    expect(isLocale('en')).toBe(true);
    expect(isLocale('zh')).toBe(false);
  });
});

describe('parseTabId (the ?tabId= contract)', () => {
  it.each([
    ['?tabId=12', 12],
    ['?tabId=0', 0],
    ['?x=1&tabId=1056960820', 1056960820],
    ['?tabId=%2012%20', 12],
    ['', null],
    ['?tabId=', null],
    ['?tabId=-3', null],
    ['?tabId=1.5', null],
    ['?tabId=abc', null],
    ['?tabId=12345678901', null],
  ])('%s → %s', (search, expected) => {
    expect(parseTabId(search)).toBe(expected);
  });

  it('builds the window URL that parses back to the same tab', () => {
    const path = sidePanelPath(77);
    expect(path).toBe('/sidepanel.html?tabId=77');
    expect(parseTabId(path.slice(path.indexOf('?')))).toBe(77);
  });
});
