/**
 * Import (drop or pick a file → read in a worker → preview of what is added, merged and rejected, with
 * row numbers and reasons → commit with a progress bar → undo), export (JSON backup, XLSX sheet) and the
 * built-in libraries.
 */
import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { backupJson } from '@/lib/library/backup';
import { splitTags } from '@/lib/library/keys';
import type { ImportBatch, ImportPreview } from '@/lib/library/schemas';
import { inLocale } from '@/lib/ui/bilingual';
import { exportFileName } from '@/lib/ui/format';
import { importProgressShare, summariseImport, type ImportSummary, type SummaryRow } from '@/lib/ui/import-summary';
import { useI18n } from '../i18n';
import { downloadFile, library, onEvent } from '../runtime';
import { Button, Field, Notice, ProgressBar, Spinner, type Tone } from '../ui';
import { VirtualTable, type Column } from '../virtual-list';
import { runJob } from './import-jobs-client';
import type { LibraryStats } from './types';

const ACCEPT = '.txt,.csv,.xlsx,.xls,.json,.docx,.html,.htm';
/** Tables longer than this are virtualised (long reasons are then cut, with the whole text in a tooltip). */
const PLAIN_TABLE_MAX = 150;
const rowKey = (r: SummaryRow) => `${r.row}:${r.index ?? 0}:${r.name}`;

type Phase =
  | { kind: 'idle' }
  | { kind: 'reading'; file: string; share: number | undefined }
  | { kind: 'previewing'; file: string }
  | { kind: 'preview'; batch: ImportBatch; preview: ImportPreview; summary: ImportSummary }
  | { kind: 'committing'; summary: ImportSummary; share: number; done: number; total: number }
  | { kind: 'done'; text: string; undoToken: string | null };

interface Outcome {
  tone: Tone;
  text: string;
}

/** Reads a file with progress (FileReader reports it; Blob.arrayBuffer does not). */
function readBytes(file: File, onProgress: (share: number) => void): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsArrayBuffer(file);
  });
}

