/**
 * Taxonomy profiles as data and look-ups over them. Zod-free (schemas in schemas.ts) so the content script
 * can use it; a unit test validates every built-in profile against taxonomyProfileSchema.
 */
import type { Level1Category, Level2Category, TaxonomyProfile } from './schemas';
import { cleanLabel, toHalfWidth } from './text';

export type { Level1Category, Level2Category, TaxonomyProfile } from './schemas';

/** 产出指标 without 成本: the 二级 both layouts share. */
const OUTPUT_LEVEL2: Level2Category[] = [
  { code: '11', name: '数量指标', aliases: ['数量'] },
  { code: '12', name: '质量指标', aliases: ['质量'] },
  { code: '13', name: '时效指标', aliases: ['时效'] },
];

const BENEFIT: Level1Category = {
  code: '2',
  name: '效益指标',
  aliases: ['效益'],
  level2: [
    { code: '21', name: '经济效益', aliases: ['经济效益指标'] },
    { code: '22', name: '社会效益', aliases: ['社会效益指标'] },
    { code: '23', name: '生态效益', aliases: ['生态效益指标'] },
    { code: '24', name: '可持续影响', aliases: ['可持续影响指标'] },
  ],
};

const SATISFACTION: Level1Category = {
  code: '3',
  name: '满意度指标',
  aliases: ['满意度'],
  level2: [
    {
      code: '31',
      name: '服务对象满意度',
      aliases: ['服务对象满意度指标', '社会公众或服务对象满意度指标', '社会公众或服务对象满意度', '满意度'],
    },
  ],
};

/** The layout printed in the seed fixture and most provincial portals before 2021. */
export const DEFAULT_PROFILE: TaxonomyProfile = {
  id: 'default',
  name: '通用(产出/效益/满意度)',
  level1: [
    { code: '1', name: '产出指标', aliases: ['产出'], level2: [...OUTPUT_LEVEL2, { code: '14', name: '成本指标', aliases: ['成本'] }] },
    BENEFIT,
    SATISFACTION,
  ],
  weights: { total: 100 },
};

/** The 2021 central guidance layout: 成本指标 is its own 一级 (经济成本 / 社会成本 / 生态环境成本). */
export const PROFILE_2021: TaxonomyProfile = {
  id: 'central-2021',
  name: '2021 中央指引(成本单列)',
  level1: [
    { code: '1', name: '产出指标', aliases: ['产出'], level2: OUTPUT_LEVEL2 },
    BENEFIT,
    SATISFACTION,
    {
      code: '4',
      name: '成本指标',
      aliases: ['成本'],
      level2: [
        { code: '41', name: '经济成本', aliases: ['经济成本指标'] },
        { code: '42', name: '社会成本', aliases: ['社会成本指标'] },
        { code: '43', name: '生态环境成本', aliases: ['生态环境成本指标'] },
      ],
    },
  ],
  weights: { total: 100 },
};

export const PROFILES: readonly TaxonomyProfile[] = [DEFAULT_PROFILE, PROFILE_2021];

export function getProfile(id: string): TaxonomyProfile | undefined {
  return PROFILES.find((p) => p.id === id);
}

/** A category label split into its printed code and name: `12-质量指标` → { code: '12', name: '质量指标' }. */
export interface CategoryLabel {
  code?: string;
  name?: string;
}

/** Splits `12-质量指标`, `12 - 质量指标`, `12质量指标`, `质量指标`, `12` (spacing and dash width tolerated). */
export function parseCategoryLabel(text: string): CategoryLabel {
  const t = cleanLabel(toHalfWidth(text)).replace(/\s+/g, '');
  const m = /^(\d{1,3})?[-—–_.、]?(.*)$/.exec(t);
  const code = m?.[1];
  const name = m?.[2]?.trim();
  return { ...(code ? { code } : {}), ...(name ? { name } : {}) };
}

function sameName(a: string, b: string): boolean {
  return a.replace(/\s+/g, '') === b.replace(/\s+/g, '');
}

function nameMatches(cat: { name: string; aliases: string[] }, name: string): boolean {
  return sameName(cat.name, name) || cat.aliases.some((a) => sameName(a, name));
}

/** Finds a 一级 by code, name, alias or `code-name` text. */
export function findLevel1(profile: TaxonomyProfile, text: string): Level1Category | undefined {
  const { code, name } = parseCategoryLabel(text);
  if (name) {
    const byName = profile.level1.find((c) => nameMatches(c, name));
    if (byName) return byName;
  }
  return code && !name ? profile.level1.find((c) => c.code === code) : undefined;
}

/**
 * Finds a 二级 by code, name, alias or `code-name` text, anywhere in the profile; with `under`, only
 * among that 一级's children.
 */
export function findLevel2(
  profile: TaxonomyProfile,
  text: string,
  under?: Level1Category,
): { level1: Level1Category; level2: Level2Category } | undefined {
  const { code, name } = parseCategoryLabel(text);
  const parents = under ? [under] : profile.level1;
  for (const level1 of parents) {
    for (const level2 of level1.level2) {
      if (name ? nameMatches(level2, name) : code !== undefined && level2.code === code) return { level1, level2 };
    }
  }
  return undefined;
}

/** Whether the 二级 named `level2Name` belongs under the 一级 named `level1Name` in this profile. */
export function level2BelongsTo(profile: TaxonomyProfile, level1Name: string, level2Name: string): boolean {
  const l1 = findLevel1(profile, level1Name);
  return l1 !== undefined && findLevel2(profile, level2Name, l1) !== undefined;
}
