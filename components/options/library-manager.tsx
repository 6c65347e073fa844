/**
 * The library manager: templates and sets in a virtualised table with search (pinyin, initials),
 * 一级/二级/tag filters and sorting; edit forms; bulk delete with undo; tags; merging duplicates.
 * The whole library is read once per change (`library.exportBackup`); text search is the background's.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import type { Template, TemplateSet } from '@/lib/domain/schemas';
import { splitTags } from '@/lib/library/keys';
import { inLocale } from '@/lib/ui/bilingual';
import { formatDateTime, valueText } from '@/lib/ui/format';
import {
  filterSets,
  filterTemplates,
  levelsInUse,
  pruneSelection,
  selectionState,
  sortSets,
  sortTemplates,
  toggleAllShown,
  type LibraryFilters,
  type SortDirection,
  type SortKey,
} from '@/lib/ui/library-table';
import { useI18n } from '../i18n';
import { library } from '../runtime';
import { Button, EmptyState, Notice, Spinner, ValueText, type Tone } from '../ui';
import { VirtualTable, type Column } from '../virtual-list';
import { DuplicatesDialog } from './duplicates-dialog';
import { SetEditor, TemplateEditor } from './editors';
import { useCheckProfile } from './hooks';
import type { LibraryStats } from './types';

type Kind = 'templates' | 'sets';
const SEARCH_LIMIT = 500;
const SEARCH_DELAY_MS = 200;
const ROW_HEIGHT = 44;
const NO_FILTERS: LibraryFilters = { level1: '', level2: '', tag: '' };
const idOf = (x: { id: string }) => x.id;

interface Outcome {
  tone: Tone;
  text: string;
  undoToken?: string;
}

export function LibraryManager({ version, stats, onChanged }: { version: number; stats: LibraryStats | null; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const ids = useId();
  const profile = useCheckProfile();
  const [kind, setKind] = useState<Kind>('templates');
  const [templates, setTemplates] = useState<Template[] | null>(null);
  const [sets, setSets] = useState<TemplateSet[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<{ ids: string[]; total: number } | null>(null);
  const [filters, setFilters] = useState<LibraryFilters>(NO_FILTERS);
  const [sort, setSort] = useState<SortKey>('updated');
  const [direction, setDirection] = useState<SortDirection>('desc');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [tagText, setTagText] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [editing, setEditing] = useState<{ kind: 'template'; item: Template | null } | { kind: 'set'; item: TemplateSet } | null>(null);
  const [dupOpen, setDupOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  const errorText = (e: unknown) => inLocale(e instanceof Error ? e.message : String(e), locale);

  useEffect(() => {
    let live = true;
    library
      .request('library.exportBackup', {})
      .then((backup) => {
        if (!live) return;
        setTemplates(backup.templates);
        setSets(backup.templateSets);
        setLoadError(null);
      })
      .catch((e: unknown) => live && setLoadError(errorText(e)));
    return () => {
      live = false;
    };
    // errorText only depends on the locale; a locale change need not reload the library.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version]);

  // Text search is the background's (pinyin, initials, ranking); filters and sorting are applied here.
  useEffect(() => {
    const text = query.trim();
    if (text === '') {
      setHits(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      const type = kind === 'templates' ? 'library.search' : 'library.searchSets';
      library
        .request(type, { text, limit: SEARCH_LIMIT })
        .then((r) => live && setHits({ ids: r.hits.map((h) => h.item.id), total: r.total }))
        .catch((e: unknown) => live && setOutcome({ tone: 'error', text: errorText(e) }));
    }, SEARCH_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query, kind, version]);

  useEffect(() => setSelected(new Set()), [kind]);
  useEffect(() => {
    const existing = kind === 'templates' ? templates?.map((x) => x.id) : sets?.map((x) => x.id);
    if (existing) setSelected((s) => pruneSelection(s, existing));
  }, [templates, sets, kind]);

  const effectiveSort: SortKey = sort === 'relevance' && !hits ? 'updated' : sort;

  const templateRows = useMemo(() => {
    if (!templates) return [];
    const byId = new Map(templates.map((x) => [x.id, x]));
    const base = hits ? hits.ids.map((id) => byId.get(id)).filter((x): x is Template => x !== undefined) : templates;
    return sortTemplates(filterTemplates(base, filters), effectiveSort, direction);
  }, [templates, hits, filters, effectiveSort, direction]);

  const setRows = useMemo(() => {
    if (!sets) return [];
    const byId = new Map(sets.map((x) => [x.id, x]));
    const base = hits ? hits.ids.map((id) => byId.get(id)).filter((x): x is TemplateSet => x !== undefined) : sets;
    return sortSets(filterSets(base, filters), effectiveSort, direction);
  }, [sets, hits, filters, effectiveSort, direction]);

  const levels = useMemo(() => levelsInUse(templates ?? []), [templates]);
  const shownIds = kind === 'templates' ? templateRows.map((x) => x.id) : setRows.map((x) => x.id);
  const totalOfKind = kind === 'templates' ? (templates?.length ?? 0) : (sets?.length ?? 0);
  const headState = selectionState(selected, shownIds);

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const idsPayload = (list: string[]) => (kind === 'templates' ? { templateIds: list } : { setIds: list });

  async function run<T>(work: () => Promise<T>, done: (result: T) => Outcome) {
    setBusy(true);
    setOutcome(null);
    try {
      const result = await work();
      setOutcome(done(result));
      onChanged();
    } catch (e) {
      setOutcome({ tone: 'error', text: errorText(e) });
    } finally {
      setBusy(false);
    }
  }

  const deleteSelected = () =>
    run(
      () => library.request('library.delete', idsPayload([...selected])),
      (r) => {
        setSelected(new Set());
        return { tone: 'ok', text: t('library.deleted', { count: r.count }), undoToken: r.undoToken };
      },
    );

  const undo = (token: string) =>
    run(
      () => library.request('library.undo', { token }),
      (r) => ({ tone: 'ok', text: t('library.undone', { restored: r.restored }) }),
    );

  const editTags = (mode: 'add' | 'remove') => {
    const tags = splitTags(tagText);
    if (tags.length === 0) return;
    void run(
      () => library.request('library.editTags', { ...idsPayload([...selected]), ...(mode === 'add' ? { add: tags } : { remove: tags }) }),
      (r) => ({ tone: 'ok', text: t('library.tagsChanged', { count: r.changed }) }),
    );
  };

  const templateColumns: Column<Template>[] = [
    {
      key: 'select',
      width: '40px',
      header: (
        <HeadCheckbox state={headState} label={t('library.selectShown')} onToggle={() => setSelected((s) => toggleAllShown(s, shownIds))} />
      ),
      render: (x) => (
        <input type="checkbox" className="checkbox" aria-label={t('library.selectRow', { name: x.name })} checked={selected.has(x.id)} onChange={() => toggle(x.id)} />
      ),
    },
    { key: 'name', width: 'minmax(0, 2.2fr)', header: t('library.col.name'), render: (x) => x.name, title: (x) => x.name },
    {
      key: 'level',
      width: 'minmax(0, 1.4fr)',
      header: t('library.col.level'),
      render: (x) => <span className="muted">{[x.level1, x.level2].filter(Boolean).join(' / ')}</span>,
      title: (x) => [x.level1, x.level2].filter(Boolean).join(' / '),
    },
    { key: 'period', width: 'minmax(0, 1fr)', header: t('library.col.period'), render: (x) => <ValueText text={valueText(x.period)} />, title: (x) => valueText(x.period) },
    { key: 'annual', width: 'minmax(0, 1fr)', header: t('library.col.annual'), render: (x) => <ValueText text={valueText(x.annual)} />, title: (x) => valueText(x.annual) },
    {
      key: 'tags',
      width: 'minmax(0, 1fr)',
      header: t('library.col.tags'),
      render: (x) => x.tags.map((tag) => <span key={tag} className="tag">{tag}</span>),
      title: (x) => x.tags.join('，'),
    },
    { key: 'used', width: '76px', header: t('library.col.used'), render: (x) => x.useCount, className: 'num' },
    {
      key: 'edit',
      width: '72px',
      header: <span className="visually-hidden">{t('library.col.actions')}</span>,
      render: (x) => (
        <Button variant="ghost" small onClick={() => setEditing({ kind: 'template', item: x })} aria-label={`${t('common.edit')}：${x.name}`}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  const setColumns: Column<TemplateSet>[] = [
    {
      key: 'select',
      width: '40px',
      header: (
        <HeadCheckbox state={headState} label={t('library.selectShown')} onToggle={() => setSelected((s) => toggleAllShown(s, shownIds))} />
      ),
      render: (x) => (
        <input type="checkbox" className="checkbox" aria-label={t('library.selectRow', { name: x.name })} checked={selected.has(x.id)} onChange={() => toggle(x.id)} />
      ),
    },
    { key: 'name', width: 'minmax(0, 2fr)', header: t('library.col.setName'), render: (x) => x.name, title: (x) => x.name },
    { key: 'items', width: '80px', header: t('library.col.items'), render: (x) => x.items.length, className: 'num' },
    {
      key: 'project',
      width: 'minmax(0, 1.6fr)',
      header: t('library.col.project'),
      render: (x) => <span className="muted">{x.projectName}</span>,
      title: (x) => x.projectName,
    },
    {
      key: 'tags',
      width: 'minmax(0, 1fr)',
      header: t('library.col.tags'),
      render: (x) => x.tags.map((tag) => <span key={tag} className="tag">{tag}</span>),
      title: (x) => x.tags.join('，'),
    },
    { key: 'updated', width: '150px', header: t('library.col.updated'), render: (x) => formatDateTime(x.updatedAt, locale) },
    {
      key: 'edit',
      width: '72px',
      header: <span className="visually-hidden">{t('library.col.actions')}</span>,
      render: (x) => (
        <Button variant="ghost" small onClick={() => setEditing({ kind: 'set', item: x })} aria-label={`${t('common.edit')}：${x.name}`}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  const loading = templates === null || sets === null;
  const libraryEmpty = !loading && templates.length === 0 && sets.length === 0;
  const shownCount = shownIds.length;

  return (
    <div className="stack">
      <p className="muted">{t('library.intro')}</p>
      {loadError ? <Notice tone="error">{t('sets.loadError', { message: loadError })}</Notice> : null}
      {outcome ? (
        <Notice
          tone={outcome.tone}
          action={
            outcome.undoToken ? (
              <Button small onClick={() => void undo(outcome.undoToken!)} disabled={busy}>
                {t('common.undo')}
              </Button>
            ) : undefined
          }
        >
          {outcome.text}
        </Notice>
      ) : null}

      {loading && !loadError ? (
        <Spinner label={t('library.loading')} />
      ) : libraryEmpty ? (
        <EmptyState
          testId="library-empty"
          title={t('library.emptyTitle')}
          body={t('library.emptyBody')}
          actions={
            <>
              <a className="btn btn-primary" href="#import">
                {t('library.emptyImport')}
              </a>
              <Button
                disabled={busy || stats?.starterLoaded}
                onClick={() =>
                  void run(
                    () => library.request('library.loadBuiltIn', { which: 'starter' }),
                    (r) => ({ tone: 'ok', text: t('import.done', { added: r.added, merged: r.merged, updated: r.updated, sets: r.setsAdded, skipped: r.skipped }) }),
                  )
                }
              >
                {t('library.emptyStarter')}
              </Button>
              <Button onClick={() => setEditing({ kind: 'template', item: null })}>{t('library.new')}</Button>
            </>
          }
        />
      ) : (
        <>
          <div className="tabs" role="group" aria-label={t('section.library')}>
            {(['templates', 'sets'] as const).map((k) => (
              <button key={k} type="button" className="tab" aria-pressed={kind === k} onClick={() => setKind(k)}>
                {k === 'templates' ? t('options.templates') : t('options.sets')}
                <span className="tab-count">{k === 'templates' ? (templates?.length ?? 0) : (sets?.length ?? 0)}</span>
              </button>
            ))}
          </div>

          <div className="toolbar">
            <div className="field toolbar-search">
              <label className="field-label" htmlFor={`${ids}-q`}>
                {t('library.search')}
              </label>
              <input
                id={`${ids}-q`}
                className="input"
                type="search"
                data-testid="library-search"
                placeholder={t('library.searchPlaceholder')}
                value={query}
                onChange={(e) => {
                  setQuery(e.target.value);
                  if (e.target.value.trim() !== '' && query.trim() === '') setSort('relevance');
                }}
              />
            </div>
            <div className="field">
              <label className="field-label" htmlFor={`${ids}-l1`}>
                {t('level.level1')}
              </label>
              <select
                id={`${ids}-l1`}
                className="select"
                value={filters.level1}
                onChange={(e) => setFilters({ ...filters, level1: e.target.value, level2: '' })}
              >
                <option value="">{t('common.any')}</option>
                {[...levels.keys()].map((l1) => (
                  <option key={l1} value={l1}>
                    {l1}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label className="field-label" htmlFor={`${ids}-l2`}>
                {t('level.level2')}
              </label>
              <select id={`${ids}-l2`} className="select" value={filters.level2} onChange={(e) => setFilters({ ...filters, level2: e.target.value })}>
                <option value="">{t('common.any')}</option>
                {(filters.level1 ? (levels.get(filters.level1) ?? []) : [...new Set([...levels.values()].flat())]).map((l2) => (
                  <option key={l2} value={l2}>
                    {l2}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label className="field-label" htmlFor={`${ids}-tag`}>
                {t('library.tags')}
              </label>
              <select id={`${ids}-tag`} className="select" value={filters.tag} onChange={(e) => setFilters({ ...filters, tag: e.target.value })}>
                <option value="">{t('common.any')}</option>
                {(stats?.tags ?? []).map((tg) => (
                  <option key={tg.tag} value={tg.tag}>
                    {`${tg.tag} (${tg.count})`}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label className="field-label" htmlFor={`${ids}-sort`}>
                {t('library.sort')}
              </label>
              <div className="row nowrap">
                <select id={`${ids}-sort`} className="select" value={effectiveSort} onChange={(e) => setSort(e.target.value as SortKey)}>
                  {hits ? <option value="relevance">{t('library.sort.relevance')}</option> : null}
                  <option value="name">{t('library.sort.name')}</option>
                  <option value="level">{kind === 'templates' ? t('library.sort.level') : t('library.sort.size')}</option>
                  <option value="updated">{t('library.sort.updated')}</option>
                  <option value="used">{t('library.sort.used')}</option>
                </select>
                <Button
                  small
                  disabled={effectiveSort === 'relevance'}
                  onClick={() => setDirection((d) => (d === 'asc' ? 'desc' : 'asc'))}
                  aria-label={direction === 'asc' ? t('library.sort.asc') : t('library.sort.desc')}
                  title={direction === 'asc' ? t('library.sort.asc') : t('library.sort.desc')}
                >
                  {direction === 'asc' ? '↑' : '↓'}
                </Button>
              </div>
            </div>
          </div>

          <div className="row-between">
            <span className="small muted" role="status">
              {hits && hits.total > hits.ids.length
                ? t('library.truncated', { shown: hits.ids.length, total: hits.total })
                : t('library.shown', { shown: shownCount, total: totalOfKind })}
            </span>
            <div className="row">
              {kind === 'templates' ? (
                <>
                  <Button small onClick={() => setDupOpen(true)}>
                    {t('library.duplicates')}
                  </Button>
                  <Button small variant="primary" onClick={() => setEditing({ kind: 'template', item: null })}>
                    {t('library.new')}
                  </Button>
                </>
              ) : null}
            </div>
          </div>

          {selected.size > 0 ? (
            <div className="bulkbar" role="region" aria-label={t('library.selected', { count: selected.size })}>
              <strong>{t('library.selected', { count: selected.size })}</strong>
              <input
                className="input bulk-tags"
                aria-label={t('library.tagsInput')}
                placeholder={t('library.tagsPlaceholder')}
                value={tagText}
                onChange={(e) => setTagText(e.target.value)}
              />
              <Button small onClick={() => editTags('add')} disabled={busy || splitTags(tagText).length === 0}>
                {t('library.addTags')}
              </Button>
              <Button small onClick={() => editTags('remove')} disabled={busy || splitTags(tagText).length === 0}>
                {t('library.removeTags')}
              </Button>
              <Button small variant="danger" data-testid="delete-selected" onClick={() => void deleteSelected()} disabled={busy}>
                {t('library.delete')}
              </Button>
            </div>
          ) : null}

          {shownCount === 0 ? (
            <EmptyState
              title={t('library.noMatch')}
              actions={
                <Button
                  small
                  onClick={() => {
                    setQuery('');
                    setFilters(NO_FILTERS);
                  }}
                >
                  {t('sets.clearFilters')}
                </Button>
              }
            />
          ) : kind === 'templates' ? (
            <VirtualTable
              items={templateRows}
              columns={templateColumns}
              rowHeight={ROW_HEIGHT}
              height="min(560px, 60vh)"
              getKey={idOf}
              label={t('options.templates')}
              isSelected={(x) => selected.has(x.id)}
              testId="template-table"
            />
          ) : (
            <VirtualTable
              items={setRows}
              columns={setColumns}
              rowHeight={ROW_HEIGHT}
              height="min(560px, 60vh)"
              getKey={idOf}
              label={t('options.sets')}
              isSelected={(x) => selected.has(x.id)}
              testId="set-table"
            />
          )}
        </>
      )}

      {editing?.kind === 'template' ? (
        <TemplateEditor
          template={editing.item}
          profile={profile}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setOutcome({ tone: 'ok', text: t('form.saved') });
            onChanged();
          }}
        />
      ) : null}
      {editing?.kind === 'set' ? (
        <SetEditor
          set={editing.item}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setOutcome({ tone: 'ok', text: t('form.saved') });
            onChanged();
          }}
        />
      ) : null}
      {dupOpen ? (
        <DuplicatesDialog
          templates={templates ?? []}
          onClose={() => setDupOpen(false)}
          onMerged={(count, undoToken) => {
            setOutcome({ tone: 'ok', text: t('dup.merged', { count }), undoToken });
            onChanged();
          }}
        />
      ) : null}
    </div>
  );
}

function HeadCheckbox({ state, label, onToggle }: { state: 'all' | 'some' | 'none'; label: string; onToggle: () => void }) {
  return (
    <input
      type="checkbox"
      className="checkbox"
      aria-label={label}
      checked={state === 'all'}
      ref={(el) => {
        if (el) el.indeterminate = state === 'some';
      }}
      onChange={onToggle}
    />
  );
}
