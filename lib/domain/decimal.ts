/**
 * Exact decimal arithmetic for money and indicator values. Amounts are never added as floats:
 * a decimal is a bigint of units at a fixed scale (e.g. scale 2 = hundredths of 万元).
 */

/** A parsed decimal: `units / 10^scale`. */
export interface Decimal {
  units: bigint;
  scale: number;
}

const DECIMAL_RE = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/** Parses a canonical decimal string (`-12.50`, `3`, `0.001`); returns null when it is not one. */
export function parseDecimal(text: string): Decimal | null {
  const m = DECIMAL_RE.exec(text.trim());
  if (!m) return null;
  const [, sign = '', int = '0', frac = ''] = m;
  const units = BigInt(int + frac) * (sign === '-' ? -1n : 1n);
  return { units, scale: frac.length };
}

/** Re-expresses a decimal at a larger scale (never loses digits). */
export function rescale(d: Decimal, scale: number): Decimal {
  if (scale < d.scale) throw new RangeError(`cannot rescale ${d.scale} → ${scale} without loss`);
  return { units: d.units * 10n ** BigInt(scale - d.scale), scale };
}

export function addDecimal(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale).units + rescale(b, scale).units, scale };
}

export function sumDecimals(values: readonly Decimal[]): Decimal {
  return values.reduce<Decimal>((acc, d) => addDecimal(acc, d), { units: 0n, scale: 0 });
}

/** -1, 0 or 1, comparing by value (`1.50` equals `1.5`). */
export function compareDecimal(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const scale = Math.max(a.scale, b.scale);
  const x = rescale(a, scale).units;
  const y = rescale(b, scale).units;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Formats with exactly `minScale` places at least (`formatDecimal({units: 5n, scale: 0}, 2)` → `5.00`). */
export function formatDecimal(d: Decimal, minScale = 0): string {
  const target = Math.max(d.scale, minScale);
  const { units } = rescale(d, target);
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(target + 1, '0');
  const int = digits.slice(0, digits.length - target);
  const frac = digits.slice(digits.length - target);
  return (negative ? '-' : '') + int + (target > 0 ? '.' + frac : '');
}

/** Drops trailing fractional zeros (`90.0` → `90`, `0.50` → `0.5`). */
export function normaliseDecimalString(text: string): string | null {
  const d = parseDecimal(text);
  if (!d) return null;
  let { units, scale } = d;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale -= 1;
  }
  return formatDecimal({ units, scale });
}
