/**
 * The side panel's template sets: suggested for the detected project first, then search over the whole
 * library (Chinese, pinyin, initials) with 一级/二级/tag filters, and a preview of the chosen set with
 * both its period and annual values before it is filled.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import type { TaxonomyProfile, TemplateSet } from '@/lib/domain/schemas';
import { inLocale } from '@/lib/ui/bilingual';
import { hasFilters, mergeSetLists, NO_FILTERS, previewLines, setCategories, type SetFilters, type SetListItem } from '@/lib/ui/set-list';
import { useI18n } from '../i18n';
import { library, openOptionsPage } from '../runtime';
import { Button, EmptyState, Notice, Spinner, ValueText } from '../ui';
import { VirtualList } from '../virtual-list';

/** How long typing must pause before a search goes out. */
const SEARCH_DELAY_MS = 180;
/** Sets fetched per search; more with a 一级/二级 filter, which is applied here to the sets' items. */
const LIMIT = 60;
const LIMIT_FILTERED = 300;
const ROW_HEIGHT = 64;
const setIdOf = (i: SetListItem) => i.set.id;

export function SetPicker({
  project,
  profile,
  libraryVersion,
  selected,
  onSelect,
}: {
  project: { name: string; goal: string } | null;
  profile: TaxonomyProfile;
  /** Changes when the library changed (re-query). */
  libraryVersion: number;
  selected: TemplateSet | null;
  onSelect: (set: TemplateSet | null) => void;
}) {
  const { t, locale } = useI18n();
  const ids = useId();
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<SetFilters>(NO_FILTERS);
  const [suggested, setSuggested] = useState<TemplateSet[]>([]);
  const [found, setFound] = useState<TemplateSet[]>([]);
  const [total, setTotal] = useState(0);
  const [tags, setTags] = useState<string[]>([]);
  const [libraryEmpty, setLibraryEmpty] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const projectName = project?.name ?? '';
  const goal = project?.goal ?? '';

  useEffect(() => {
    let live = true;
    library
      .request('library.stats', {})
      .then((stats) => {
        if (!live) return;
        setTags(stats.tags.map((tg) => tg.tag));
        setLibraryEmpty(stats.sets === 0);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [libraryVersion]);

  useEffect(() => {
    let live = true;
    if (!projectName && !goal) {
      setSuggested([]);
      return;
    }
    library
      .request('library.suggest', { projectName, goal, limitSets: 6, limitTemplates: 1 })
      .then((r) => live && setSuggested(r.sets.map((s) => s.item)))
      .catch(() => live && setSuggested([]));
    return () => {
      live = false;
    };
  }, [projectName, goal, libraryVersion]);

  useEffect(() => {
    let live = true;
    const levelFiltered = filters.level1 !== '' || filters.level2 !== '';
    const timer = setTimeout(() => {
      library
        .request('library.searchSets', {
          text: query.trim(),
          ...(filters.tag ? { tags: [filters.tag] } : {}),
          limit: levelFiltered ? LIMIT_FILTERED : LIMIT,
        })
        .then((r) => {
          if (!live) return;
          setFound(r.hits.map((h) => h.item));
          setTotal(r.total);
          setError(null);
          setLoading(false);
        })
        .catch((e: unknown) => {
          if (!live) return;
          setError(e instanceof Error ? inLocale(e.message, locale) : String(e));
          setLoading(false);
        });
    }, SEARCH_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, filters, libraryVersion, locale]);

  const items = useMemo(() => mergeSetLists(suggested, found, query, filters), [suggested, found, query, filters]);
  const level2Options = useMemo(() => {
    const under = profile.level1.filter((l1) => !filters.level1 || l1.name === filters.level1);
    return under.flatMap((l1) => l1.level2.map((l2) => l2.name));
  }, [profile, filters.level1]);

  // After a library change, the chosen set is read again (edited elsewhere) or dropped (deleted).
  const selectedId = selected?.id;
  useEffect(() => {
    if (!selectedId || libraryVersion === 0) return;
    let live = true;
    library
      .request('library.get', { setIds: [selectedId] })
      .then((r) => live && onSelect(r.sets[0] ?? null))
      .catch(() => undefined);
    return () => {
      live = false;
    };
    // Only a library change re-reads it; selecting another set must not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [libraryVersion]);

  const renderItem = (item: SetListItem) => {
    const set = item.set;
    const isSelected = selected?.id === set.id;
    const categories = setCategories(set.items).join(' · ');
    return (
      <button
        type="button"
        className="set-item"
        data-testid="template-set"
        data-set-id={set.id}
        aria-pressed={isSelected}
        onClick={() => onSelect(isSelected ? null : set)}
      >
        <span className="set-item-title">
          <span className="truncate grow" title={set.name}>
            {set.name}
          </span>
          {item.suggested ? (
            <span className="badge badge-primary" title={t('sets.suggestedHint')}>
              {t('sets.suggested')}
            </span>
          ) : null}
        </span>
        <span className="set-item-meta truncate">
          {t('sets.items', { count: set.items.length })}
          {categories ? ` · ${categories}` : ''}
          {set.tags.length > 0 ? ` · ${set.tags.join('，')}` : ''}
        </span>
      </button>
    );
  };

  return (
    <div className="stack">
      <div className="stack-tight">
        <label className="field-label" htmlFor={`${ids}-q`}>
          {t('sets.search')}
        </label>
        <input
          id={`${ids}-q`}
          className="input"
          type="search"
          data-testid="template-search"
          placeholder={t('sets.searchPlaceholder')}
          value={query}
          autoComplete="off"
          onChange={(e) => setQuery(e.target.value)}
        />
        <div className="filters">
          <select
            className="select"
            aria-label={t('level.level1')}
            value={filters.level1}
            onChange={(e) => setFilters({ ...filters, level1: e.target.value, level2: '' })}
          >
            <option value="">{t('level.level1')}</option>
            {profile.level1.map((l1) => (
              <option key={l1.code} value={l1.name}>
                {l1.name}
              </option>
            ))}
          </select>
          <select
            className="select"
            aria-label={t('level.level2')}
            value={filters.level2}
            onChange={(e) => setFilters({ ...filters, level2: e.target.value })}
          >
            <option value="">{t('level.level2')}</option>
            {level2Options.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
          <select className="select" aria-label={t('sets.filterTag')} value={filters.tag} onChange={(e) => setFilters({ ...filters, tag: e.target.value })}>
            <option value="">{t('sets.filterTag')}</option>
            {tags.map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </select>
        </div>
        {hasFilters(filters) ? (
          <div>
            <Button variant="ghost" small onClick={() => setFilters(NO_FILTERS)}>
              {t('sets.clearFilters')}
            </Button>
          </div>
        ) : null}
      </div>

      {error ? <Notice tone="error">{t('sets.loadError', { message: error })}</Notice> : null}
      {loading ? (
        <Spinner label={t('common.loading')} />
      ) : items.length === 0 ? (
        libraryEmpty && query === '' && !hasFilters(filters) ? (
          <EmptyState
            testId="sets-empty"
            title={t('library.emptyTitle')}
            body={t('sets.emptyLibrary')}
            actions={
              <Button small onClick={openOptionsPage}>
                {t('panel.openOptions')}
              </Button>
            }
          />
        ) : (
          <p className="muted small">{t('sets.noMatch')}</p>
        )
      ) : (
        <>
          {query.trim() !== '' || hasFilters(filters) ? (
            <p className="small muted" role="status">
              {t('sets.results', { count: hasFilters(filters) ? items.length : total })}
            </p>
          ) : null}
          <VirtualList
            items={items}
            rowHeight={ROW_HEIGHT}
            maxHeight={ROW_HEIGHT * 5.5}
            getKey={setIdOf}
            renderItem={renderItem}
            label={t('sets.title')}
          />
        </>
      )}

      {items.length > 0 || selected ? <SetPreview set={selected} /> : null}
    </div>
  );
}

function SetPreview({ set }: { set: TemplateSet | null }) {
  const { t } = useI18n();
  if (!set) return <p className="muted small">{t('preview.empty')}</p>;
  const lines = previewLines(set.items);
  const incomplete = lines.filter((l) => l.incomplete).length;
  return (
    <section className="preview" aria-label={t('preview.title', { name: set.name })} data-testid="set-preview">
      <h3 className="preview-title">{t('preview.title', { name: set.name })}</h3>
      <ol className="preview-list" tabIndex={0} aria-label={t('preview.title', { name: set.name })}>
        {lines.map((line, i) => (
          <li key={i} className="preview-item">
            <div className="preview-name">{line.name}</div>
            <div className="small muted">{[line.level1, line.level2].filter(Boolean).join(' / ')}</div>
            <dl className="preview-values">
              <div>
                <dt>{t('preview.period')}</dt>
                <dd>
                  <ValueText text={line.period} />
                </dd>
              </div>
              <div>
                <dt>{t('preview.annual')}</dt>
                <dd>
                  <ValueText text={line.annual} />
                </dd>
              </div>
            </dl>
          </li>
        ))}
      </ol>
      {incomplete > 0 ? <p className="small muted">{t('preview.incomplete', { count: incomplete })}</p> : null}
    </section>
  );
}
