/**
 * Comparison keys for templates: what makes two indicators "the same" (identical → merged on import)
 * or "nearly the same" (offered for merge). Pure; no DB, no DOM.
 */
import type { TemplateContent } from '../domain/schemas';
import type { IndicatorValue } from '../domain/values';
import { cleanLabel, toHalfWidth } from '../domain/text';

/** Punctuation and spacing that never changes what a name means (`视频会议系统 ` = `视频会议系统。`). */
const NOISE_RE = /[\s\u00a0\u3000,，、.。;；:：!！?？"'“”‘’()（）[\]【】《》<>〈〉·•\-—–_~～/\\|]+/g;

const SPACE_RE = /[\s\u00a0\u3000]/;

/** cleanLabel, skipped for text without any space (most cells): the same result, without its regexes. */
export function clean(text: string): string {
  return SPACE_RE.test(text) ? cleanLabel(text) : text;
}

/** Text that is already a key: CJK ideographs, lower-case letters and digits only (most names). */
const PLAIN_KEY_RE = /^[\u3400-\u9fffa-z0-9%]*$/;

/** Half-width, lower-case, no spaces or punctuation: the form names are compared and searched in. */
export function normaliseKey(text: string): string {
  // Called for every field of every template on import and indexing; most texts need nothing done.
  if (PLAIN_KEY_RE.test(text)) return text;
  return toHalfWidth(cleanLabel(text)).toLowerCase().replace(NOISE_RE, '');
}


function valueKey(v: IndicatorValue | null): string {
  if (v === null) return '∅';
  // `raw` is how it was typed; `≥90%` and `>=90%` are the same target.
  return [v.symbol ?? '?', v.value ?? '', normaliseKey(v.unit), normaliseKey(v.text)].join('\u0001');
}

/**
 * The identity of an indicator's content: category path, name, both values and 指标值说明.
 * Weight and remark are not part of it (a merge keeps the existing ones and fills gaps).
 */
export function contentKey(t: TemplateContent): string {
  return [
    normaliseKey(t.level1),
    normaliseKey(t.level2),
    normaliseKey(t.name),
    valueKey(t.period),
    valueKey(t.annual),
    normaliseKey(t.explanation ?? ''),
  ].join('\u0002');
}

/** Character bigrams of a normalised name (a one-character name is its own gram). */
export function bigrams(key: string): string[] {
  const chars = [...key];
  if (chars.length < 2) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** Dice similarity of two names by character bigrams, 0…1 (1 = same bigram multiset). */
export function nameSimilarity(a: string, b: string): number {
  const x = bigrams(normaliseKey(a));
  const y = bigrams(normaliseKey(b));
  if (x.length === 0 || y.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const g of x) counts.set(g, (counts.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of y) {
    const n = counts.get(g) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(g, n - 1);
    }
  }
  return (2 * shared) / (x.length + y.length);
}

/** Names at least this similar, under the same 二级, are near-duplicates. */
export const NEAR_DUPLICATE_SIMILARITY = 0.8;

/** Splits a tag cell (`常用，信息化; 2025`) into trimmed, de-duplicated tags. */
export function splitTags(text: string): string[] {
  return uniqueTags(text.split(/[,，;；、|\n]+/));
}

/** Trims, drops empties and duplicates, keeps first-seen order. */
export function uniqueTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of tags) {
    const t = clean(raw);
    if (t !== '' && !out.includes(t)) out.push(t);
  }
  return out;
}
