import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formSnapshotSchema, splitValue } from '@/lib/domain';
import { InputError, parseText } from '@/lib/parse';
import { parseIndicatorCell } from '@/lib/parse/indicator-text';
import { DEFAULT_PROFILE } from '@/lib/domain';

/** Pieces that real exports are made of, so random text reaches deep into the scanner. */
const piece = fc.constantFrom(
  '1、', '12、', '1-产出指标', '2-效益指标', '3-满意度指标值', '11-数量指标', '24-可持续影响', '12-质量指标',
  '实施周期指标值:', '年度指标值:', '千度指标值:', '年度指标信:', '≥', '≤', '参', '90%', '100', '场次', ';', '；', ':',
  '。', ',', '、', ' ', '\t', '\n', '合计', '项目名称', '总计', '绩效指标', '10, 540. 32', '3,200.00', '(本级)', '经费',
  '无重大故障', '**', '"', '\r\n',
);
const exportLike = fc.array(fc.oneof(piece, fc.string({ maxLength: 5 }), fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 80 }).map((a) => a.join(''));

function parseOrRefuse(text: string) {
  try {
    return parseText(text);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return null;
  }
}

describe('importer on random and hostile text', () => {
  it('never throws anything but InputError, and yields a valid snapshot', () => {
    fc.assert(
      fc.property(fc.oneof(exportLike, fc.string({ unit: 'grapheme', maxLength: 300 })), (text) => {
        const snap = parseOrRefuse(text);
        if (snap) expect(formSnapshotSchema.safeParse(snap).success).toBe(true);
      }),
      { numRuns: 600 },
    );
  });

  it('reads random indicator cells without throwing', () => {
    fc.assert(
      fc.property(exportLike, (cell) => {
        const result = parseIndicatorCell(cell, 1, DEFAULT_PROFILE);
        for (const i of result.indicators) expect(typeof i.name).toBe('string');
      }),
      { numRuns: 600 },
    );
  });

  it('splits any value without throwing and keeps the raw text', () => {
    fc.assert(
      fc.property(fc.oneof(exportLike, fc.string({ unit: 'grapheme', maxLength: 60 })), (raw) => {
        expect(splitValue(raw).raw).toBe(raw);
      }),
      { numRuns: 1000 },
    );
  });

  /**
   * Linear time: work grows with input, so compare the cost of 1× and 8× the same hostile input. Quadratic
   * behaviour would be ~64×; the bound leaves room for a noisy shared machine without asserting wall time.
   */
  it.each([
    ['separator runs', ';；:,。 '.repeat(4000) + 'x'],
    ['digit-dash runs', '1-1-1-1-'.repeat(3000)],
    ['numbering runs', '1、'.repeat(6000)],
    ['value keys', '年度指标值:'.repeat(3000)],
    ['spaces between CJK', '中 '.repeat(8000) + 'a'],
  ])('stays linear on %s', (_label, unit) => {
    const run = (text: string) => {
      const start = performance.now();
      parseOrRefuse(`项目名称\t总计\t绩效指标\n项目\t1.00\t1.00\t${text}\t${text}`);
      parseIndicatorCell(text, 1, DEFAULT_PROFILE);
      splitValue(text);
      return performance.now() - start;
    };
    run(unit); // warm up the JIT
    // The fastest of three runs each: one run on a shared, loaded machine can take twice as long for nothing
    // to do with the input (the ratio, not the noise, is what this test judges).
    const fastest = (text: string) => Math.min(run(text), run(text), run(text));
    const small = Math.max(fastest(unit), 0.5);
    const large = fastest(unit.repeat(8));
    expect(large / small).toBeLessThan(30);
  });
});
