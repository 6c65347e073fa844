/** The per-project status list: ✓ / ⚠ / ✗ for every project opened so far, newest first. */
import { formatDateTime } from '@/lib/ui/format';
import { statusTotals, type ProjectStatusEntry } from '@/lib/ui/project-status';
import { useI18n } from '../i18n';
import { Button, StatusBadge } from '../ui';

export function ProjectStatusList({
  entries,
  current,
  onClear,
}: {
  entries: readonly ProjectStatusEntry[];
  current: string | null;
  onClear: () => void;
}) {
  const { t, locale } = useI18n();
  const totals = statusTotals(entries);
  return (
    <div className="stack-tight">
      {entries.length === 0 ? (
        <p className="muted small">{t('statusList.empty')}</p>
      ) : (
        <>
          <div className="row-between">
            <span className="small muted">{t('statusList.totals', totals)}</span>
            <Button variant="ghost" small onClick={onClear}>
              {t('statusList.clear')}
            </Button>
          </div>
          <ul className="status-list" tabIndex={0} aria-label={t('statusList.title')}>
            {entries.map((e) => (
              <li key={e.name} className="status-item" data-status={e.status}>
                <div className="row">
                  <span className="truncate grow" title={e.name}>
                    {e.name}
                  </span>
                  {e.name === current ? <span className="badge badge-primary">{t('statusList.current')}</span> : null}
                  <StatusBadge status={e.status} />
                </div>
                <div className="status-time">{t('statusList.checkedAt', { time: formatDateTime(e.checkedAt, locale) })}</div>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
