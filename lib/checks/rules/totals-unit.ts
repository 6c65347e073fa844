import { compareDecimal, type Decimal, formatDecimal, sumDecimals } from '../../domain/decimal';
import type { FormSnapshot, Project } from '../../domain/schemas';
import { defineRule } from '../define-rule';
import { AMOUNT_COLUMNS, parseAmount, parseAmounts } from '../helpers';
import { msg, type SnapshotDraft } from '../types';

/** Sums a column over rows; null when any row's amount is unreadable (amount.format reports that). */
function sumColumn(rows: readonly { amounts: Project['amounts'] }[], column: (typeof AMOUNT_COLUMNS)[number]): Decimal | null {
  const parts: Decimal[] = [];
  for (const row of rows) {
    const d = parseAmounts(row.amounts)[column];
    if (!d) return null;
    parts.push(d);
  }
  return sumDecimals(parts);
}

/** The projects each unit row covers: by owner name; a lone unit covers everything when no owner matches. */
function projectsByUnit(snapshot: FormSnapshot): Project[][] {
  const byName = new Map<string, number>();
  snapshot.units.forEach((u, i) => {
    if (!byName.has(u.name)) byName.set(u.name, i);
  });
  const groups: Project[][] = snapshot.units.map(() => []);
  let matched = 0;
  for (const project of snapshot.projects) {
    const i = byName.get(project.owner);
    if (i !== undefined) {
      groups[i]!.push(project);
      matched += 1;
    }
  }
  if (matched === 0 && snapshot.units.length === 1) groups[0] = [...snapshot.projects];
  return groups;
}

/** `totals.unit` — a unit row equals the sum of its projects; 合计 equals the sum of the units (or projects). */
export const checkUnitTotals = defineRule({
  id: 'totals.unit',
  severity: 'error',
  description: 'A unit row equals the sum of its projects, and 合计 the sum of the units (exact decimals).',
  snapshot(snapshot) {
    const drafts: SnapshotDraft[] = [];
    const groups = projectsByUnit(snapshot);
    snapshot.units.forEach((unit, unitIndex) => {
      const projects = groups[unitIndex] ?? [];
      if (projects.length === 0) return;
      const printed = parseAmounts(unit.amounts);
      for (const column of AMOUNT_COLUMNS) {
        const own = printed[column];
        const sum = sumColumn(projects, column);
        if (!own || !sum || compareDecimal(own, sum) === 0) continue;
        drafts.push({
          target: { kind: 'unit', unitIndex },
          field: `amounts.${column}`,
          message: msg('totals.unit', {
            unit: unit.name,
            column,
            printed: formatDecimal(own, 2),
            sum: formatDecimal(sum, 2),
            count: projects.length,
          }),
        });
      }
    });
    if (snapshot.total !== null && snapshot.total.trim() !== '') {
      const printed = parseAmount(snapshot.total);
      const over = snapshot.units.length > 0 ? 'units' : 'projects';
      const rows = over === 'units' ? snapshot.units : snapshot.projects;
      const sum = rows.length > 0 ? sumColumn(rows, 'total') : null;
      if (printed && sum && compareDecimal(printed, sum) !== 0) {
        drafts.push({
          target: { kind: 'total' },
          field: 'total',
          message: msg('totals.grand', {
            printed: formatDecimal(printed, 2),
            sum: formatDecimal(sum, 2),
            count: rows.length,
            over,
          }),
        });
      }
    }
    return drafts;
  },
});
