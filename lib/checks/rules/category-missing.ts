import type { Level1Category, TaxonomyProfile } from '../../domain/schemas';
import { defineRule } from '../define-rule';
import { findKeyword, level1Of, projectText } from '../helpers';
import { type Draft, msg } from '../types';

type Options = { required: string[]; whenServingPeople: string[] };

/** The configured category names resolved against the profile, once per config. */
const resolved = new WeakMap<Options, { profile: TaxonomyProfile; required: Level1Category[]; serving: Level1Category[] }>();

function categoriesOf(options: Options, profile: TaxonomyProfile) {
  let r = resolved.get(options);
  if (!r || r.profile !== profile) {
    const find = (names: string[]) => names.map((n) => level1Of(profile, n)).filter((c): c is Level1Category => c !== undefined);
    r = { profile, required: find(options.required), serving: find(options.whenServingPeople) };
    resolved.set(options, r);
  }
  return r;
}

/**
 * `category.missing` — every project needs 产出指标 and 效益指标 (error); a project that serves people also
 * needs 满意度指标 (warning). Which categories, and what "serves people" means, are config.
 */
export const checkCategoryMissing = defineRule({
  id: 'category.missing',
  severity: 'error',
  description: 'The project has output and benefit indicators, and satisfaction indicators when it serves people.',
  project(project, _index, options, { profile }) {
    // A project with no indicators at all is indicators.missing; listing every category again adds nothing.
    if (project.indicators.length === 0) return [];
    const present = new Set<Level1Category>();
    for (const indicator of project.indicators) {
      const level1 = level1Of(profile, indicator.level1);
      if (level1) present.add(level1);
    }
    const presentNames = () => profile.level1.filter((c) => present.has(c)).map((c) => c.name).join('、');
    const drafts: Draft[] = [];
    const { required, serving } = categoriesOf(options, profile);
    for (const category of required) {
      if (present.has(category)) continue;
      drafts.push({
        field: 'indicators',
        tag: category.name,
        message: msg('category.required', { category: category.name, present: presentNames() }),
      });
    }
    // Reading name and goal for keywords is only worth it when a people-serving category is missing.
    const missing = serving.filter((c) => !present.has(c));
    const keyword = missing.length > 0 ? findKeyword(projectText(project), options.servesPeopleKeywords) : undefined;
    if (keyword) {
      for (const category of missing) {
        drafts.push({
          severity: 'warning',
          field: 'indicators',
          tag: category.name,
          message: msg('category.satisfaction', { category: category.name, keyword }),
        });
      }
    }
    return drafts;
  },
});
