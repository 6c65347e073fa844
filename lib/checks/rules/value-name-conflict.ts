import { defineRule } from '../define-rule';
import { cleanedLabel, isQuantitative, memoize, normaliseUnit, shownValue, VALUE_SETS, valueIn } from '../helpers';
import { type Draft, msg } from '../types';

const TRAILING = /[\s,，、;；。.:：!！?？()（）]+$/;

/** What a name measures, by its wording. */
interface NameKind {
  name: string;
  isRate: boolean;
  countWord?: string;
}

type Options = { rateEndings: string[]; countWords: string[]; rateUnits: string[] };

/** Name classification per options object (config), cached per name: names repeat across projects. */
const classifiers = new WeakMap<Options, { kind: (name: string) => NameKind; rateUnits: Set<string> }>();

function classifierOf(options: Options) {
  let c = classifiers.get(options);
  if (!c) {
    c = {
      kind: memoize((raw: string): NameKind => {
        const name = cleanedLabel(raw).replace(TRAILING, '');
        const isRate = name !== '' && options.rateEndings.some((ending) => name.endsWith(ending));
        const countWord = isRate || name === '' ? undefined : options.countWords.find((w) => name.includes(w));
        return { name, isRate, ...(countWord ? { countWord } : {}) };
      }),
      rateUnits: new Set(options.rateUnits.map(normaliseUnit)),
    };
    classifiers.set(options, c);
  }
  return c;
}

/**
 * `value.name-conflict` — the value contradicts what the name measures: a count (重大事故发生数, 返修次数)
 * given in %, or a rate (完好率, 占比) given in a count, time or area unit. 指标与指标值不匹配 in reviewers' words.
 */
export const checkValueNameConflict = defineRule({
  id: 'value.name-conflict',
  severity: 'error',
  description: 'A count is not given in %, and a rate is not given in a count unit.',
  project(project, _index, options) {
    const { kind, rateUnits } = classifierOf(options);
    const drafts: Draft[] = [];
    project.indicators.forEach((indicator, indicatorIndex) => {
      const { name, isRate, countWord } = kind(indicator.name);
      if (!isRate && !countWord) return;
      for (const set of VALUE_SETS) {
        const value = valueIn(indicator, set);
        if (!isQuantitative(value) || value.problem) continue;
        const unit = normaliseUnit(value.unit);
        if (countWord && unit === '%') {
          drafts.push({
            indicatorIndex,
            field: `${set}.unit`,
            message: msg('name-conflict.count-as-percent', { set, raw: shownValue(value), name, word: countWord }),
          });
        } else if (isRate && unit !== '' && !rateUnits.has(unit)) {
          drafts.push({
            indicatorIndex,
            field: `${set}.unit`,
            message: msg('name-conflict.rate-as-count', { set, raw: shownValue(value), name, unit }),
          });
        }
      }
    });
    return drafts;
  },
});
