'use client';
/**
 * What the simulator's live charts share: the measured width of their box, linear and log scales,
 * tick choice, and axes drawn as plain SVG.
 *
 * Why not Recharts here: these charts redraw on every control change. Recharts keeps a store per
 * chart, measures its text and legend after rendering and renders again; on the simulator page
 * its first renders took 100–300 ms per chart and each update 30–60 ms on this project's 2-core
 * machine (performance marks, bench/ui-bench.ts), which broke the page's budgets. A per-layer
 * line chart is a few hundred SVG elements that React draws in a few milliseconds. Recharts stays
 * for the instructor dashboard and the training curves, which do not redraw while a student drags
 * a slider.
 *
 * Colours and sizes are SVG attributes (not CSS classes), so a chart serialised for the PNG export
 * looks the same as on screen.
 */
import { useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Width of a box in CSS pixels, following resizes; 0 until measured (before the first layout). */
export function useBoxWidth<T extends HTMLElement>(): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(([entry]) => setWidth(Math.round(entry.contentRect.width)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width];
}

export interface Scale {
  (v: number): number;
  /** The value at a pixel position (for pointer reading). */
  invert(px: number): number;
}

/** domain -> [from, to] pixels, linear; values outside the domain are clamped to its edges. */
export function linearScale(domain: [number, number], from: number, to: number): Scale {
  const [d0, d1] = domain;
  const span = d1 - d0 || 1;
  const f = ((v: number) => from + ((Math.min(d1, Math.max(d0, v)) - d0) / span) * (to - from)) as Scale;
  f.invert = (px: number) => d0 + ((px - from) / (to - from)) * span;
  return f;
}

/** domain (positive) -> [from, to] pixels on log10; clamped like linearScale. */
export function logScale(domain: [number, number], from: number, to: number): Scale {
  const l0 = Math.log10(domain[0]);
  const l1 = Math.log10(domain[1]);
  const span = l1 - l0 || 1;
  const f = ((v: number) => from + ((Math.min(l1, Math.max(l0, Math.log10(v))) - l0) / span) * (to - from)) as Scale;
  f.invert = (px: number) => 10 ** (l0 + ((px - from) / (to - from)) * span);
  return f;
}

/** Whole-number ticks from lo to hi, about one per `minGapPx`, on a 1-2-5 step. */
export function integerTicks(lo: number, hi: number, pixels: number, minGapPx = 48): number[] {
  const most = Math.max(2, Math.floor(pixels / minGapPx));
  const span = Math.max(1, hi - lo);
  let step = 1;
  for (let p = 1; ; p *= 10) {
    // Ticks drawn: floor(span / c) + 1 at most.
    const s = [1, 2, 5].map((m) => m * p).find((c) => Math.floor(span / c) + 1 <= most);
    if (s !== undefined) {
      step = s;
      break;
    }
  }
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi; t += step) ticks.push(t);
  return ticks;
}

/**
 * SVG path of a polyline through the points, broken where a point is null (a gap, never a line
 * drawn through a missing value).
 */
export function linePath(points: ([number, number] | null)[]): string {
  let d = '';
  let pen = false;
  for (const p of points) {
    if (!p) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${p[0].toFixed(1)},${p[1].toFixed(1)}`;
    pen = true;
  }
  return d;
}

/** Closed shapes between an upper and a lower polyline, one per run of consecutive points. */
export function bandPath(points: ({ x: number; lo: number; hi: number } | null)[]): string {
  let d = '';
  let run: { x: number; lo: number; hi: number }[] = [];
  const flush = () => {
    if (run.length) {
      const up = run.map((p, i) => `${i ? 'L' : 'M'}${p.x.toFixed(1)},${p.hi.toFixed(1)}`).join('');
      const down = [...run].reverse().map((p) => `L${p.x.toFixed(1)},${p.lo.toFixed(1)}`).join('');
      d += `${up}${down}Z`;
    }
    run = [];
  };
  for (const p of points) {
    if (p) run.push(p);
    else flush();
  }
  flush();
  return d;
}

export interface AxesProps {
  width: number;
  height: number;
  margin: Margin;
  xTicks: { value: number; x: number; label: string }[];
  yTicks: { value: number; y: number; label: string }[];
  xLabel: string;
  yLabel: string;
  axisColor: string;
  gridColor: string;
  /** Vertical grid lines too (line charts); bar charts keep only the horizontal ones. */
  verticalGrid?: boolean;
}

/** Dashed grid, both axes with their ticks and labels. */
export function Axes({ width, height, margin, xTicks, yTicks, xLabel, yLabel, axisColor, gridColor, verticalGrid = true }: AxesProps): ReactNode {
  const left = margin.left;
  const right = width - margin.right;
  const top = margin.top;
  const bottom = height - margin.bottom;
  return (
    <g fontSize={12}>
      <g stroke={gridColor} strokeDasharray="3 3">
        {yTicks.map((t) => (
          <line key={`gy${t.value}`} x1={left} x2={right} y1={t.y} y2={t.y} />
        ))}
        {verticalGrid ? xTicks.map((t) => <line key={`gx${t.value}`} x1={t.x} x2={t.x} y1={top} y2={bottom} />) : null}
      </g>
      <g stroke={axisColor}>
        <line x1={left} x2={right} y1={bottom} y2={bottom} />
        <line x1={left} x2={left} y1={top} y2={bottom} />
        {xTicks.map((t) => (
          <line key={`tx${t.value}`} x1={t.x} x2={t.x} y1={bottom} y2={bottom + 5} />
        ))}
        {yTicks.map((t) => (
          <line key={`ty${t.value}`} x1={left - 5} x2={left} y1={t.y} y2={t.y} />
        ))}
      </g>
      <g fill={axisColor}>
        {xTicks.map((t) => (
          <text key={`lx${t.value}`} x={t.x} y={bottom + 18} textAnchor="middle">
            {t.label}
          </text>
        ))}
        {yTicks.map((t) => (
          <text key={`ly${t.value}`} x={left - 8} y={t.y + 4} textAnchor="end">
            {t.label}
          </text>
        ))}
        <text x={(left + right) / 2} y={height - 4} textAnchor="middle">
          {xLabel}
        </text>
        <text transform={`translate(14 ${(top + bottom) / 2}) rotate(-90)`} textAnchor="middle">
          {yLabel}
        </text>
      </g>
    </g>
  );
}
