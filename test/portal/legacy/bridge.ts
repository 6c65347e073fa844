/**
 * How the legacy frames talk to each other, the FASP way: plain objects on `window` that a parent or
 * child frame reads (same origin). These are the replica's own internals, not hooks for the extension.
 */
import type { IndicatorSetKey, PortalProject, PortalRow } from '../shared/model';
import type { PortalIssue } from '../shared/validate';

/** Set by content.html before it creates the grid frame. */
export interface LegacyPortalHost {
  project: PortalProject;
  rerender: boolean;
  readOnly: boolean;
}

/** Set by grid.html once its grid exists. */
export interface LegacyGridApi {
  /** Commits an open cell editor; false when the editor refused its value. */
  commitEdit(): boolean;
  /** Both sets as the DataView holds them (copies). */
  collect(): Record<IndicatorSetKey, PortalRow[]>;
  /** Marks cells the save check rejected (and shows the first set with a problem). */
  showIssues(issues: readonly PortalIssue[]): void;
  setReadOnly(readOnly: boolean): void;
}

declare global {
  interface Window {
    legacyPortal?: LegacyPortalHost;
    legacyGrid?: LegacyGridApi;
    Sortable?: unknown;
  }
}
