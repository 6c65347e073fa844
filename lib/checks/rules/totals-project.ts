import { formatDecimal } from '../../domain/decimal';
import { defineRule } from '../define-rule';
import { addExact, compareExact, parseAmounts } from '../helpers';
import { msg } from '../types';

/** `totals.project` — 总计 must equal 财政拨款 + 财政专户拨款 + 其他资金, in exact decimals. */
export const checkProjectTotals = defineRule({
  id: 'totals.project',
  severity: 'error',
  description: 'A project total equals fiscal + special-account + other funds (exact decimals).',
  project(project) {
    const a = parseAmounts(project.amounts);
    // Unreadable amounts are amount.format's finding; a sum over them would only repeat it.
    if (!a.total || !a.fiscal || !a.specialAccount || !a.other) return [];
    const sum = addExact(addExact(a.fiscal, a.specialAccount), a.other);
    if (compareExact(sum, a.total) === 0) return [];
    // A table that prints only the total (预算数 of a department export, 资金总额 of a 申报表) lists no parts to
    // add up; the importer says so in a warning.
    if (a.fiscal.units === 0n && a.specialAccount.units === 0n && a.other.units === 0n) return [];
    return [
      {
        field: 'amounts.total',
        message: msg('totals.project', {
          total: formatDecimal(a.total, 2),
          sum: formatDecimal(sum, 2),
          fiscal: formatDecimal(a.fiscal, 2),
          specialAccount: formatDecimal(a.specialAccount, 2),
          other: formatDecimal(a.other, 2),
        }),
      },
    ];
  },
});
