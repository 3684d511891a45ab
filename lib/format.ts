/**
 * The one human number format of the product (simulator, network view, lessons): `digits`
 * significant figures, no trailing zeros, a real minus sign, and scientific notation with a
 * superscript exponent outside [0.001, 10 000) — a row of zeros hides the order of magnitude,
 * which is the whole point when a signal vanishes or explodes. Pure, shared by server and browser.
 */

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
};

/** 0.0156, 12.4, 1.23 × 10⁻⁵, 4.2 × 10¹², −0.25, NaN, ∞. */
export function formatNumber(value: number, digits = 3): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  const sign = value < 0 ? '−' : '';
  // toPrecision then Number() drops trailing zeros (0.500 -> 0.5) without losing precision.
  // The range is checked after rounding, so 9999 -> 1 × 10⁴ rather than "10000".
  const rounded = Number(abs.toPrecision(digits));
  if (rounded >= 1e-3 && rounded < 1e4) return sign + String(rounded);
  const [mantissa, exp] = abs.toExponential(digits - 1).split('e');
  const superscript = [...String(Number(exp))].map((c) => SUPERSCRIPT[c] ?? c).join('');
  return `${sign}${Number(mantissa)} × 10${superscript}`;
}

/** An engine statistic that may have overflowed (null in the result): "overflowed", never 0. */
export const OVERFLOWED_LABEL = 'overflowed';

export function formatStat(value: number | null | undefined, digits = 3): string {
  return value === null || value === undefined ? OVERFLOWED_LABEL : formatNumber(value, digits);
}
