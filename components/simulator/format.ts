/**
 * The simulator's number forms on top of the shared formatNumber (lib/format.ts): exact forms for
 * tooltips and tables, plain ASCII for CSV and code, percentages and ratios.
 */
import { formatNumber, OVERFLOWED_LABEL } from '@/lib/format';

// Every form takes null: an engine statistic that overflowed. It reads "overflowed", never 0.

/** Exact-enough form for tooltips and tables (6 significant digits). */
export function formatExact(v: number | null): string {
  if (v === null) return OVERFLOWED_LABEL;
  return formatNumber(v, 6);
}

/** Machine form for CSV / code: full precision, plain ASCII. */
export function formatPlain(v: number | null): string {
  if (v === null) return 'overflow';
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  return String(v);
}

/** A fraction 0..1 as a percentage: 49.8%, <0.1%, 0%. */
export function formatPercent(f: number | null): string {
  if (f === null) return OVERFLOWED_LABEL;
  if (!Number.isFinite(f)) return formatNumber(f);
  if (f === 0) return '0%';
  if (f < 0.001) return '<0.1%';
  return `${Number((f * 100).toPrecision(3))}%`;
}

/** A ratio as "×0.0156" / "×1.02" / "×4.1 × 10⁶". */
export function formatRatio(r: number | null): string {
  if (r === null) return OVERFLOWED_LABEL;
  return `×${formatNumber(r)}`;
}
