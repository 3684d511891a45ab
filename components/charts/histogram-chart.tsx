'use client';
/**
 * Histogram of one layer's values (pre- or post-activation) as bars over the bins, with the
 * fraction of values per bin. Linear axes: a histogram's shape (a spike at 0 for dead ReLUs,
 * piles at ±1 for saturated tanh) is what matters here, not its decades. Plain SVG (see
 * svg-frame.tsx); each bar's range and share show on hover through its SVG title.
 */
import type { Histogram } from '@/lib/sim/types';
import { formatNumber } from '@/lib/format';
import { formatExact, formatPercent } from '@/components/simulator/format';
import type { ChartPalette } from './palette';
import { Axes, linearScale, useBoxWidth } from './svg-frame';

export interface HistogramChartProps {
  histogram: Histogram;
  color: string;
  title: string;
  palette: ChartPalette;
  height?: number;
}

const MARGIN = { top: 6, right: 10, bottom: 40, left: 52 };

/** A round share a little above the tallest bar, so the bars fill the height. */
function shareCeiling(max: number): number {
  for (const c of [0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.8, 1]) if (max <= c) return c;
  return 1;
}

export function HistogramChart({ histogram, color, title, palette, height = 180 }: HistogramChartProps) {
  const [boxRef, width] = useBoxWidth<HTMLDivElement>();
  const total = histogram.counts.reduce((a, b) => a + b, 0);
  if (total === 0 || histogram.counts.length === 0) {
    return <p className="text-sm text-slate-600 dark:text-slate-400">No values to show.</p>;
  }
  const n = histogram.counts.length;
  const lo = histogram.edges[0];
  const hi = histogram.edges[n] ?? histogram.edges[n - 1];
  const top = shareCeiling(Math.max(...histogram.counts) / total);
  const left = MARGIN.left;
  const right = Math.max(left + 10, width - MARGIN.right);
  const bottom = height - MARGIN.bottom;
  const sx = linearScale([0, n], left, right);
  const sy = linearScale([0, top], bottom, MARGIN.top);
  // About one x label per 70 px, at bin edges.
  const every = Math.max(1, Math.ceil(n / Math.max(2, Math.floor((right - left) / 70))));
  const xTicks = histogram.edges
    .map((e, i) => ({ value: i, x: sx(i), label: formatNumber(e, 2) }))
    .filter((t) => t.value % every === 0 || t.value === n);
  const yTicks = [0, top / 2, top].map((v) => ({ value: v, y: sy(v), label: formatPercent(v) }));
  return (
    <div ref={boxRef} style={{ height }}>
      {width > 0 ? (
        <svg data-chart="histogram" width={width} height={height} role="img" aria-label={`${title}: values from ${formatExact(lo)} to ${formatExact(hi)}`} className="block">
          <title>{title}</title>
          <Axes width={width} height={height} margin={MARGIN} xTicks={xTicks} yTicks={yTicks} xLabel="value" yLabel="share" axisColor={palette.axis} gridColor={palette.grid} verticalGrid={false} />
          <g fill={color}>
            {histogram.counts.map((count, i) => {
              const x0 = sx(i);
              const y0 = sy(count / total);
              return (
                <rect key={i} x={x0} y={y0} width={Math.max(0.5, sx(i + 1) - x0 - 0.5)} height={bottom - y0}>
                  <title>{`[${formatExact(histogram.edges[i])}, ${formatExact(histogram.edges[i + 1] ?? histogram.edges[i])}): ${formatPercent(count / total)} of values (${count})`}</title>
                </rect>
              );
            })}
          </g>
        </svg>
      ) : null}
    </div>
  );
}
