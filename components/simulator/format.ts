/**
 * Number formatting for the simulator: short forms for the summary, exact forms for tooltips,
 * tables and CSV. Very large / small values use scientific notation with a real minus and
 * superscript exponent on screen, and plain `e` notation in machine-readable output (CSV).
 */

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

function nonFinite(v: number): string | null {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '∞';
  if (v === -Infinity) return '−∞';
  return null;
}

/** Human form with `digits` significant digits: 0.0156, 1.23 × 10⁻⁵, 4.2 × 10¹². */
export function formatNumber(v: number, digits = 3): string {
  const nf = nonFinite(v);
  if (nf) return nf;
  if (v === 0) return '0';
  const abs = Math.abs(v);
  if (abs >= 1e4 || abs < 1e-3) {
    const [mantissa, exp] = v.toExponential(digits - 1).split('e');
    const m = mantissa.replace(/\.?0+$/, '').replace('-', '−');
    const e = exp.replace('+', '');
    return `${m} × 10${[...e].map((c) => SUPERSCRIPT[c] ?? c).join('')}`;
  }
  return Number(v.toPrecision(digits)).toString().replace('-', '−');
}

/** Exact-enough form for tooltips and tables (6 significant digits). */
export function formatExact(v: number): string {
  return formatNumber(v, 6);
}

/** Machine form for CSV / code: full precision, plain ASCII. */
export function formatPlain(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  return String(v);
}

/** A fraction 0..1 as a percentage: 49.8%, <0.1%, 0%. */
export function formatPercent(f: number): string {
  const nf = nonFinite(f);
  if (nf) return nf;
  if (f === 0) return '0%';
  if (f < 0.001) return '<0.1%';
  return `${Number((f * 100).toPrecision(3))}%`;
}

/** A ratio as "×0.0156" / "×1.02" / "×4.1 × 10⁶". */
export function formatRatio(r: number): string {
  return `×${formatNumber(r)}`;
}
