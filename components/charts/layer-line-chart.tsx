'use client';
/**
 * Lines over the depth axis (one point per layer), drawn as plain SVG (see svg-frame.tsx for why
 * not Recharts): solid and dashed lines, one shaded min..max band, dots when there are few layers,
 * and a readout of every series at one layer — under the pointer, or stepped through with the
 * arrow keys once the chart has focus (Home / End jump to the ends, Escape closes it).
 * Null values are gaps. The y axis is given by the caller (log decades or a linear range).
 */
import { useId, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { Axes, bandPath, integerTicks, linePath, linearScale, logScale, useBoxWidth } from './svg-frame';
import { ChartLegend } from './chart-legend';
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

export interface YAxisSpec {
  kind: 'log' | 'linear';
  domain: [number, number];
  ticks: number[];
  tickLabel: (v: number) => string;
  label: string;
}

export interface LayerLineChartProps {
  rows: LayerRow[];
  lines: LineSeries[];
  band?: BandSeries | null;
  y: YAxisSpec;
  xLabel: string;
  xDomain: [number, number];
  palette: ChartPalette;
  height: number;
  /** Accessible name of the chart image. */
  title: string;
  /** How the readout shows a value. */
  formatValue: (v: number) => string;
  /** The readout's heading for a layer. */
  layerName?: (layer: number) => string;
}

const MARGIN = { top: 8, right: 16, bottom: 40, left: 64 };
const DOTS_UP_TO = 41;

const defaultLayerName = (layer: number) => (layer === 0 ? 'Input (layer 0)' : `Layer ${layer}`);

export function LayerLineChart({ rows, lines, band, y, xLabel, xDomain, palette, height, title, formatValue, layerName = defaultLayerName }: LayerLineChartProps) {
  const [boxRef, width] = useBoxWidth<HTMLDivElement>();
  const [active, setActive] = useState<number | null>(null);
  const readoutId = useId();

  const plotLeft = MARGIN.left;
  const plotRight = Math.max(plotLeft + 10, width - MARGIN.right);
  const plotTop = MARGIN.top;
  const plotBottom = height - MARGIN.bottom;
  const sx = linearScale(xDomain, plotLeft, plotRight);
  const sy = y.kind === 'log' ? logScale(y.domain, plotBottom, plotTop) : linearScale(y.domain, plotBottom, plotTop);
  const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) && (y.kind === 'linear' || v > 0) ? v : null);

  const xTicks = integerTicks(xDomain[0], xDomain[1], plotRight - plotLeft).map((v) => ({ value: v, x: sx(v), label: String(v) }));
  const yTicks = y.ticks.map((v) => ({ value: v, y: sy(v), label: y.tickLabel(v) }));
  const activeRow = active !== null ? rows[active] : undefined;

  const fromPointer = (e: PointerEvent<SVGSVGElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const layer = sx.invert(e.clientX - rect.left);
    let best = 0;
    rows.forEach((r, i) => {
      if (Math.abs(r.layer - layer) < Math.abs(rows[best].layer - layer)) best = i;
    });
    setActive(rows.length ? best : null);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const last = rows.length - 1;
    const next =
      e.key === 'ArrowRight' ? Math.min(last, (active ?? -1) + 1)
      : e.key === 'ArrowLeft' ? Math.max(0, (active ?? last + 1) - 1)
      : e.key === 'Home' ? 0
      : e.key === 'End' ? last
      : undefined;
    if (e.key === 'Escape') setActive(null);
    if (next === undefined || last < 0) return;
    e.preventDefault();
    setActive(next);
  };

  return (
    <div>
      <div
        ref={boxRef}
        className="relative rounded focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-600"
        style={{ height }}
        tabIndex={0}
        role="group"
        aria-label={`${title}. Arrow keys step through the layers and read every value.`}
        aria-describedby={active !== null ? readoutId : undefined}
        onKeyDown={onKeyDown}
        onBlur={() => setActive(null)}
      >
        {width > 0 ? (
          // Named once, by the focusable group around it; the readout carries the values.
          <svg data-chart="layers" width={width} height={height} aria-hidden onPointerMove={fromPointer} onPointerLeave={() => setActive(null)} className="block">
            <Axes width={width} height={height} margin={MARGIN} xTicks={xTicks} yTicks={yTicks} xLabel={xLabel} yLabel={y.label} axisColor={palette.axis} gridColor={palette.grid} />
            {band ? (
              <path
                data-series-band={band.key}
                d={bandPath(
                  rows.map((r) => {
                    const b = r[band.key];
                    if (!Array.isArray(b)) return null;
                    const hi = num(b[1]);
                    if (hi === null) return null;
                    return { x: sx(r.layer), lo: sy(num(b[0]) ?? y.domain[0]), hi: sy(hi) };
                  }),
                )}
                fill={band.color}
                fillOpacity={0.18}
                stroke="none"
              />
            ) : null}
            {lines.map((s) => {
              const pts = rows.map((r) => {
                const v = num(r[s.key]);
                return v === null ? null : ([sx(r.layer), sy(v)] as [number, number]);
              });
              return (
                <g key={s.key} data-series={s.key}>
                  <path
                    data-series-line={s.key}
                    d={linePath(pts)}
                    fill="none"
                    stroke={s.color}
                    strokeWidth={s.strokeWidth ?? 2}
                    strokeDasharray={s.dashed ? '6 4' : undefined}
                    strokeLinejoin="round"
                  />
                  {rows.length <= DOTS_UP_TO ? pts.map((p, i) => (p ? <circle key={i} cx={p[0]} cy={p[1]} r={2.5} fill={s.color} /> : null)) : null}
                </g>
              );
            })}
            {activeRow ? (
              <line x1={sx(activeRow.layer)} x2={sx(activeRow.layer)} y1={plotTop} y2={plotBottom} stroke={palette.axis} strokeWidth={1} aria-hidden />
            ) : null}
          </svg>
        ) : null}
        {activeRow ? (
          <div
            id={readoutId}
            className="pointer-events-none absolute top-2 z-10 rounded-md border border-slate-200 bg-white/95 px-3 py-2 text-xs shadow-lg dark:border-slate-700 dark:bg-slate-900/95"
            style={sx(activeRow.layer) > (plotLeft + plotRight) / 2 ? { right: width - sx(activeRow.layer) + 12 } : { left: sx(activeRow.layer) + 12 }}
          >
            <p className="mb-1 font-semibold">{layerName(activeRow.layer)}</p>
            <ul className="space-y-0.5">
              {[...(band ? [band] : []), ...lines].map((s) => {
                const v = activeRow[s.key];
                const text = Array.isArray(v) ? `${formatValue(v[0])} – ${formatValue(v[1])}` : typeof v === 'number' ? formatValue(v) : 'no value';
                return (
                  <li key={s.key} className="flex items-center gap-2 tabular-nums">
                    <span aria-hidden className="inline-block h-2 w-2 rounded-full" style={{ background: s.color }} />
                    <span className="text-slate-600 dark:text-slate-300">{s.name}:</span>
                    <span className="font-medium">{text}</span>
                  </li>
                );
              })}
            </ul>
          </div>
        ) : null}
      </div>
      <ChartLegend lines={lines} band={band} palette={palette} />
    </div>
  );
}
