'use client';
/**
 * Histogram of one layer's values (pre- or post-activation) as bars over bin centres, with the
 * fraction of values per bin. Linear axes: a histogram's shape (a spike at 0 for dead ReLUs,
 * piles at ±1 for saturated tanh) is what matters here, not its decades.
 */
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { Histogram } from '@/lib/sim/types';
import { formatNumber } from '@/lib/format';
import { formatExact, formatPercent } from '@/components/simulator/format';
import type { ChartPalette } from './palette';

export interface HistogramChartProps {
  histogram: Histogram;
  color: string;
  title: string;
  palette: ChartPalette;
  height?: number;
}

function HistTooltip({ active, payload }: { active?: boolean; payload?: { payload?: { lo: number; hi: number; fraction: number; count: number } }[] }) {
  const p = active ? payload?.[0]?.payload : undefined;
  if (!p) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white/95 px-3 py-2 text-xs shadow-lg tabular-nums dark:border-slate-700 dark:bg-slate-900/95">
      <p className="font-semibold">
        [{formatExact(p.lo)}, {formatExact(p.hi)})
      </p>
      <p>
        {formatPercent(p.fraction)} of values ({p.count})
      </p>
    </div>
  );
}

export function HistogramChart({ histogram, color, title, palette, height = 180 }: HistogramChartProps) {
  const total = histogram.counts.reduce((a, b) => a + b, 0);
  if (total === 0 || histogram.counts.length === 0) {
    return <p className="text-sm text-slate-600 dark:text-slate-400">No values to show.</p>;
  }
  const data = histogram.counts.map((count, i) => {
    const lo = histogram.edges[i];
    const hi = histogram.edges[i + 1] ?? lo;
    return { x: (lo + hi) / 2, lo, hi, count, fraction: count / total };
  });
  return (
    <BarChart responsive style={{ width: '100%', height }} data={data} margin={{ top: 4, right: 8, bottom: 0, left: 0 }} barCategoryGap={0} title={title}>
      <CartesianGrid stroke={palette.grid} strokeDasharray="3 3" vertical={false} />
      <XAxis
        dataKey="x"
        tickFormatter={(v: number) => formatNumber(v, 2)}
        stroke={palette.axis}
        tick={{ fill: palette.axis, fontSize: 11 }}
        minTickGap={16}
      />
      <YAxis
        tickFormatter={(v: number) => formatPercent(v)}
        stroke={palette.axis}
        tick={{ fill: palette.axis, fontSize: 11 }}
        width={48}
      />
      <Tooltip content={<HistTooltip />} isAnimationActive={false} cursor={{ fill: palette.grid, fillOpacity: 0.5 }} />
      <Bar dataKey="fraction" name="Fraction of values" fill={color} isAnimationActive={false} />
    </BarChart>
  );
}
