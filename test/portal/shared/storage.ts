/**
 * The replicas' "server": a save writes what the real portal would POST to
 * `localStorage['replica-portal:saved']` (tests assert on that, never on the DOM).
 */
import {
  cloneProject,
  type PortalKind,
  type PortalProject,
  SAVED_KEY,
  type SavedDocument,
  type SavedProject,
  SUBMITTED_KEY,
  type SubmittedEntry,
} from './model';

/** The minimal Storage surface used, so tests can pass a Map-backed fake. */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

function readJson<T>(store: KeyValueStore, key: string): T | null {
  const text = store.getItem(key);
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    // A corrupt entry (a test wrote garbage) is replaced, like a server overwriting a record.
    return null;
  }
}

/** Reads the saved document, or null when nothing was saved yet. */
export function readSaved(store: KeyValueStore): SavedDocument | null {
  const doc = readJson<SavedDocument>(store, SAVED_KEY);
  return doc && Array.isArray(doc.projects) ? doc : null;
}

/** Stores one project (replacing an earlier save of the same key) and returns the new document. */
export function saveProject(
  store: KeyValueStore,
  project: PortalProject,
  portal: PortalKind,
  options: { now?: Date; submitted?: boolean } = {},
): SavedDocument {
  const previous = readSaved(store);
  const savedAt = (options.now ?? new Date()).toISOString();
  const earlier = previous?.projects.find((p) => p.key === project.key);
  const entry: SavedProject = {
    ...cloneProject(project),
    portal,
    savedAt,
    submitted: options.submitted ?? earlier?.submitted ?? false,
  };
  const projects = (previous?.projects ?? []).filter((p) => p.key !== project.key);
  projects.push(entry);
  const doc: SavedDocument = { version: 1, lastKey: project.key, projects };
  store.setItem(SAVED_KEY, JSON.stringify(doc));
  return doc;
}

/** 送审: saves with `submitted: true` and appends to `localStorage['replica-portal:submitted']`. */
export function submitProject(
  store: KeyValueStore,
  project: PortalProject,
  portal: PortalKind,
  options: { now?: Date } = {},
): SavedDocument {
  const now = options.now ?? new Date();
  const doc = saveProject(store, project, portal, { now, submitted: true });
  const list = readJson<SubmittedEntry[]>(store, SUBMITTED_KEY);
  const entries = (Array.isArray(list) ? list : []).filter((e) => e.key !== project.key);
  entries.push({ key: project.key, name: project.name, portal, submittedAt: now.toISOString() });
  store.setItem(SUBMITTED_KEY, JSON.stringify(entries));
  return doc;
}

/** The last save of a project, or null; seed projects reopen as saved, like on a real server. */
export function findSaved(store: KeyValueStore, key: string): SavedProject | null {
  return readSaved(store)?.projects.find((p) => p.key === key) ?? null;
}
