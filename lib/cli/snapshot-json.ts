import type { FormSnapshot, IndicatorValue } from '../domain';

/** A value as the CLI prints it. */
export interface ValueJson {
  symbol: string | null;
  value: string | null;
  unit: string;
  text: string;
}

function valueJson(v: IndicatorValue | null): ValueJson | null {
  return v === null ? null : { symbol: v.symbol, value: v.value, unit: v.unit, text: v.text };
}

/**
 * The `tianbao import --json` shape (relied on by scripts and acceptance checks: extend, never rename):
 * `{ total, projects: [{ name, owner, amounts: { total, fiscal, specialAccount, other }, goal, indicators:
 * [{ level1, level2, name, period, annual }] }], warnings: [{ line, message }] }`.
 */
export function snapshotToJson(snapshot: FormSnapshot) {
  return {
    total: snapshot.total,
    layout: snapshot.layout ?? null,
    units: snapshot.units.map((u) => ({ name: u.name, amounts: u.amounts, line: u.source?.line ?? null })),
    projects: snapshot.projects.map((p) => ({
      name: p.name,
      owner: p.owner,
      amounts: p.amounts,
      goal: p.goal,
      ...(p.annualGoal !== undefined ? { annualGoal: p.annualGoal } : {}),
      line: p.source?.line ?? null,
      indicators: p.indicators.map((i) => ({
        level1: i.level1,
        level2: i.level2,
        name: i.name,
        period: valueJson(i.period),
        annual: valueJson(i.annual),
        ...(i.weight !== undefined ? { weight: i.weight } : {}),
        ...(i.explanation !== undefined ? { explanation: i.explanation } : {}),
        line: i.source?.line ?? null,
      })),
    })),
    warnings: snapshot.warnings.map((w) => ({ line: w.line, message: w.message })),
  };
}
