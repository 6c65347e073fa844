/**
 * Writes a snapshot back as the multi-project export table (tab-separated, the seed layout) that
 * export-table.ts reads: a header, the 合计 row, each unit row followed by its projects, and per project
 * `N、<一级>; <二级>; <名称>; 实施周期指标值:<值>; 年度指标值:<值>。`. `tianbao check --fix` uses it to write
 * a normalised copy. Zero amounts of 财政专户拨款 / 其他资金 are left blank, as the portal prints them.
 */
import type { Amounts, FormSnapshot, Indicator, IndicatorValue, Project, TaxonomyProfile } from '../domain/schemas';
import { DEFAULT_PROFILE, findLevel1, findLevel2 } from '../domain/taxonomy';
import { formatValue } from '../domain/values';

/** The header line the importer recognises. */
export const EXPORT_HEADER = ['项目名称(资金使用单位)', '总计', '财政拨款', '财政专户拨款', '其他资金', '绩效目标', '绩效指标'];

/** Tabs and line breaks would split a cell; everything else is written as it is. */
function cell(text: string): string {
  return text.replace(/[\t\r\n]+/g, ' ').trim();
}

function amount(text: string, blankWhenZero: boolean): string {
  const t = cell(text);
  return blankWhenZero && /^0+(\.0+)?$/.test(t) ? '' : t;
}

function amountCells(a: Amounts): string[] {
  return [amount(a.total, false), amount(a.fiscal, false), amount(a.specialAccount, true), amount(a.other, true)];
}

/** `1-产出指标` when the profile knows the category, else the label as it was. */
function level1Label(profile: TaxonomyProfile, text: string): string {
  const level1 = findLevel1(profile, text);
  return level1 ? `${level1.code}-${level1.name}` : cell(text);
}

function level2Label(profile: TaxonomyProfile, text: string): string {
  const found = findLevel2(profile, text);
  return found ? `${found.level2.code}-${found.level2.name}` : cell(text);
}

function valueText(value: IndicatorValue | null): string | null {
  if (!value) return null;
  const shown = value.raw.trim() !== '' ? value.raw : formatValue(value);
  return shown.trim() === '' ? null : cell(shown);
}

/** One indicator as the export prints it (without its number). */
export function formatIndicator(indicator: Indicator, profile: TaxonomyProfile = DEFAULT_PROFILE): string {
  const parts: string[] = [];
  if (indicator.level1.trim() !== '') parts.push(level1Label(profile, indicator.level1));
  if (indicator.level2.trim() !== '') parts.push(level2Label(profile, indicator.level2));
  if (indicator.name.trim() !== '') parts.push(cell(indicator.name));
  const period = valueText(indicator.period);
  const annual = valueText(indicator.annual);
  if (period !== null) parts.push(`实施周期指标值:${period}`);
  if (annual !== null) parts.push(`年度指标值:${annual}`);
  return parts.join('; ');
}

function projectRow(project: Project, profile: TaxonomyProfile): string {
  const indicators = project.indicators.map((indicator, i) => `${i + 1}、${formatIndicator(indicator, profile)}。`).join('');
  return [cell(project.name), ...amountCells(project.amounts), cell(project.goal), indicators].join('\t');
}

/** The snapshot as export-table text (ends with a newline). */
export function formatExportTable(snapshot: FormSnapshot, profile: TaxonomyProfile = DEFAULT_PROFILE): string {
  const lines: string[] = [EXPORT_HEADER.join('\t')];
  if (snapshot.total !== null) lines.push(['合计', amount(snapshot.total, false), '', '', '', '', ''].join('\t'));
  const unitNames = new Set(snapshot.units.map((u) => u.name));
  // Projects under no printed unit come first, so the importer does not file them under the last unit.
  for (const project of snapshot.projects) if (!unitNames.has(project.owner)) lines.push(projectRow(project, profile));
  const written = new Set<string>();
  for (const unit of snapshot.units) {
    lines.push([cell(unit.name), ...amountCells(unit.amounts), '', ''].join('\t'));
    if (written.has(unit.name)) continue;
    written.add(unit.name);
    for (const project of snapshot.projects) if (project.owner === unit.name) lines.push(projectRow(project, profile));
  }
  return `${lines.join('\n')}\n`;
}
