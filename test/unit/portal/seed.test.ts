import { describe, expect, it } from 'vitest';
import { parseDecimal, sumDecimals, compareDecimal } from '../../../lib/domain/decimal';
import { SYMBOLS, splitValue } from '../../../lib/domain/values';
import { loadSeed } from '../../portal/seed/load-seed';
import { valueToCells } from '../../portal/seed/to-portal';

describe('valueToCells (an exported value → the portal grid’s cells)', () => {
  it.each([
    ['≥90%', { symbol: '≥', value: '90', unit: '%', qualifier: '' }],
    ['不少于400场次', { symbol: '≥', value: '400', unit: '场次', qualifier: '' }],
    ['3小时内', { symbol: '≤', value: '3', unit: '小时', qualifier: '' }],
    ['地理信息平台服务资源数量≥350条', { symbol: '≥', value: '350', unit: '条', qualifier: '地理信息平台服务资源数量' }],
    ['无重大故障', { symbol: '定性', value: '无重大故障', unit: '', qualifier: '' }],
    ['参90%', { symbol: '', value: '90', unit: '%', qualifier: '参' }],
  ])('%s', (raw, cells) => {
    expect(valueToCells(splitValue(raw))).toEqual(cells);
  });
});

describe('loadSeed (the fixture through the foundation importer)', () => {
  const seed = loadSeed();

  it('has the 19 projects with amounts that add up to the printed 合计', () => {
    expect(seed.projects).toHaveLength(19);
    expect(seed.total).toBe('10540.32');
    const sum = sumDecimals(seed.projects.map((p) => parseDecimal(p.amounts.total)!));
    expect(compareDecimal(sum, parseDecimal(seed.total!)!)).toBe(0);
    expect(seed.projects.map((p) => p.key)).toEqual(seed.projects.map((_, i) => `project:${i}`));
  });

  it('leaves the grids of 12345热线运作经费 and 政府雇员公用经费 empty for filling', () => {
    for (const name of ['12345热线运作经费', '政府雇员公用经费']) {
      const p = seed.projects.find((x) => x.name === name)!;
      expect(p.indicators).toEqual({ period: [], annual: [] });
    }
  });

  it('holds symbols as the portal stores them (full-width ＞＝＜) or empty when unreadable', () => {
    const symbols = new Set(seed.projects.flatMap((p) => [...p.indicators.period, ...p.indicators.annual].map((r) => r.symbol)));
    for (const s of symbols) expect(['', ...SYMBOLS]).toContain(s);
    expect(symbols.has('＝')).toBe(true);
  });
});
