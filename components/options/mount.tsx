/**
 * Mounts the options page: the language (the person's choice, stored; else the browser's), then the
 * React tree. Changing the language also sets the language of check messages, so findings read the same.
 */
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { Locale } from '@/lib/i18n';
import { isLocale, pickLocale } from '@/lib/ui/locale';
import { STORAGE_KEYS } from '@/lib/ui/storage-keys';
import { I18nProvider } from '../i18n';
import { onStorageChanged, storageGet, storageRemove, storageSet, uiLanguage } from '../runtime';
import { OptionsApp } from './options-app';
import '../styles.css';

type Choice = Locale | 'auto';

/** Puts the check messages' language into the stored check config (the background reads it). */
async function syncCheckLocale(locale: Locale): Promise<void> {
  const stored = await storageGet(STORAGE_KEYS.checkConfig);
  const config = typeof stored === 'object' && stored !== null ? { ...(stored as Record<string, unknown>) } : {};
  if (locale === 'zh-CN') delete config.locale;
  else config.locale = locale;
  await storageSet(STORAGE_KEYS.checkConfig, config);
}

function Root({ initialChoice }: { initialChoice: Choice }) {
  const [choice, setChoice] = useState<Choice>(initialChoice);
  const locale = pickLocale(choice === 'auto' ? undefined : choice, uiLanguage());
  useEffect(() => onStorageChanged(STORAGE_KEYS.locale, (stored) => setChoice(isLocale(stored) ? stored : 'auto')), []);
  const choose = (next: Choice) => {
    setChoice(next);
    void (next === 'auto' ? storageRemove(STORAGE_KEYS.locale) : storageSet(STORAGE_KEYS.locale, next));
    void syncCheckLocale(pickLocale(next === 'auto' ? undefined : next, uiLanguage()));
  };
  return (
    <I18nProvider locale={locale} title={(t) => t('options.title')}>
      <OptionsApp localeChoice={choice} onLocaleChoice={choose} />
    </I18nProvider>
  );
}

export async function renderOptions(doc: Document): Promise<void> {
  const stored = await storageGet(STORAGE_KEYS.locale).catch(() => undefined);
  createRoot(doc.getElementById('root')!).render(
    <StrictMode>
      <Root initialChoice={isLocale(stored) ? stored : 'auto'} />
    </StrictMode>,
  );
}
