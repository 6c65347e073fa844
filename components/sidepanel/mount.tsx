/**
 * Mounts the side panel into its page: the language (the person's choice, else the browser's), the
 * tab it acts on (`?tabId=`), then the React tree.
 */
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { Locale } from '@/lib/i18n';
import { pickLocale } from '@/lib/ui/locale';
import { STORAGE_KEYS } from '@/lib/ui/storage-keys';
import { parseTabId } from '@/lib/ui/tab-target';
import { I18nProvider } from '../i18n';
import { onStorageChanged, storageGet, uiLanguage } from '../runtime';
import { SidePanelApp } from './side-panel-app';
import '../styles.css';

function Root({ initialLocale, tabId }: { initialLocale: Locale; tabId: number | null }) {
  const [locale, setLocale] = useState(initialLocale);
  useEffect(() => onStorageChanged(STORAGE_KEYS.locale, (stored) => setLocale(pickLocale(stored, uiLanguage()))), []);
  return (
    <I18nProvider locale={locale} title={(t) => t('panel.title')}>
      <SidePanelApp fixedTabId={tabId} />
    </I18nProvider>
  );
}

export async function renderSidePanel(doc: Document): Promise<void> {
  const stored = await storageGet(STORAGE_KEYS.locale).catch(() => undefined);
  const locale = pickLocale(stored, uiLanguage());
  const container = doc.getElementById('root')!;
  createRoot(container).render(
    <StrictMode>
      <Root initialLocale={locale} tabId={parseTabId(doc.defaultView?.location.search ?? '')} />
    </StrictMode>,
  );
}
