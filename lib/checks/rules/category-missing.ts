import type { Level1Category } from '../../domain/schemas';
import { defineRule } from '../define-rule';
import { findKeyword, level1Of, projectText } from '../helpers';
import { type Draft, msg } from '../types';

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
    for (const wanted of options.required) {
      const category = level1Of(profile, wanted);
      if (!category || present.has(category)) continue;
      drafts.push({
        field: 'indicators',
        tag: category.name,
        message: msg('category.required', { category: category.name, present: presentNames() }),
      });
    }
    // Reading name and goal for keywords is only worth it when a people-serving category is missing.
    const missing = options.whenServingPeople.map((w) => level1Of(profile, w)).filter((c) => c !== undefined && !present.has(c));
    const keyword = missing.length > 0 ? findKeyword(projectText(project), options.servesPeopleKeywords) : undefined;
    if (keyword) {
      for (const category of missing) {
        drafts.push({
          severity: 'warning',
          field: 'indicators',
          tag: category!.name,
          message: msg('category.satisfaction', { category: category!.name, keyword }),
        });
      }
    }
    return drafts;
  },
});
