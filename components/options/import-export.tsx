/**
 * Import (drop or pick a file → read in a worker → preview of what is added, merged and rejected, with
 * row numbers and reasons → commit with a progress bar → undo), export (JSON backup, XLSX sheet) and the
 * built-in libraries.
 */
import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { backupJson } from '@/lib/library/backup';
import { splitTags } from '@/lib/library/keys';
import type { ImportBatch, ImportPreview } from '@/lib/library/schemas';
import { acceptList } from '@/lib/parse/formats';
import { inLocale } from '@/lib/ui/bilingual';
import { exportFileName } from '@/lib/ui/format';
import { importProgressShare, summariseImport, type ImportSummary } from '@/lib/ui/import-summary';
import { useI18n } from '../i18n';
import { downloadFile, library, onEvent } from '../runtime';
import { Button, Field, Notice, ProgressBar, Spinner, type Tone } from '../ui';
import { runJob } from './import-jobs-client';
import { ImportPreviewView } from './import-preview';
import type { LibraryStats } from './types';

const ACCEPT = acceptList(['json']);

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
        {error ? <Notice tone="error" testId="import-error">{error}</Notice> : null}

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
