/** The two indicator sets a portal shows as tabs: 中长期(总体)绩效指标 and 年度绩效指标. */
export type IndicatorSet = 'period' | 'annual';

/** The editable columns of an indicator row (levels 1–2 are often selects; the rest inputs or cells). */
/** `nature`: 指标性质 (正向 / 反向 / 定性), where a portal keeps it apart from the 指标方向 (≥ …) column. */
export const FILL_FIELDS = ['level1', 'level2', 'name', 'symbol', 'nature', 'value', 'unit', 'explanation'] as const;
export type FillField = (typeof FILL_FIELDS)[number];

/** What one grid row holds now, as the page shows it (displayed widget values, '' when empty). */
export type RowCells = Partial<Record<FillField, string>>;

/** A grid as collected from the page: which set it is, which fields it has, and its rows in order. */
export interface GridState {
  set: IndicatorSet;
  /** Fields this grid has a column for. */
  fields: readonly FillField[];
  rows: readonly RowCells[];
  /** How the grid carries categories (default flat: per row). */
  layout?: 'flat' | 'tree' | 'merged';
  /** Per row: an indicator, or a category row of a tree (default: every row an indicator). */
  roles?: ReadonlyArray<'indicator' | 'level1' | 'level2'>;
  /** Per row: the category it gives (category rows) or sits under (indicators). */
  categories?: ReadonlyArray<{ level1: string; level2: string }>;
}

/**
 * One step of a fill. Rows are addressed by index at planning time and re-resolved right before each write
 * (rows move under a fill), so every write also names the row's expected identity.
 */
export type FillOp =
  | { kind: 'switch-set'; set: IndicatorSet }
  | {
      kind: 'add-rows';
      set: IndicatorSet;
      count: number;
      /** Where the rows go in a grid that files rows by category (tree, merged): under this 二级. */
      under?: { level1: string; level2: string };
    }
  | {
      kind: 'set-cell';
      set: IndicatorSet;
      row: number;
      field: FillField;
      value: string;
      /** The 三级指标 name the row must hold (rows are re-resolved by it if they moved). */
      key: string;
    };

/** A field the plan left alone because it already held something else and overwrite was off. */
export interface SkippedField {
  set: IndicatorSet;
  row: number;
  field: FillField;
  current: string;
  wanted: string;
}

export interface FillPlan {
  ops: FillOp[];
  skipped: SkippedField[];
  /** Items a grid that files rows by category has no place for (its 二级 is not in the grid). */
  unplaced: Array<{ set: IndicatorSet; name: string; level1: string; level2: string }>;
  /** Per set, the row each template item lands in (for verification and undo). */
  targets: Record<IndicatorSet, number[]>;
  /** Rows the plan adds per set (undo removes them). */
  added: Record<IndicatorSet, number>;
}

/** A field that did not take its value after a fill: which one, what it shows. */
export interface FillMismatch {
  set: IndicatorSet;
  row: number;
  field: FillField;
  expected: string;
  actual: string;
}
