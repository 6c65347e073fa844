/**
 * Variants of the seed fixture with one injected fault each: the checker reports exactly the new problem
 * (compared with the findings on the untouched fixture, by key), through the real importer.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runChecks } from '@/lib/checks';
import { parseText } from '@/lib/parse';

const SEED = readFileSync(resolve(__dirname, '../../fixtures/baiyun-perf-targets.txt'), 'utf8');

function keysOf(text: string): Map<string, string> {
  return new Map(runChecks(parseText(text, { file: 'seed.txt' })).map((f) => [f.key, f.message]));
}

/** Replaces a fragment that must occur exactly once. */
function inject(from: string, to: string): string {
  expect(SEED.split(from)).toHaveLength(2);
  return SEED.replace(from, to);
}

const baseline = keysOf(SEED);

describe('seed fixture with injected faults', () => {
  it.each([
    [
      'a changed amount (财政拨款 no longer equals 总计)',
      inject('信息化项目管理经费\t712.97\t712. 97', '信息化项目管理经费\t712.97\t702. 97'),
      // Unit and 合计 findings come first in report order.
      ['totals.unit|unit:广州市白云区政务服务数据管理局(本级)||amounts.fiscal', 'totals.project|信息化项目管理经费||amounts.total'],
    ],
    ['a changed 合计', inject('合计\t10, 540. 32', '合计\t10, 540. 23'), ['totals.unit|total:合计||total']],
    [
      'a wrong category (12-质量指标 under 2-效益指标)',
      inject('3、1-产出指标; 12-质量指标; 政务云结算单', '3、2-效益指标; 12-质量指标; 政务云结算单'),
      ['taxonomy.mismatch|政务云经费|政务云结算单|level2'],
    ],
    [
      'a percent over 100',
      inject('合同尾款支出率; 实施周期指标值:≥90%', '合同尾款支出率; 实施周期指标值:≥190%'),
      ['value.percent-range|信息化项目合同存量款项|合同尾款支出率|period.value'],
    ],
    [
      'a removed annual value',
      inject('专家评审; 实施周期指标值:≥30场; 年度指标值:≥30场', '专家评审; 实施周期指标值:≥30场'),
      ['value.annual-missing|信息化项目管理经费|专家评审|annual'],
    ],
  ])('%s', (_label, text, expected) => {
    const faulted = keysOf(text);
    const added = [...faulted.keys()].filter((k) => !baseline.has(k));
    const removed = [...baseline.keys()].filter((k) => !faulted.has(k));
    expect(added).toEqual(expected);
    expect(removed).toEqual([]);
  });
});
