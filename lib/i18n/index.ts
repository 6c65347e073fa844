/**
 * A small typed i18n layer. Each area (checks, cli, later the side panel and options pages) defines its own
 * catalog with `defineCatalog`: the zh-CN messages set the keys and parameter types, and the English
 * catalog must have exactly the same keys with the same parameters — a missing translation is a compile
 * error, not a blank string at runtime. Simplified Chinese is the default locale. No zod here: catalogs are
 * used by the content script; validate a locale from outside with `z.enum(LOCALES)`.
 */

/** The locales every catalog provides. */
export const LOCALES = ['zh-CN', 'en'] as const;
/** A UI/report language: `zh-CN` (default) or `en`. */
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/**
 * One message: a fixed string, or a function of typed parameters that returns the rendered text.
 * `never` as the parameter type lets any parameter shape be stored in a map while keeping it checkable.
 */
export type Message = string | ((params: never) => string);

/** A catalog's messages in one locale, by key. */
export type MessageMap = Record<string, Message>;

/** The same keys with the same parameters (what a second locale must provide). */
export type Translation<M extends MessageMap> = { readonly [K in keyof M]: M[K] };

/** An area's messages in every locale. */
export interface Catalog<M extends MessageMap> {
  /** Which part of the product the catalog belongs to (`checks`, `cli`, `sidepanel` …). */
  readonly area: string;
  readonly messages: { readonly [L in Locale]: Translation<M> };
}

/** The parameters a message takes, as a tuple: `[]` for a fixed string, `[params]` for a function. */
export type MessageArgs<M extends MessageMap, K extends keyof M> = M[K] extends (params: infer P) => string
  ? [params: P]
  : [];

/** Defines an area's catalog. The English map is type-checked against the Chinese one. */
export function defineCatalog<M extends MessageMap>(area: string, zhCN: M, en: Translation<M>): Catalog<M> {
  return { area, messages: { 'zh-CN': zhCN, en } };
}

/** Renders one message of a catalog in a locale. */
export function translate<M extends MessageMap, K extends keyof M & string>(
  catalog: Catalog<M>,
  locale: Locale,
  key: K,
  ...args: MessageArgs<M, K>
): string {
  const message = catalog.messages[locale][key] ?? catalog.messages[DEFAULT_LOCALE][key];
  if (typeof message === 'function') return (message as (params: unknown) => string)(args[0]);
  return message as string;
}

/** A bound `t(key, params)` for one catalog and locale. */
export type Translator<M extends MessageMap> = <K extends keyof M & string>(key: K, ...args: MessageArgs<M, K>) => string;

/** Binds a catalog to a locale: `const t = translator(cliMessages, 'en'); t('summary', { … })`. */
export function translator<M extends MessageMap>(catalog: Catalog<M>, locale: Locale): Translator<M> {
  return (key, ...args) => translate(catalog, locale, key, ...args);
}

/**
 * Picks the supported locale for language tags (`navigator.languages`, `--locale`, `LANG`): any `en*`
 * tag gives `en`, anything else (including `zh-TW`, unknown or missing) gives the zh-CN default — the
 * forms are Chinese, so Chinese is the safe fallback. The first tag that names a supported language wins.
 */
export function resolveLocale(tags: string | readonly (string | undefined)[] | undefined): Locale {
  const list = typeof tags === 'string' ? [tags] : (tags ?? []);
  for (const tag of list) {
    if (!tag) continue;
    const lower = tag.trim().toLowerCase().replace(/_/g, '-');
    if (lower === 'en' || lower.startsWith('en-') || lower.startsWith('en.')) return 'en';
    if (lower === 'zh' || lower.startsWith('zh-') || lower.startsWith('zh.')) return 'zh-CN';
  }
  return DEFAULT_LOCALE;
}
