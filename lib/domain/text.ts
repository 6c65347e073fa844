/** Text normalisation shared by importers, checks and page collection. */

/** Full-width ASCII variants (！-～) to half-width, and the ideographic space to a plain space. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Collapses runs of white space (including NBSP and the ideographic space) to one space and trims. */
export function collapseSpaces(text: string): string {
  return text.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';
const CJK_PUNCT = '，。；：、！？（）【】《》“”‘’';
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}${CJK_PUNCT}])[ \\t\\u00a0\\u3000]+(?=[${CJK}${CJK_PUNCT}])`, 'g');

/**
 * Removes the spaces that PDF extraction puts inside Chinese text (`第 三方` → `第三方`) while keeping
 * spaces between Latin words and numbers.
 */
export function removeCjkSpaces(text: string): string {
  return text.replace(SPACE_BETWEEN_CJK, '').replace(SPACE_BEFORE_BRACKET, '').replace(SPACE_AFTER_BRACKET, '');
}

/** `外包服务项目 (辅助运行)` → `外包服务项目(辅助运行)`: a space between Chinese text and a bracket is extraction noise. */
const SPACE_BEFORE_BRACKET = new RegExp(`(?<=[${CJK}])[ \\t\\u00a0\\u3000]+(?=[(（])`, 'g');
const SPACE_AFTER_BRACKET = new RegExp(`(?<=[)）])[ \\t\\u00a0\\u3000]+(?=[${CJK}])`, 'g');

/**
 * Trims any of `chars` from both ends. A loop, not a regex: `[…]+$` backtracks quadratically on long runs
 * of separators that are not at the end, and importers must stay linear on hostile text.
 */
export function trimChars(text: string, chars: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && chars.includes(text[start]!)) start += 1;
  while (end > start && chars.includes(text[end - 1]!)) end -= 1;
  return text.slice(start, end);
}

/** Trims `chars` from the end only (see trimChars). */
export function trimEndChars(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1]!)) end -= 1;
  return text.slice(0, end);
}

/** The cleaned form used for names: half-width where safe, CJK-internal spaces removed, collapsed. */
export function cleanLabel(text: string): string {
  return collapseSpaces(removeCjkSpaces(text));
}
