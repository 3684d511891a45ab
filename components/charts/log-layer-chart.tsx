'use client';
/**
 * A per-layer line chart on a logarithmic y axis: solid lines, dashed lines and one shaded
 * min..max band, all over the same depth axis. Used for the signal (std / RMS) and the gradient
 * norm, on the simulator and wherever runs are shown. Values a log axis cannot show (0, negative,
 * NaN, ∞) become gaps, and the chart says how many were left out; with nothing drawable it shows
 * a message instead of empty axes. Drawing: layer-line-chart.tsx (plain SVG).
 */
import { forwardRef } from 'react';
import { decadeLabel, logAxis, logSafe } from './log-scale';
import { formatExact } from '@/components/simulator/format';
import type { ChartPalette } from './palette';
import { LayerLineChart, type BandSeries, type LayerRow, type LineSeries } from './layer-line-chart';

export type { BandSeries, LayerRow, LineSeries } from './layer-line-chart';

export interface LogLayerChartProps {
  rows: LayerRow[];
  lines: LineSeries[];
  band?: BandSeries | null;
  yLabel: string;
  palette: ChartPalette;
  height?: number;
  /** Shown instead of the chart when no value is drawable. */
  emptyMessage: string;
  /** Accessible name of the chart image. */
  title: string;
}

/** The log axis covering every drawable value, and how many values cannot be drawn. */
function prepare(rows: LayerRow[], lines: LineSeries[], band: BandSeries | null | undefined) {
  const values: number[] = [];
  let hidden = 0;
  for (const r of rows) {
    for (const s of lines) {
      const v = r[s.key];
      if (typeof v === 'number') (logSafe(v) === null ? hidden++ : values.push(v));
    }
    if (band) {
      const b = r[band.key];
      if (Array.isArray(b) && logSafe(b[1]) !== null) values.push(b[1]);
    }
  }
  return { axis: logAxis(values), hidden };
}

export const LogLayerChart = forwardRef<HTMLDivElement, LogLayerChartProps>(function LogLayerChart(
  { rows, lines, band, yLabel, palette, height = 320, emptyMessage, title },
  ref,
) {
  const { axis, hidden } = prepare(rows, lines, band);
  const maxLayer = rows.length ? rows[rows.length - 1].layer : 1;
  if (!axis) {
    return (
      <div
        role="note"
        className="flex items-center justify-center rounded-md border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600 dark:border-slate-600 dark:text-slate-300"
        style={{ minHeight: height / 2 }}
      >
        {emptyMessage}
      </div>
    );
  }
  return (
    <div ref={ref}>
      <LayerLineChart
        rows={rows}
        lines={lines}
        band={band}
        y={{ kind: 'log', domain: axis.domain, ticks: axis.ticks, tickLabel: decadeLabel, label: yLabel }}
        xLabel="Layer (0 = input)"
        xDomain={[0, maxLayer]}
        palette={palette}
        height={height}
        title={title}
        formatValue={formatExact}
      />
      {hidden > 0 ? (
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          {hidden} value{hidden === 1 ? ' is' : 's are'} zero or not finite and cannot be drawn on a log scale; see the table
          for every number.
        </p>
      ) : null}
    </div>
  );
});
