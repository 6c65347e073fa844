import { type Decimal, formatDecimal, parseDecimal, sumDecimals } from '../../domain/decimal';
import { toHalfWidth } from '../../domain/text';
import { defineRule } from '../define-rule';
import { compareExact, level1Of } from '../helpers';
import { type Draft, msg } from '../types';

function readWeight(text: string): Decimal | null {
  return parseDecimal(toHalfWidth(text).replace(/[\s分%]+$/u, '').trim());
}

function numberAsDecimal(n: number): Decimal | null {
  return parseDecimal(String(n));
}

/**
 * `weights.sum` — where a form has weights (权重 / 分值), every indicator has one and they sum to the
 * profile's total (100); where the profile (or config) fixes per-一级 sums (产出 50 / 效益 30 / 满意度 10),
 * those match too. Exact decimals.
 */
export const checkWeightsSum = defineRule({
  id: 'weights.sum',
  severity: 'error',
  description: 'When weights are present, every indicator has one and they sum to the profile’s totals.',
  project(project, _index, options, { profile }) {
    const weighted = project.indicators.map((i) => (i.weight !== undefined && i.weight.trim() !== '' ? i.weight : undefined));
    if (weighted.every((w) => w === undefined)) return [];
    const drafts: Draft[] = [];
    const values: (Decimal | null)[] = weighted.map((w, indicatorIndex) => {
      if (w === undefined) {
        drafts.push({ indicatorIndex, field: 'weight', message: msg('weights.missing') });
        return null;
      }
      const d = readWeight(w);
      if (!d || d.units < 0n) drafts.push({ indicatorIndex, field: 'weight', message: msg('weights.unparseable', { raw: w }) });
      return d && d.units >= 0n ? d : null;
    });
    // A sum over missing or unreadable weights would only restate the findings above.
    if (drafts.length > 0) return drafts;
    const all = values as Decimal[];
    const total = options.total ?? profile.weights?.total;
    const expected = total !== undefined ? numberAsDecimal(total) : null;
    if (expected) {
      const sum = sumDecimals(all);
      if (compareExact(sum, expected) !== 0) {
        drafts.push({ field: 'weight', tag: 'total', message: msg('weights.sum', { sum: formatDecimal(sum), expected: formatDecimal(expected) }) });
      }
    }
    const perLevel1 = options.perLevel1 ?? profile.weights?.perLevel1;
    for (const [name, amount] of Object.entries(perLevel1 ?? {})) {
      const category = level1Of(profile, name);
      const wanted = numberAsDecimal(amount);
      if (!category || !wanted) continue;
      const sum = sumDecimals(all.filter((_, i) => level1Of(profile, project.indicators[i]!.level1) === category));
      if (compareExact(sum, wanted) !== 0) {
        drafts.push({
          field: 'weight',
          tag: category.name,
          message: msg('weights.level1', { level1: category.name, sum: formatDecimal(sum), expected: formatDecimal(wanted) }),
        });
      }
    }
    return drafts;
  },
});
