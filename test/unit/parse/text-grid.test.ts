import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectTextShape, textToRows } from '@/lib/parse/text-grid';

const cells = (text: string): string[][] => textToRows(text).map((r) => r.cells);

describe('detectTextShape', () => {
  it.each([
    ['pipe rows', '| 一级指标 | 二级指标 |\n|---|---|\n| 产出指标 | 数量指标 |', 'pipe'],
    ['pipe rows with a title line', '申报表\n单位:万元\n| a | b |\n| c | d |', 'pipe'],
    ['full-width pipes', '｜一级指标｜二级指标｜\n｜产出指标｜数量指标｜', 'pipe'],
    ['tabs', '一级指标\t二级指标\n产出指标\t数量指标', 'tab'],
    ['spaces', '一级指标 二级指标 三级指标\n产出指标 数量指标 培训', 'spaces'],
    ['one cell per line', '一级指标\n二级指标\n三级指标\n产出指标\n数量指标', 'lines'],
    ['empty text', '', 'lines'],
  ])('%s → %s', (_name, text, shape) => {
    expect(detectTextShape(text)).toBe(shape);
  });

  it('reads the seed fixture as tab-separated, seven columns a row', () => {
    const seed = readFileSync(new URL('../../fixtures/baiyun-perf-targets.txt', import.meta.url), 'utf8');
    expect(detectTextShape(seed)).toBe('tab');
    const rows = textToRows(seed);
    expect(rows[1]!.cells.slice(0, 5)).toEqual(['项目名称(资金使用单位)', '总计', '财政拨款', '财政专户拨款', '其他资金']);
    expect(rows[1]!.line).toBe(2);
  });
});

describe('textToRows', () => {
  it.each([
    ['Markdown rows and rule', '| a | b |\n| --- | :---: |\n| 1 | 2 |', [['a', 'b'], ['1', '2']]],
    ['empty pipe cells kept', '| a |  | c |', [['a', '', 'c']]],
    ['rows without outer pipes', 'a | b\nc | d', [['a', 'b'], ['c', 'd']]],
    ['a lone leading pipe is an empty first cell', ' | | 培训 | 5次\n产出指标 | 数量指标 | a | 1', [['', '', '培训', '5次'], ['产出指标', '数量指标', 'a', '1']]],
    ['escaped pipe inside a cell', '| a \\| b | c |', [['a | b', 'c']]],
    ['lines without pipes in pipe text', '标题\n| a | b |\n| c | d |', [['标题'], ['a', 'b'], ['c', 'd']]],
  ])('pipe: %s', (_name, text, expected) => {
    expect(cells(text)).toEqual(expected);
  });

  it.each([
    ['plain', 'a\tb\nc\td', [['a', 'b'], ['c', 'd']]],
    ['CRLF and a BOM', '\uFEFFa\tb\r\nc\td\r\n', [['a', 'b'], ['c', 'd']]],
    ['Excel quoted multi-line cell', 'a\t"line 1\nline ""2"""\tc\nd\te', [['a', 'line 1\nline "2"', 'c'], ['d', 'e']]],
    ['a quote that is only text', '"前台受理"的模式\tb\nc\td', [['"前台受理"的模式', 'b'], ['c', 'd']]],
    ['an unclosed quote', 'a\t"oops\tb\nc\td', [['a', '"oops', 'b'], ['c', 'd']]],
    ['blank lines dropped', 'a\tb\n\t\n\nc\td', [['a', 'b'], ['c', 'd']]],
  ])('tab: %s', (_name, text, expected) => {
    expect(cells(text)).toEqual(expected);
  });

  it('numbers rows by the line they start on, across quoted line breaks', () => {
    const rows = textToRows('a\t"x\ny"\n\nb\tc');
    expect(rows.map((r) => r.line)).toEqual([1, 4]);
  });

  it.each([
    ['single spaces', '产出指标 数量指标 培训人次 ≥200人次', ['产出指标', '数量指标', '培训人次', '≥200人次']],
    ['a symbol split from its number', '质量指标 合格率 ≥ 95%', ['质量指标', '合格率', '≥95%']],
    ['a unit split from its number', '养护面积 150 万平方米', ['养护面积', '150万平方米']],
    ['a rate unit', '单位成本 <=3.7 元/平方米', ['单位成本', '<=3.7元/平方米']],
    ['以上 after the number', '满意度 90% 以上', ['满意度', '90%以上']],
    ['a direction word is not a unit', '签约人数 30000 正向', ['签约人数', '30000', '正向']],
  ])('spaces: %s', (_name, text, expected) => {
    expect(cells(`${text}\n一级指标 二级指标`)[0]).toEqual(expected);
  });

  it('splits on runs of spaces when cells are padded, keeping single spaces inside cells', () => {
    expect(cells('项目名称    城市 公园养护\n年度目标    1. 完成 养护')).toEqual([
      ['项目名称', '城市 公园养护'],
      ['年度目标', '1. 完成 养护'],
    ]);
  });

  it('one cell per line, blank lines dropped', () => {
    expect(textToRows('一级指标\n\n二级指标\n  三级指标  ')).toEqual([
      { cells: ['一级指标'], line: 1 },
      { cells: ['二级指标'], line: 3 },
      { cells: ['三级指标'], line: 4 },
    ]);
  });

  it('honours an explicit shape', () => {
    expect(cells('a b\nc d')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(textToRows('a b\nc d', 'lines').map((r) => r.cells)).toEqual([['a b'], ['c d']]);
  });
});
