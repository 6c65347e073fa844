/**
 * Messages from the library and the importers come in one line, Chinese first and English after
 * ` / ` (`文件 第 3 行「三级指标」：… / file row 3, 三级指标: …`). The pages show the half of the
 * person's language. Pure.
 */
import type { Locale } from '../i18n';

const SEPARATOR = ' / ';
/** Both halves of an importer message start with the file name; a shared start this long marks the split. */
const MIN_SHARED_START = 3;

function sharedStart(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n += 1;
  return n;
}

/** Splits a bilingual message into its halves; a message with no recognisable split is both halves. */
export function splitBilingual(message: string): { zh: string; en: string } {
  const cuts: number[] = [];
  for (let at = message.indexOf(SEPARATOR); at >= 0; at = message.indexOf(SEPARATOR, at + 1)) cuts.push(at);
  if (cuts.length === 0) return { zh: message, en: message };
  // Several ` / ` (a field named 一级 / 二级): the one where both halves start alike (the file name).
  const cut =
    cuts.find((at) => sharedStart(message.slice(0, at), message.slice(at + SEPARATOR.length)) >= MIN_SHARED_START) ??
    (cuts.length === 1 ? cuts[0] : undefined);
  if (cut === undefined) return { zh: message, en: message };
  return { zh: message.slice(0, cut).trim(), en: message.slice(cut + SEPARATOR.length).trim() };
}

/** The half of a bilingual message in the locale. */
export function inLocale(message: string, locale: Locale): string {
  const halves = splitBilingual(message);
  return locale === 'en' ? halves.en : halves.zh;
}