export function ImportExportPanel({ stats, onChanged }: { stats: LibraryStats | null; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const ids = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [tags, setTags] = useState('');
  const [skipBad, setSkipBad] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [exportOutcome, setExportOutcome] = useState<Outcome | null>(null);
  const [exporting, setExporting] = useState<'json' | 'xlsx' | null>(null);
  const [builtInBusy, setBuiltInBusy] = useState(false);
  const [builtInOutcome, setBuiltInOutcome] = useState<Outcome | null>(null);
  const jobRef = useRef<string | null>(null);

  const text = (e: unknown) => inLocale(e instanceof Error ? e.message : String(e), locale);

  // Progress of our own commit arrives as events carrying its job id.
  useEffect(
    () =>
      onEvent((event, payload) => {
        if (event !== 'library.importProgress') return;
        const p = payload as { jobId?: string; phase?: 'writing' | 'indexing'; done?: number; total?: number };
        if (!p || p.jobId !== jobRef.current || !p.phase || typeof p.done !== 'number' || typeof p.total !== 'number') return;
        const progress = { phase: p.phase, done: p.done, total: p.total };
        setPhase((ph) => (ph.kind === 'committing' ? { ...ph, share: importProgressShare(progress), done: p.done!, total: p.total! } : ph));
      }),
    [],
  );

  async function take(file: File) {
    setError(null);
    setPhase({ kind: 'reading', file: file.name, share: 0 });
    try {
      const bytes = await readBytes(file, (share) => setPhase({ kind: 'reading', file: file.name, share }));
      setPhase({ kind: 'reading', file: file.name, share: undefined });
      const read = await runJob({ kind: 'read', bytes, fileName: file.name, tags: splitTags(tags) });
      if (!read.ok) throw new Error(read.message);
      if (read.kind !== 'read') throw new Error('unexpected job result');
      setPhase({ kind: 'previewing', file: file.name });
      const preview = await library.request('library.previewImport', { batch: read.batch });
      const summary = summariseImport(preview);
      setSkipBad(true);
      setPhase({ kind: 'preview', batch: read.batch, preview, summary });
    } catch (e) {
      setError(text(e));
      setPhase({ kind: 'idle' });
    } finally {
      if (inputRef.current) inputRef.current.value = '';
    }
  }

  async function commit() {
    if (phase.kind !== 'preview') return;
    const { batch, preview, summary } = phase;
    const jobId = crypto.randomUUID();
    jobRef.current = jobId;
    setError(null);
    setPhase({ kind: 'committing', summary, share: 0, done: 0, total: summary.counts.rows });
    try {
      const r = await library.request('library.commitImport', {
        batch,
        skipBadRows: summary.needsSkip && skipBad,
        expectFingerprint: preview.fingerprint,
        jobId,
      });
      setPhase({
        kind: 'done',
        text: t('import.done', { added: r.added, merged: r.merged, updated: r.updated, sets: r.setsAdded + r.setsMerged + r.setsUpdated, skipped: r.skipped }),
        undoToken: r.undoToken,
      });
      onChanged();
    } catch (e) {
      setError(text(e));
      setPhase({ kind: 'preview', batch, preview, summary });
    } finally {
      jobRef.current = null;
    }
  }

  async function undoImport(token: string) {
    try {
      const r = await library.request('library.undo', { token });
      setPhase({ kind: 'done', text: t('import.undone', { removed: r.removed, restored: r.restored }), undoToken: null });
      onChanged();
    } catch (e) {
      setError(text(e));
    }
  }

  async function exportAs(kind: 'json' | 'xlsx') {
    setExporting(kind);
    setExportOutcome(null);
    try {
      const backup = await library.request('library.exportBackup', {});
      const name = exportFileName(kind, new Date());
      if (kind === 'json') {
        downloadFile(document, name, backupJson(backup), 'application/json');
      } else {
        const result = await runJob({ kind: 'xlsx', templates: backup.templates, sets: backup.templateSets });
        if (!result.ok) throw new Error(result.message);
        if (result.kind !== 'xlsx') throw new Error('unexpected job result');
        downloadFile(document, name, result.bytes as Uint8Array<ArrayBuffer>, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      }
      setExportOutcome({ tone: 'ok', text: t('export.done', { file: name }) });
    } catch (e) {
      setExportOutcome({ tone: 'error', text: text(e) });
    } finally {
      setExporting(null);
    }
  }

  async function builtIn(which: 'starter' | 'example', action: 'load' | 'remove') {
    setBuiltInBusy(true);
    setBuiltInOutcome(null);
    try {
      if (action === 'load') {
        const r = await library.request('library.loadBuiltIn', { which });
        setBuiltInOutcome({
          tone: 'ok',
          text: t('import.done', { added: r.added, merged: r.merged, updated: r.updated, sets: r.setsAdded, skipped: r.skipped }),
        });
      } else {
        const r = await library.request('library.removeBuiltIn', { which });
        setBuiltInOutcome({ tone: 'ok', text: t('builtin.removed', { count: r.count, kept: r.kept }) });
      }
      onChanged();
    } catch (e) {
      setBuiltInOutcome({ tone: 'error', text: text(e) });
    } finally {
      setBuiltInBusy(false);
    }
  }

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) void take(file);
  };

  const busy = phase.kind === 'reading' || phase.kind === 'previewing' || phase.kind === 'committing';

  return (
    <div className="stack">
      <div className="card stack">
        <h3>{t('import.title')}</h3>
        <p className="muted">{t('import.intro')}</p>
        {error ? <Notice tone="error">{error}</Notice> : null}

        {phase.kind === 'idle' || phase.kind === 'done' ? (
          <>
            {phase.kind === 'done' ? (
              <Notice
                tone="ok"
                testId="import-result"
                action={
                  phase.undoToken ? (
                    <Button small onClick={() => void undoImport(phase.undoToken!)}>
                      {t('import.undo')}
                    </Button>
                  ) : undefined
                }
              >
                {phase.text}
              </Notice>
            ) : null}
            <div
              className={`dropzone${dragging ? ' dropzone-active' : ''}`}
              onDragOver={(e) => {
                e.preventDefault();
                setDragging(true);
              }}
              onDragLeave={() => setDragging(false)}
              onDrop={onDrop}
            >
              <div className="dropzone-main">
                <span>{t('import.drop')}</span>
                <span className="muted">{t('import.or')}</span>
                <input
                  ref={inputRef}
                  id={`${ids}-file`}
                  className="file-input"
                  type="file"
                  accept={ACCEPT}
                  data-testid="import-file"
                  onChange={(e) => {
                    const file = e.target.files?.[0];
                    if (file) void take(file);
                  }}
                />
                <label htmlFor={`${ids}-file`} className="btn btn-primary file-label">
                  {t('import.pick')}
                </label>
              </div>
              <p className="small muted">{t('import.types')}</p>
            </div>
            <Field label={t('import.tags')} hint={t('form.tagsHint')}>
              {(p) => <input {...p} className="input narrow" placeholder={t('import.tagsPlaceholder')} value={tags} onChange={(e) => setTags(e.target.value)} />}
            </Field>
          </>
        ) : null}

        {phase.kind === 'reading' ? (
          <div className="stack-tight">
            <Spinner label={t('import.reading', { file: phase.file })} />
            <ProgressBar value={phase.share} label={t('import.reading', { file: phase.file })} />
          </div>
        ) : null}
        {phase.kind === 'previewing' ? <Spinner label={t('import.previewing')} /> : null}

        {phase.kind === 'preview' || phase.kind === 'committing' ? (
          <ImportPreviewView
            summary={phase.summary}
            skipBad={skipBad}
            onSkipBad={setSkipBad}
            committing={phase.kind === 'committing' ? phase : null}
            onCommit={() => void commit()}
            onCancel={() => setPhase({ kind: 'idle' })}
          />
        ) : null}
      </div>

      <div className="card stack">
        <h3>{t('export.title')}</h3>
        {exportOutcome ? <Notice tone={exportOutcome.tone}>{exportOutcome.text}</Notice> : null}
        <div className="export-grid">
          <div className="stack-tight">
            <div>
              <Button data-testid="export-json" disabled={exporting !== null || busy} onClick={() => void exportAs('json')}>
                {exporting === 'json' ? t('export.working') : t('export.json')}
              </Button>
            </div>
            <p className="small muted">{t('export.jsonHint')}</p>
          </div>
          <div className="stack-tight">
            <div>
              <Button data-testid="export-xlsx" disabled={exporting !== null || busy} onClick={() => void exportAs('xlsx')}>
                {exporting === 'xlsx' ? t('export.working') : t('export.xlsx')}
              </Button>
            </div>
            <p className="small muted">{t('export.xlsxHint')}</p>
          </div>
        </div>
      </div>

      <div className="card stack">
        <h3>{t('builtin.title')}</h3>
        {builtInOutcome ? <Notice tone={builtInOutcome.tone}>{builtInOutcome.text}</Notice> : null}
        {(['starter', 'example'] as const).map((which) => {
          const loaded = which === 'starter' ? stats?.starterLoaded : stats?.exampleLoaded;
          return (
            <div key={which} className="builtin-row">
              <div className="grow">
                <div className="row">
                  <strong>{t(`builtin.${which}`)}</strong>
                  {loaded ? <span className="badge badge-ok">{t('builtin.loaded')}</span> : null}
                </div>
                <p className="small muted">{t(`builtin.${which}Hint`)}</p>
              </div>
              {loaded ? (
                <Button small variant="danger" disabled={builtInBusy} onClick={() => void builtIn(which, 'remove')}>
                  {t('builtin.remove')}
                </Button>
              ) : (
                <Button small disabled={builtInBusy || !stats} data-testid={`load-${which}`} onClick={() => void builtIn(which, 'load')}>
                  {t('builtin.load')}
                </Button>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

function ImportPreviewView({
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
  const { t, locale } = useI18n();
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
        <RowSection title={t('import.reject')} rows={summary.rejected} tone="error" open column="reason" />
      ) : null}
      {summary.warnings.length > 0 ? (
        <details className="details">
          <summary>{`${t('import.warnings')} (${summary.warnings.length})`}</summary>
          <ul className="warning-list" tabIndex={0} aria-label={t('import.warnings')}>
            {summary.warnings.slice(0, 300).map((w, i) => (
              <li key={i}>
                <span className="muted">{t('import.row', { row: w.row })}：</span>
                {inLocale(w.message, locale)}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {summary.merged.length > 0 ? <RowSection title={t('import.merge')} rows={summary.merged} tone="info" column="target" /> : null}
      {summary.updated.length > 0 ? <RowSection title={t('import.update')} rows={summary.updated} tone="info" column="target" /> : null}
      {summary.nearDuplicates.length > 0 ? (
        <RowSection title={t('import.nearDuplicates')} rows={summary.nearDuplicates} tone="warning" column="target" />
      ) : null}
      {summary.added.length > 0 ? <RowSection title={t('import.add')} rows={summary.added} tone="ok" column="level" /> : null}

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

function RowSection({
  title,
  rows,
  tone,
  open,
  column,
}: {
  title: string;
  rows: readonly SummaryRow[];
  tone: string;
  open?: boolean;
  column: 'reason' | 'target' | 'level';
}) {
  const { t, locale } = useI18n();
  const extraHeader = column === 'reason' ? t('import.col.reason') : column === 'target' ? t('import.col.target') : t('import.col.level');
  const extra = (r: SummaryRow) =>
    column === 'reason' ? r.reasons.map((m) => inLocale(m, locale)).join('；') : column === 'target' ? (r.target ?? '') : r.level;
  const where = (r: SummaryRow) => t('import.row', { row: r.row, ...(r.index !== undefined ? { index: r.index } : {}) });
  const columns: Column<SummaryRow>[] = [
    { key: 'row', width: '120px', header: t('import.col.row'), render: where },
    { key: 'name', width: 'minmax(0, 1.4fr)', header: t('import.col.name'), render: (r) => r.name, title: (r) => r.name },
    { key: 'extra', width: 'minmax(0, 2fr)', header: extraHeader, render: extra, title: extra },
  ];
  return (
    <details className={`details details-${tone}`} open={open}>
      <summary>{`${title} (${rows.length})`}</summary>
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
                <tr key={i}>
                  <td className="nowrap">{where(r)}</td>
                  <td>{r.name}</td>
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
