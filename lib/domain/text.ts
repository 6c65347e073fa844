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
  return text.replace(SPACE_BETWEEN_CJK, '');
}

/** The cleaned form used for names: half-width where safe, CJK-internal spaces removed, collapsed. */
export function cleanLabel(text: string): string {
  return collapseSpaces(removeCjkSpaces(text));
}
