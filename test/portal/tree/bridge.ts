/**
 * How the tree replica's pages reach each other, the FASP way: plain objects on `window` that the parent
 * page or a tab frame reads (same origin). The replica's own internals, not hooks for the extension.
 */
import type { IndicatorSetKey, PortalProject } from '../shared/model';
import type { TreeRow } from './tree-model';

/** Set by the outer page (tree/index.html) before it creates the tab frames. */
export interface TreePortalHost {
  /** The project as the outer page holds it (the grids start from its indicator sets). */
  project: PortalProject;
  readOnly: boolean;
  /** `?broken=add`: the 新增 links do nothing. */
  brokenAdd: boolean;
}

/** Set by each tab page (grid.html?set=…) once its data table exists. */
export interface TreeGridApi {
  set: IndicatorSetKey;
  /** Closes an open cell edit the way an outside mousedown does (commits it). */
  endEdit(): void;
  /** The data table's row objects, in display order (live: the parent reads, never writes). */
  getRows(): TreeRow[];
  /** Marks the rows the save check refused (0-based row indexes) and scrolls the first into view. */
  showErrors(rows: readonly number[]): void;
  setReadOnly(readOnly: boolean): void;
  /** Re-renders (after the frame was shown). */
  refresh(): void;
}

declare global {
  interface Window {
    treePortal?: TreePortalHost;
    treeGrid?: TreeGridApi;
  }
}
