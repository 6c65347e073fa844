import { describe, expect, it } from 'vitest';
import { splitValue } from '../../../lib/domain/values';
import { makeIssue } from '../../../lib/library/import-batch';
import { inLocale, splitBilingual } from '../../../lib/ui/bilingual';
import { exportFileName, formatBytes, NO_VALUE, valueText } from '../../../lib/ui/format';

describe('valueText', () => {
  it.each([
    ['≥90%', '≥90%'],
    ['不少于400场次', '≥400场次'],
    ['无重大安全事故', '无重大安全事故'],
  ])('%s → %s', (raw, shown) => {
    expect(valueText(splitValue(raw))).toBe(shown);
  });

  it.each([[null], [undefined]])('shows a dash for no value (%s)', (v) => {
    expect(valueText(v)).toBe(NO_VALUE);
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1536, '1.5 KB'],
    [5 * 1024 * 1024, '5.0 MB'],
    [-1, '—'],
  ])('%d → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

it('names exports by date and time so they sort', () => {
  expect(exportFileName('json', new Date(2025, 2, 8, 14, 5))).toBe('tianbao-library-20250308-1405.json');
  expect(exportFileName('xlsx', new Date(2025, 11, 31, 9, 0))).toBe('tianbao-library-20251231-0900.xlsx');
});

describe('bilingual messages', () => {
  const issue = makeIssue('error', 'a.txt', 9, '三级指标', '指标名称为空', 'the indicator name is empty', { zh: '政务管理经费 第 7 个指标', en: 'indicator 7 of 政务管理经费' });

  it.each([
    [issue.message, 'zh-CN', 'a.txt 第 9 行（政务管理经费 第 7 个指标）「三级指标」：指标名称为空'],
    [issue.message, 'en', 'a.txt row 9 (indicator 7 of 政务管理经费), 三级指标: the indicator name is empty'],
    ['内部错误 / internal error: boom', 'zh-CN', '内部错误'],
    ['内部错误 / internal error: boom', 'en', 'internal error: boom'],
    ['只有中文', 'en', '只有中文'],
  ] as const)('%s in %s', (message, locale, expected) => {
    expect(inLocale(message, locale)).toBe(expected);
  });

  it('splits at the half that repeats the file name when a field holds " / "', () => {
    const m = makeIssue('error', 'b.csv', 3, '一级 / 二级', '不在指标体系中', 'not in the taxonomy');
    expect(splitBilingual(m.message)).toEqual({ zh: 'b.csv 第 3 行「一级 / 二级」：不在指标体系中', en: 'b.csv row 3, 一级 / 二级: not in the taxonomy' });
  });
});
