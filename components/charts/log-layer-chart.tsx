'use client';
/**
 * A per-layer line chart on a logarithmic y axis (Recharts 3): solid lines, dashed lines and one
 * shaded min..max band, all over the same depth axis. Used for the signal (std / RMS) and the
 * gradient norm. Values a log axis cannot show (0, negative, NaN, ∞) become gaps, and the chart
 * says how many were left out; with nothing drawable it shows a message instead of empty axes.
 */
import { forwardRef } from 'react';
import { Area, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { decadeLabel, logAxis, logSafe } from './log-scale';
import { formatExact } from '@/components/simulator/format';
import type { ChartPalette } from './palette';

export interface LineSeries {
  key: string;
  name: string;
  color: string;
  dashed?: boolean;
  strokeWidth?: number;
}

export interface BandSeries {
  key: string;
  name: string;
  color: string;
}

/** One point per layer: `layer` plus numbers (lines) and [min, max] pairs (band). */
export type LayerRow = { layer: number } & Record<string, number | [number, number] | null>;

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

interface TooltipEntry {
  dataKey?: unknown;
  name?: unknown;
  value?: unknown;
  color?: string;
}

function ChartTooltip({ active, payload, label }: { active?: boolean; payload?: TooltipEntry[]; label?: unknown }) {
  if (!active || !payload?.length) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white/95 px-3 py-2 text-xs shadow-lg dark:border-slate-700 dark:bg-slate-900/95">
      <p className="mb-1 font-semibold">{Number(label) === 0 ? 'Input (layer 0)' : `Layer ${String(label)}`}</p>
      <ul className="space-y-0.5">
        {payload.map((p) => {
          const v = p.value;
          const text = Array.isArray(v) ? `${formatExact(Number(v[0]))} – ${formatExact(Number(v[1]))}` : formatExact(Number(v));
          return (
            <li key={String(p.dataKey)} className="flex items-center gap-2 tabular-nums">
              <span aria-hidden className="inline-block h-2 w-2 rounded-full" style={{ background: p.color }} />
              <span className="text-slate-600 dark:text-slate-300">{String(p.name)}:</span>
              <span className="font-medium">{text}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Replaces undrawable values by null and clamps the band's floor to the axis minimum. */
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
  const axis = logAxis(values);
  const floor = axis?.domain[0] ?? 1;
  const data = rows.map((r) => {
    const out: Record<string, number | [number, number] | null> = { layer: r.layer };
    for (const s of lines) out[s.key] = typeof r[s.key] === 'number' ? logSafe(r[s.key] as number) : null;
    if (band) {
      const b = r[band.key];
      out[band.key] =
        Array.isArray(b) && logSafe(b[1]) !== null ? [Math.max(floor, logSafe(b[0]) ?? floor), b[1] as number] : null;
    }
    return out;
  });
  return { data, axis, hidden };
}

export const LogLayerChart = forwardRef<HTMLDivElement, LogLayerChartProps>(function LogLayerChart(
  { rows, lines, band, yLabel, palette, height = 320, emptyMessage, title },
  ref,
) {
  const { data, axis, hidden } = prepare(rows, lines, band);
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
      <ComposedChart
        responsive
        style={{ width: '100%', height }}
        data={data}
        margin={{ top: 8, right: 16, bottom: 4, left: 4 }}
        accessibilityLayer
        title={title}
      >
        <CartesianGrid stroke={palette.grid} strokeDasharray="3 3" />
        <XAxis
          dataKey="layer"
          type="number"
          domain={[0, maxLayer]}
          allowDecimals={false}
          stroke={palette.axis}
          tick={{ fill: palette.axis, fontSize: 12 }}
          label={{ value: 'Layer (0 = input)', position: 'insideBottom', offset: -2, fill: palette.axis, fontSize: 12 }}
          height={40}
        />
        <YAxis
          scale="log"
          type="number"
          domain={axis.domain}
          ticks={axis.ticks}
          allowDataOverflow
          tickFormatter={decadeLabel}
          stroke={palette.axis}
          tick={{ fill: palette.axis, fontSize: 12 }}
          width={56}
          label={{ value: yLabel, angle: -90, position: 'insideLeft', fill: palette.axis, fontSize: 12, style: { textAnchor: 'middle' } }}
        />
        <Tooltip content={<ChartTooltip />} isAnimationActive={false} />
        <Legend wrapperStyle={{ fontSize: 12, color: palette.axis, paddingTop: 6 }} />
        {band ? (
          <Area
            dataKey={band.key}
            name={band.name}
            stroke="none"
            fill={band.color}
            fillOpacity={0.18}
            isAnimationActive={false}
            connectNulls={false}
            activeDot={false}
            legendType="square"
          />
        ) : null}
        {lines.map((s) => (
          <Line
            key={s.key}
            dataKey={s.key}
            name={s.name}
            stroke={s.color}
            strokeWidth={s.strokeWidth ?? 2}
            strokeDasharray={s.dashed ? '6 4' : undefined}
            dot={rows.length <= 41 ? { r: 2.5, fill: s.color, stroke: s.color } : false}
            isAnimationActive={false}
            connectNulls={false}
            type="linear"
          />
        ))}
      </ComposedChart>
      {hidden > 0 ? (
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          {hidden} value{hidden === 1 ? ' is' : 's are'} zero or not finite and cannot be drawn on a log scale; see the table
          for every number.
        </p>
      ) : null}
    </div>
  );
});
