/**
 * A per-layer profile drawn as inline SVG from engine runs at build time: one line per config, a
 * log scale on the vertical axis (a constant per-layer factor is then a straight line, which is
 * the picture the lessons teach). No chart library: the figure is static and must print, scale
 * to a phone and work without JavaScript. A visually hidden table carries the same data.
 */
import type { SimConfigInput } from '@/lib/validation/sim-config';
import { runLessonSim } from '@/lib/lessons/run';
import { formatNumber } from '@/lib/format';
import type { SimResult } from '@/lib/sim/types';
import { known } from '@/lib/lessons/measures';

type Quantity = 'postRms' | 'postStd' | 'preStd' | 'gradientNorm';

const QUANTITY_LABEL: Record<Quantity, string> = {
  postRms: 'post-activation RMS',
  postStd: 'post-activation std',
  preStd: 'pre-activation std',
  gradientNorm: 'gradient RMS',
};

const COLORS = ['#1d4ed8', '#b45309', '#047857', '#9333ea'];
const DASHES = ['', '6 4', '2 3', '10 3 2 3'];

function read(r: SimResult, q: Quantity): number[] {
  const inputValue = q === 'postRms' ? r.input.rms : q === 'gradientNorm' ? Number.NaN : r.input.std;
  const layers = r.layers.map((l) => known(q === 'postRms' ? l.post?.rms : q === 'postStd' ? l.post?.std : q === 'preStd' ? l.pre?.std : l.gradientNorm));
  return q === 'gradientNorm' ? layers : [inputValue, ...layers];
}

export function LayerProfile({
  series,
  quantity,
  title,
}: {
  /** Each series may plot its own quantity (e.g. pre std vs post RMS of one run). */
  series: { label: string; config: SimConfigInput; quantity?: Quantity }[];
  quantity: Quantity;
  title: string;
}) {
  const data = series.map((s) => ({ ...s, values: read(runLessonSim(s.config), s.quantity ?? quantity) }));
  const logs = data.flatMap((d) => d.values.filter((v) => v > 0 && Number.isFinite(v)).map(Math.log10));
  const lo = Math.floor(Math.min(...logs, 0));
  const hi = Math.ceil(Math.max(...logs, 0));
  const span = Math.max(hi - lo, 1);
  const W = 560;
  const H = 260;
  const pad = { l: 56, r: 12, t: 12, b: 36 };
  const maxLen = Math.max(...data.map((d) => d.values.length));
  const startIndex = quantity === 'gradientNorm' ? 1 : 0;
  const x = (i: number) => pad.l + ((i) / Math.max(maxLen - 1, 1)) * (W - pad.l - pad.r);
  const y = (v: number) => pad.t + ((hi - Math.log10(v)) / span) * (H - pad.t - pad.b);
  const step = span > 12 ? Math.ceil(span / 6) : span > 6 ? 2 : 1;
  const ticks: number[] = [];
  for (let e = lo; e <= hi; e += step) ticks.push(e);
  const xTicks = [0, Math.round((maxLen - 1) / 2), maxLen - 1];
  const summary = data
    .map((d) => `${d.label}: from ${formatNumber(d.values[0])} to ${formatNumber(d.values[d.values.length - 1])}`)
    .join('; ');

  return (
    <figure className="my-6">
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full text-slate-700 dark:text-slate-300" role="img" aria-label={`${title}. ${summary}.`}>
        {ticks.map((e) => (
          <g key={e}>
            <line x1={pad.l} x2={W - pad.r} y1={y(10 ** e)} y2={y(10 ** e)} stroke="currentColor" strokeOpacity={e === 0 ? 0.5 : 0.15} />
            <text x={pad.l - 6} y={y(10 ** e) + 4} textAnchor="end" fontSize="11" fill="currentColor">
              {e === 0 ? '1' : `1e${e}`}
            </text>
          </g>
        ))}
        {xTicks.map((i) => (
          <text key={i} x={x(i)} y={H - pad.b + 16} textAnchor={i === maxLen - 1 ? 'end' : i === 0 ? 'start' : 'middle'} fontSize="11" fill="currentColor">
            {i + startIndex === 0 ? 'input' : `layer ${i + startIndex}`}
          </text>
        ))}
        <text x={pad.l} y={H - 4} fontSize="11" fill="currentColor">
          {series.some((s) => s.quantity && s.quantity !== quantity) ? 'value' : QUANTITY_LABEL[quantity]} (log scale)
        </text>
        {data.map((d, k) => (
          <polyline
            key={d.label}
            fill="none"
            stroke={COLORS[k % COLORS.length]}
            strokeWidth={2.5}
            strokeDasharray={DASHES[k % DASHES.length]}
            points={d.values
              .map((v, i) => (v > 0 && Number.isFinite(v) ? `${x(i).toFixed(1)},${y(v).toFixed(1)}` : null))
              .filter(Boolean)
              .join(' ')}
          />
        ))}
      </svg>
      <figcaption className="mt-2 text-sm leading-6 text-slate-600 dark:text-slate-400">
        <span className="flex flex-wrap gap-x-4 gap-y-1" aria-hidden="true">
          {data.map((d, k) => (
            <span key={d.label} className="inline-flex items-center gap-1.5">
              <svg width="24" height="8" aria-hidden="true">
                <line x1="0" x2="24" y1="4" y2="4" stroke={COLORS[k % COLORS.length]} strokeWidth="2.5" strokeDasharray={DASHES[k % DASHES.length]} />
              </svg>
              {d.label}
            </span>
          ))}
        </span>
        <span className="mt-1 block">{title}. Computed by the simulation engine when this page was built.</span>
      </figcaption>
    </figure>
  );
}
