/**
 * Helpers for drawing on a log axis: a log scale cannot show 0, negatives, NaN or infinity, so
 * values are checked here (drawn as gaps, and counted so the chart can say why) and the domain
 * and ticks are whole decades chosen from the data.
 */

/** The value if it can be drawn on a log axis, else null (a gap in the line). */
export function logSafe(v: number | null | undefined): number | null {
  return v !== null && v !== undefined && Number.isFinite(v) && v > 0 ? v : null;
}

export interface LogAxis {
  domain: [number, number];
  ticks: number[];
}

/** Whole-decade domain covering every drawable value, with at most ~7 ticks; null if none. */
export function logAxis(values: (number | null | undefined)[]): LogAxis | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    const s = logSafe(v);
    if (s === null) continue;
    lo = Math.min(lo, s);
    hi = Math.max(hi, s);
  }
  if (!Number.isFinite(lo)) return null;
  let a = Math.floor(Math.log10(lo));
  let b = Math.ceil(Math.log10(hi));
  if (a === b) {
    a -= 1;
    b += 1;
  }
  // Keep inside what doubles can show as ticks.
  a = Math.max(a, -300);
  b = Math.min(b, 300);
  const step = Math.max(1, Math.ceil((b - a) / 7));
  const ticks: number[] = [];
  for (let e = a; e <= b; e += step) ticks.push(Number(`1e${e}`));
  return { domain: [Number(`1e${a}`), Number(`1e${b}`)], ticks };
}

/** Tick label for a power of ten: 1, 10, 0.1, then 10⁻³ / 10⁶ style. */
export function decadeLabel(v: number): string {
  const e = Math.round(Math.log10(v));
  if (e >= -2 && e <= 3) return String(Number(`1e${e}`));
  const sup = String(e)
    .replace('-', '⁻')
    .replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]);
  return `10${sup}`;
}
