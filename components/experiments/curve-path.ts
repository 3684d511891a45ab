/**
 * A run's per-layer curve as SVG geometry on a log axis, for the server-rendered preview image
 * (next/og draws SVG paths but no chart library). Values a log axis cannot show break the line.
 */
import { logAxis, logSafe } from '@/components/charts/log-scale';

export interface CurveGeometry {
  /** SVG path data ("M x y L x y ..."), one sub-path per unbroken stretch. */
  path: string;
  /** Horizontal grid lines: y position and the decade's exponent. */
  decades: { y: number; exponent: number }[];
  /** y of the input's level (the curve's first value), or null. */
  inputY: number | null;
}

export function curveGeometry(curve: (number | null)[], box: { width: number; height: number }): CurveGeometry | null {
  const axis = logAxis(curve);
  if (!axis) return null;
  const [lo, hi] = axis.domain.map(Math.log10);
  const n = Math.max(1, curve.length - 1);
  const x = (i: number) => (i / n) * box.width;
  const y = (v: number) => box.height - ((Math.log10(v) - lo) / (hi - lo)) * box.height;
  let path = '';
  let pen = false;
  curve.forEach((v, i) => {
    const s = logSafe(v);
    if (s === null) {
      pen = false;
      return;
    }
    path += `${pen ? 'L' : 'M'}${x(i).toFixed(1)} ${y(s).toFixed(1)} `;
    pen = true;
  });
  const decades = axis.ticks.map((t) => ({ y: y(t), exponent: Math.round(Math.log10(t)) }));
  const first = logSafe(curve[0]);
  return { path: path.trim(), decades, inputY: first === null ? null : y(first) };
}
