/**
 * Merging duplicates: the background groups identical and near-identical templates; the person picks
 * the one to keep per group (the most used is proposed) and merges the group into it.
 */
import { useEffect, useState } from 'react';
import type { Template } from '@/lib/domain/schemas';
import { inLocale } from '@/lib/ui/bilingual';
import { valueText } from '@/lib/ui/format';
import { useI18n } from '../i18n';
import { library } from '../runtime';
import { Button, Dialog, Notice, Spinner } from '../ui';

interface Group {
  kind: 'identical' | 'near';
  ids: string[];
}

/** The template to keep by default: most used, then most recently changed. */
function proposedKeep(ids: readonly string[], byId: ReadonlyMap<string, Template>): string {
  return [...ids].sort((a, b) => {
    const x = byId.get(a);
    const y = byId.get(b);
    return (y?.useCount ?? 0) - (x?.useCount ?? 0) || (y?.updatedAt ?? 0) - (x?.updatedAt ?? 0);
  })[0]!;
}

export function DuplicatesDialog({
  templates,
  onClose,
  onMerged,
}: {
  templates: readonly Template[];
  onClose: () => void;
  onMerged: (count: number, undoToken: string) => void;
}) {
  const { t, locale } = useI18n();
  const [groups, setGroups] = useState<Group[] | null>(null);
  const [keep, setKeep] = useState<Record<number, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const byId = new Map(templates.map((x) => [x.id, x]));

  useEffect(() => {
    let live = true;
    library
      .request('library.duplicates', {})
      .then((r) => live && setGroups(r.groups))
      .catch((e: unknown) => live && setError(inLocale(e instanceof Error ? e.message : String(e), locale)));
    return () => {
      live = false;
    };
  }, [locale]);

  async function merge(index: number, group: Group) {
    const keepId = keep[index] ?? proposedKeep(group.ids, byId);
    setBusy(true);
    setError(null);
    try {
      const receipt = await library.request('library.merge', { keepId, otherIds: group.ids.filter((id) => id !== keepId) });
      setGroups((gs) => (gs ?? []).filter((_, i) => i !== index));
      onMerged(receipt.count, receipt.undoToken);
    } catch (e) {
      setError(inLocale(e instanceof Error ? e.message : String(e), locale));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open wide title={t('dup.title')} onClose={onClose} footer={<Button onClick={onClose}>{t('common.close')}</Button>}>
      <div className="stack">
        <p className="muted">{t('dup.intro')}</p>
        {error ? <Notice tone="error">{error}</Notice> : null}
        {groups === null ? (
          <Spinner label={t('common.loading')} />
        ) : groups.length === 0 ? (
          <Notice tone="ok">{t('dup.none')}</Notice>
        ) : (
          <>
            <p className="small muted">{t('dup.groups', { count: groups.length })}</p>
            {groups.map((group, index) => {
              const chosen = keep[index] ?? proposedKeep(group.ids, byId);
              return (
                <fieldset key={group.ids.join('|')} className="dup-group">
                  <legend>
                    <span className={`badge ${group.kind === 'identical' ? 'badge-warning' : 'badge-info'}`}>
                      {group.kind === 'identical' ? t('dup.identical') : t('dup.near')}
                    </span>
                  </legend>
                  {group.ids.map((id) => {
                    const x = byId.get(id);
                    if (!x) return null;
                    return (
                      <label key={id} className="dup-row">
                        <input type="radio" name={`keep-${index}`} checked={chosen === id} onChange={() => setKeep((k) => ({ ...k, [index]: id }))} />
                        <span className="grow">
                          <span>{x.name}</span>
                          <span className="small muted">
                            {' '}
                            · {[x.level1, x.level2].filter(Boolean).join(' / ')} · {valueText(x.period)} / {valueText(x.annual)}
                            {x.useCount > 0 ? ` · ${t('library.col.used')} ${x.useCount}` : ''}
                          </span>
                        </span>
                        {chosen === id ? <span className="badge badge-ok">{t('dup.keep')}</span> : null}
                      </label>
                    );
                  })}
                  <div>
                    <Button small variant="primary" disabled={busy} onClick={() => void merge(index, group)}>
                      {t('dup.merge')}
                    </Button>
                  </div>
                </fieldset>
              );
            })}
          </>
        )}
      </div>
    </Dialog>
  );
}
