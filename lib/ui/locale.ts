/**
 * The extension pages' language: the person's choice from the options page when there is one, else the
 * browser's UI language (`zh…` → Simplified Chinese, anything else → English). Chinese is the default
 * when nothing is known: the forms and their users are Chinese.
 */
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../i18n';

/** Maps `browser.i18n.getUILanguage()` to a supported locale. */
export function localeFromUiLanguage(language: string | undefined | null): Locale {
  const tag = (language ?? '').trim().toLowerCase();
  if (tag === '') return DEFAULT_LOCALE;
  return tag === 'zh' || tag.startsWith('zh-') || tag.startsWith('zh_') ? 'zh-CN' : 'en';
}

/** Whether a stored value is a supported locale. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The locale to show: the stored choice when valid, else the browser's UI language. */
export function pickLocale(stored: unknown, uiLanguage: string | undefined | null): Locale {
  return isLocale(stored) ? stored : localeFromUiLanguage(uiLanguage);
}
