/**
 * The background's answers to the library messages: thin adapters from the protocol to
 * TemplateLibrary. Pure of browser APIs (events and the example text come in as dependencies), so
 * tests drive them with a fake-indexeddb library.
 */
import type { TemplateLibrary } from '../db/library';
import { exampleBatch, loadExampleText } from '../library/example';
import type { EventOf, EventType, Handlers } from '../messaging';
import { parseText } from '../parse/index';

/** The library messages this module answers. */
export type LibraryMessage = Extract<keyof Handlers, `library.${string}`>;

export interface LibraryHandlerDeps {
  /** Broadcasts an event to extension pages (errors ignored: no page may be open). */
  emit: <K extends EventType>(event: K, payload: EventOf<K>) => void;
  /** navigator.storage.persist() outcome, once known. */
  persisted: () => boolean | null;
  /** The seed fixture's text (tests pass it directly). */
  exampleText?: () => Promise<string>;
}

/** File name the example library's rows are numbered against. */
const EXAMPLE_FILE = 'baiyun-perf-targets.txt';

export function libraryHandlers(
  library: () => Promise<TemplateLibrary>,
  deps: LibraryHandlerDeps,
): Pick<Handlers, LibraryMessage> {
  /** Runs a write and tells open pages the library changed. */
  const changed = async <T>(fn: (lib: TemplateLibrary) => Promise<T>): Promise<T> => {
    const lib = await library();
    const result = await fn(lib);
    deps.emit('library.changed', lib.counts);
    return result;
  };
  return {
    'library.search': async (query) => (await library()).search(query),
    'library.searchSets': async (query) => (await library()).searchSets(query),
    'library.suggest': async (query) => (await library()).suggest(query),
    'library.get': async ({ templateIds = [], setIds = [] }) => {
      const lib = await library();
      return {
        templates: templateIds.map((id) => lib.getTemplate(id)).filter((t) => t !== undefined),
        sets: setIds.map((id) => lib.getSet(id)).filter((s) => s !== undefined),
      };
    },
    'library.stats': async () => {
      const lib = await library();
      return {
        ...lib.counts,
        tags: lib.tags(),
        starterLoaded: (await lib.meta('starterLoadedAt')) !== undefined,
        exampleLoaded: (await lib.meta('exampleLoadedAt')) !== undefined,
        persisted: deps.persisted(),
      };
    },
    'library.recordUse': async (ids) => {
      await (await library()).recordUse(ids);
      return {};
    },
    'library.saveTemplate': (draft) => changed((lib) => lib.saveTemplate(draft)),
    'library.saveSet': (draft) => changed((lib) => lib.saveSet(draft)),
    'library.delete': (ids) => changed((lib) => lib.delete(ids)),
    'library.undo': ({ token }) => changed((lib) => lib.undo(token)),
    'library.editTags': (input) => changed((lib) => lib.editTags(input)),
    'library.duplicates': async () => ({ groups: (await library()).duplicateGroups() }),
    'library.merge': ({ keepId, otherIds }) => changed((lib) => lib.mergeTemplates(keepId, otherIds)),
    'library.previewImport': async ({ batch }) => (await library()).previewImport(batch),
    'library.commitImport': ({ batch, skipBadRows, expectFingerprint, jobId }) =>
      changed((lib) =>
        lib.commitImport(batch, {
          skipBadRows,
          ...(expectFingerprint !== undefined ? { expectFingerprint } : {}),
          ...(jobId !== undefined ? { onProgress: (p) => deps.emit('library.importProgress', { jobId, ...p }) } : {}),
        }),
      ),
    'library.exportBackup': async () => (await library()).exportBackup(),
    'library.loadBuiltIn': ({ which }) =>
      changed(async (lib) => {
        if (which === 'starter') return lib.loadStarter();
        const text = await (deps.exampleText ?? loadExampleText)();
        // The fixture has a broken fragment and an unnamed indicator: examples skip what cannot be stored.
        return lib.commitImport(exampleBatch(parseText(text, { file: EXAMPLE_FILE })), { skipBadRows: true });
      }),
    'library.removeBuiltIn': ({ which }) => changed((lib) => lib.removeBuiltIn(which)),
  };
}
