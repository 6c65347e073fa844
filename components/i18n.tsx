/**
 * The UI language for React: a provider with the bound translator of the UI catalog, and a hook.
 * Sets <html lang> so screen readers and CJK font selection follow the language.
 */
import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { DEFAULT_LOCALE, type Locale, translator } from '@/lib/i18n';
import { uiMessages, type UiTranslator } from '@/lib/i18n/ui';

interface I18nValue {
  locale: Locale;
  t: UiTranslator;
}

const I18nContext = createContext<I18nValue>({ locale: DEFAULT_LOCALE, t: translator(uiMessages, DEFAULT_LOCALE) });

export function I18nProvider({ locale, title, children }: { locale: Locale; title?: (t: UiTranslator) => string; children: ReactNode }) {
  const value = useMemo(() => ({ locale, t: translator(uiMessages, locale) }), [locale]);
  useEffect(() => {
    document.documentElement.lang = locale;
    if (title) document.title = title(value.t);
  }, [locale, title, value]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  return useContext(I18nContext);
}
