/** About: version, storage used, the library's size, and where the data lives (this computer only). */
import { useEffect, useState } from 'react';
import { formatBytes } from '@/lib/ui/format';
import { useI18n } from '../i18n';
import { declaresPermission, extensionVersion, storageEstimate } from '../runtime';
import { Button } from '../ui';
import type { LibraryStats } from './types';

export function AboutPanel({ stats, onOpenGuide }: { stats: LibraryStats | null; onOpenGuide?: () => void }) {
  const { t } = useI18n();
  const [usage, setUsage] = useState<number | null | undefined>(undefined);
  const [pagePersisted, setPagePersisted] = useState<boolean | null>(null);
  useEffect(() => {
    void storageEstimate().then((e) => setUsage(e ? e.usage : null));
  }, [stats]);
  // The background's service worker cannot ask (StorageManager.persist is for windows); this page shares
  // its origin's storage and can.
  useEffect(() => {
    const storage = navigator.storage;
    if (!storage?.persisted) return;
    void (async () => {
      // Not yet persistent: ask once (Chromium decides without a prompt; Firefox grants it to extensions with unlimitedStorage).
      const now = await storage.persisted();
      setPagePersisted(now || (storage.persist ? await storage.persist() : false));
    })().catch(() => setPagePersisted(null));
  }, []);
  const persisted = pagePersisted ?? stats?.persisted;
  // Chromium never evicts an origin with unlimited storage, and Firefox makes its databases persistent,
  // whatever persisted() answers.
  const unlimited = declaresPermission('unlimitedStorage');
  return (
    <div className="card stack">
      <dl className="about-list">
        <div>
          <dt>{t('about.version')}</dt>
          <dd data-testid="about-version">{extensionVersion()}</dd>
        </div>
        <div>
          <dt>{t('about.library')}</dt>
          <dd>{stats ? t('about.libraryCounts', { templates: stats.templates, sets: stats.sets }) : '—'}</dd>
        </div>
        <div>
          <dt>{t('about.storage')}</dt>
          <dd>{usage === undefined ? '…' : usage === null ? t('about.storageUnknown') : formatBytes(usage)}</dd>
        </div>
        <div>
          <dt>{t('about.persisted')}</dt>
          <dd data-testid="about-persisted">
            {persisted === true
              ? t('about.persisted.yes')
              : unlimited
                ? t('about.persisted.unlimited')
                : persisted === false
                  ? t('about.persisted.no')
                  : t('about.persisted.unknown')}
          </dd>
        </div>
        <div>
          <dt>{t('about.location')}</dt>
          <dd>{t('about.locationBody')}</dd>
        </div>
      </dl>
      <p className="small muted">{t('about.backupAdvice')}</p>
      {onOpenGuide ? (
        <div className="row">
          <Button small onClick={onOpenGuide} data-testid="about-open-guide">
            {t('about.guide')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
