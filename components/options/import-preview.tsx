/**
 * The import preview: counts of what would be added, merged, updated and rejected, the rows of each with
 * their row numbers, and every warning beside the row it concerns — the importer's warnings about lines
 * that became no row (a project line's stray fragments, a whole-file note) listed under it by line.
 */
import type { ImportSummary, LineWarning, SummaryRow } from '@/lib/ui/import-summary';
import { warningBesideRow } from '@/lib/ui/import-summary';
import { inLocale } from '@/lib/ui/bilingual';
import { useI18n } from '../i18n';
import { Button, Notice, ProgressBar } from '../ui';
import { VirtualTable, type Column } from '../virtual-list';

/** Tables longer than this are virtualised (long reasons are then cut, with the whole text in a tooltip). */
const PLAIN_TABLE_MAX = 150;
const rowKey = (r: SummaryRow) => `${r.row}:${r.index ?? 0}:${r.name}`;

export function ImportPreviewView({
  summary,
  skipBad,
  onSkipBad,
  committing,
  onCommit,
  onCancel,
}: {
  summary: ImportSummary;
  skipBad: boolean;
  onSkipBad: (skip: boolean) => void;
  committing: { share: number; done: number; total: number } | null;
  onCommit: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const c = summary.counts;
  const blocked = summary.needsSkip && !skipBad;
  const counts: Array<{ key: string; label: string; value: number; tone: string }> = [
    { key: 'add', label: t('import.add'), value: c.add, tone: 'ok' },
    { key: 'merge', label: t('import.merge'), value: c.merge, tone: 'info' },
    { key: 'update', label: t('import.update'), value: c.update, tone: 'info' },
    { key: 'unchanged', label: t('import.unchanged'), value: c.unchanged, tone: 'neutral' },
    { key: 'reject', label: t('import.reject'), value: c.reject + c.setsReject, tone: c.reject + c.setsReject > 0 ? 'error' : 'neutral' },
    { key: 'warnings', label: t('import.warnings'), value: c.warnings, tone: c.warnings > 0 ? 'warning' : 'neutral' },
  ];
  const section = (rows: readonly SummaryRow[]) => ({ rows, file: summary.file });
  return (
    <section className="stack import-preview" data-testid="import-preview" aria-labelledby="import-preview-title">
      <div className="row-between">
        <h4 id="import-preview-title">{t('import.previewTitle', { file: summary.file })}</h4>
        <span className="small muted">{t('import.rows', { count: c.rows })}</span>
      </div>
      <dl className="count-grid">
        {counts.map((x) => (
          <div key={x.key} className={`count-card count-${x.tone}`} data-count={x.key}>
            <dt>{x.label}</dt>
            <dd>{x.value}</dd>
          </div>
        ))}
      </dl>
      <p className="small muted">{t('import.sets', { add: c.setsAdd, merge: c.setsMerge, update: c.setsUpdate })}</p>

      {summary.rejected.length > 0 ? (
        <RowSection title={t('import.reject')} {...section(summary.rejected)} tone="error" open column="reason" />
      ) : null}
      {summary.warnings.length > 0 ? <LineWarnings summary={summary} /> : null}
      {summary.merged.length > 0 ? <RowSection title={t('import.merge')} {...section(summary.merged)} tone="info" column="target" /> : null}
      {summary.updated.length > 0 ? <RowSection title={t('import.update')} {...section(summary.updated)} tone="info" column="target" /> : null}
      {summary.nearDuplicates.length > 0 ? (
        <RowSection title={t('import.nearDuplicates')} {...section(summary.nearDuplicates)} tone="warning" column="target" />
      ) : null}
      {summary.added.length > 0 ? <RowSection title={t('import.add')} {...section(summary.added)} tone="ok" column="level" /> : null}

      {!summary.hasChanges ? <Notice tone="info">{t('import.nothing')}</Notice> : null}
      {summary.needsSkip ? (
        <label className="check-label">
          <input type="checkbox" className="checkbox" checked={skipBad} onChange={(e) => onSkipBad(e.target.checked)} disabled={committing !== null} />
          {t('import.skipBad', { count: c.reject + c.setsReject })}
        </label>
      ) : null}
      {blocked ? <Notice tone="warn">{t('import.skipRequired')}</Notice> : null}

      {committing ? (
        <div className="stack-tight">
          <div className="row-between small">
            <span>{t('import.committing')}</span>
            {committing.total > 0 ? <span className="muted">{t('import.progress', { done: committing.done, total: committing.total })}</span> : null}
          </div>
          <ProgressBar value={committing.share} label={t('import.committing')} />
        </div>
      ) : (
        <div className="row">
          <Button variant="primary" data-testid="import-confirm" disabled={blocked || !summary.hasChanges} onClick={onCommit}>
            {t('import.confirm')}
          </Button>
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
        </div>
      )}
    </section>
  );
}

/** Warnings that no listed row carries, by line (with the project read from that line), and how many sit beside rows. */
function LineWarnings({ summary }: { summary: ImportSummary }) {
  const { t, locale } = useI18n();
  const beside = summary.warnings.length - summary.lineWarnings.length;
  const where = (w: LineWarning) => [t('import.row', { row: w.row }), w.project !== undefined ? t('import.lineProject', { project: w.project }) : ''].filter(Boolean).join(' · ');
  return (
    <details className="details details-warning" open={summary.lineWarnings.length > 0} data-testid="import-line-warnings">
      <summary>{`${t('import.warnings')} (${summary.warnings.length})`}</summary>
      {summary.lineWarnings.length > 0 ? (
        <>
          <p className="small muted">{t('import.lineWarnings', { count: summary.lineWarnings.length })}</p>
          <ul className="warning-list" tabIndex={0} aria-label={t('import.lineWarnings', { count: summary.lineWarnings.length })}>
            {summary.lineWarnings.slice(0, 300).map((w, i) => (
              <li key={i} data-row={w.row}>
                <span className="muted">{`${where(w)}${locale === 'en' ? ': ' : '：'}`}</span>
                {warningBesideRow(inLocale(w.message, locale), summary.file, w.row)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {beside > 0 ? <p className="small muted">{t('import.lineWarningsBeside', { count: beside })}</p> : null}
    </details>
  );
}

function RowSection({
  title,
  rows,
  file,
  tone,
  open,
  column,
}: {
  title: string;
  rows: readonly SummaryRow[];
  file: string;
  tone: string;
  open?: boolean;
  column: 'reason' | 'target' | 'level';
}) {
  const { t, locale } = useI18n();
  const extraHeader = column === 'reason' ? t('import.col.reason') : column === 'target' ? t('import.col.target') : t('import.col.level');
  const extra = (r: SummaryRow) =>
    column === 'reason' ? r.reasons.map((m) => inLocale(m, locale)).join('；') : column === 'target' ? (r.target ?? '') : r.level;
  const where = (r: SummaryRow) => t('import.row', { row: r.row, ...(r.index !== undefined ? { index: r.index } : {}) });
  const warningsOf = (r: SummaryRow) => r.warnings.map((w) => warningBesideRow(inLocale(w, locale), file, r.row));
  const warned = rows.reduce((n, r) => n + r.warnings.length, 0);
  const nameTitle = (r: SummaryRow) => [r.name, ...warningsOf(r).map((w) => `⚠ ${w}`)].join('\n');
  const columns: Column<SummaryRow>[] = [
    { key: 'row', width: '120px', header: t('import.col.row'), render: where },
    {
      key: 'name',
      width: 'minmax(0, 1.4fr)',
      header: t('import.col.name'),
      // One line a row here: the warnings are counted, their text is in the tooltip.
      render: (r) => (r.warnings.length > 0 ? `${r.name}  ⚠ ${t('import.rowWarnings', { count: r.warnings.length })}` : r.name),
      title: nameTitle,
    },
    { key: 'extra', width: 'minmax(0, 2fr)', header: extraHeader, render: extra, title: extra },
  ];
  return (
    <details className={`details details-${tone}`} open={open}>
      <summary>
        {`${title} (${rows.length})`}
        {warned > 0 ? <span className="badge badge-warning summary-badge">{`⚠ ${t('import.rowWarnings', { count: warned })}`}</span> : null}
      </summary>
      {rows.length > PLAIN_TABLE_MAX ? (
        <VirtualTable items={rows} columns={columns} rowHeight={36} height={320} getKey={rowKey} label={title} />
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={title}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('import.col.row')}</th>
                <th scope="col">{t('import.col.name')}</th>
                <th scope="col">{extraHeader}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i} className={r.warnings.length > 0 ? 'row-warned' : undefined} data-row={r.row}>
                  <td className="nowrap">{where(r)}</td>
                  <td>
                    {r.name}
                    {r.warnings.length > 0 ? (
                      <ul className="row-warnings" aria-label={t('import.rowWarnings', { count: r.warnings.length })}>
                        {warningsOf(r).map((w, k) => (
                          <li key={k}>{w}</li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                  <td className={column === 'reason' ? 'reason' : 'muted'}>{extra(r)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
