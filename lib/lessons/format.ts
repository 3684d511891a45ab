/**
 * The one number formatter of the lessons. Every engine-derived or computed number shown in a
 * lesson goes through here, so a table, a sentence and the check-yourself feedback never print
 * the same quantity two different ways (and the e2e test can reproduce the exact text).
 */

/** Significant figures used everywhere in the lessons. */
export const SIG_FIGS = 3;

/**
 * Formats to 3 significant figures. Ordinary magnitudes print as plain decimals (0.826, 12.4);
 * very small or very large ones switch to scientific notation with a proper minus sign
 * (3.05 × 10⁻¹²) because a row of leading zeros is unreadable and hides the order of magnitude,
 * which is the whole point when a signal vanishes or explodes.
 */
export function formatNumber(value: number, sig: number = SIG_FIGS): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  const sign = value < 0 ? '−' : '';
  if (abs >= 1e-3 && abs < 1e5) {
    // toPrecision then Number() drops trailing zeros (0.500 -> 0.5) without losing precision.
    return sign + String(Number(abs.toPrecision(sig)));
  }
  const [mantissa, exp] = abs.toExponential(sig - 1).split('e');
  return `${sign}${Number(mantissa)} × 10${toSuperscript(Number(exp))}`;
}

/**
 * A ratio below 1 read as "1/N" (N rounded to 2 significant figures for N >= 10), the way people
 * talk about a shrinking signal: 0.0163 -> "1/61". Ratios of 1 or more use formatNumber.
 */
export function formatInverse(value: number): string {
  if (!(value > 0) || value >= 1 || !Number.isFinite(value)) return formatNumber(value);
  const n = 1 / value;
  const rounded = n >= 10 ? Number(n.toPrecision(2)) : Number(n.toPrecision(SIG_FIGS));
  return `1/${formatNumberPlain(rounded)}`;
}

/** Percent with at most 3 significant figures: 0.5 -> "50%". */
export function formatPercent(value: number): string {
  return `${formatNumber(value * 100)}%`;
}

/** Integer-ish numbers with thin grouping (4000 -> "4,000") for "1/N" denominators. */
function formatNumberPlain(n: number): string {
  return n >= 1e5 ? formatNumber(n) : n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
};

function toSuperscript(n: number): string {
  return String(n)
    .split('')
    .map((ch) => SUPERSCRIPT[ch] ?? ch)
    .join('');
}
