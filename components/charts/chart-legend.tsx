'use client';
/** The legend of the per-layer charts (layer-line-chart.tsx). */
import type { ChartPalette } from './palette';
import type { BandSeries, LineSeries } from './layer-line-chart';

/**
 * A chart's legend as a plain HTML list under it, in the order the chart draws (band, then
 * lines): wraps on narrow screens, and is read as a list by assistive technology.
 */
export function ChartLegend({ lines, band, palette }: { lines: LineSeries[]; band?: BandSeries | null; palette: Pick<ChartPalette, 'axis'> }) {
  return (
    <ul aria-label="Legend" className="mt-1.5 flex flex-wrap justify-center gap-x-4 gap-y-1 text-xs" style={{ color: palette.axis }}>
      {band ? (
        <li className="inline-flex items-center gap-1.5">
          <span aria-hidden className="inline-block h-2.5 w-3.5 rounded-sm" style={{ background: band.color, opacity: 0.35 }} />
          {band.name}
        </li>
      ) : null}
      {lines.map((s) => (
        <li key={s.key} className="inline-flex items-center gap-1.5">
          <svg aria-hidden width="18" height="8" className="shrink-0">
            <line x1="0" y1="4" x2="18" y2="4" stroke={s.color} strokeWidth={s.strokeWidth ?? 2} strokeDasharray={s.dashed ? '6 4' : undefined} />
          </svg>
          {s.name}
        </li>
      ))}
    </ul>
  );
}

