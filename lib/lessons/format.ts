/**
 * The lessons' number forms. Every engine-derived number in a lesson is printed with the shared
 * formatNumber (lib/format.ts) at SIG_FIGS, or with the forms below built on it, so a table, a
 * sentence and the check-yourself feedback never print one quantity two ways (and the e2e test
 * can reproduce the exact text).
 */
import { formatNumber } from '../format';

/** Significant figures used everywhere in the lessons. */
export const SIG_FIGS = 3;

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
