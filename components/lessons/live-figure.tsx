'use client';
/**
 * The lesson's key figure as a small live simulator: the engine runs each variant in the browser
 * (one seed, small widths, a few milliseconds) and redraws when the reader changes the depth, with
 * the signal state of each variant in words beside the curves and a link to the full simulator.
 * The starting depth's runs come with the page (`initial`, computed where the page is built), so
 * hydrating the page runs no engine.
 */
import Link from 'next/link';
import { useEffect, useId, useMemo, useState } from 'react';
import { SignalSparkline } from '@/components/charts/signal-sparkline';
import { chartPalette } from '@/components/charts/palette';
import { useDarkMode } from '@/components/charts/use-dark-mode';
import { KEY_FIGURES } from '@/lib/lessons/key-figures';
import { figureRuns, type FigureRun } from './figure-runs';
import { formatStat } from '@/lib/format';
import { simulatorHref } from '@/lib/validation/sim-config-url';

const MAX_LAYERS = 60;

export function LiveFigure({ slug, initial }: { slug: string; initial: FigureRun[] }) {
  const figure = KEY_FIGURES[slug];
  const id = useId();
  const [layers, setLayers] = useState(figure?.layers ?? 12);
  // The slider works once the page has hydrated; until then it says so by being disabled, rather
  // than moving without redrawing.
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  const palette = chartPalette(useDarkMode());
  const colors = [palette.current, palette.theory, palette.pins[0]];
  const runs = useMemo(() => (!figure ? [] : layers === figure.layers ? initial : figureRuns(figure, layers)), [figure, layers, initial]);
  if (!figure) return null;
  return (
    <figure data-testid="live-figure" data-layers={layers} className="my-8 rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
      <figcaption className="text-sm font-semibold">Key figure, live: {figure.caption}</figcaption>
      <div className="mt-3 flex items-center gap-3 text-sm">
        <label htmlFor={`${id}-depth`}>Depth</label>
        <input
          id={`${id}-depth`}
          type="range"
          min={1}
          max={MAX_LAYERS}
          value={layers}
          onChange={(e) => setLayers(Number(e.target.value))}
          disabled={!ready}
          className="h-2 max-w-xs flex-1 cursor-pointer accent-blue-700 dark:accent-blue-400"
          aria-valuetext={`${layers} layers`}
        />
        <output htmlFor={`${id}-depth`} className="w-20 tabular-nums">{layers} layers</output>
      </div>
      <div className="mt-3 text-slate-700 dark:text-slate-300">
        <SignalSparkline
          title={`Signal std relative to the input, per layer, for ${figure.variants.map((v) => v.label).join(', ')}`}
          curves={runs.map((r, k) => ({ label: r.label, values: r.curve, color: colors[k], dashed: k === 1 }))}
        />
      </div>
      <ul className="mt-2 space-y-1 text-sm" aria-live="polite">
        {runs.map((r, k) => (
          <li key={r.label} data-variant={r.label} data-state={r.state} className="flex flex-wrap items-center gap-2">
            <span aria-hidden className="inline-block h-0.5 w-6" style={{ background: colors[k], borderTop: k === 1 ? `2px dashed ${colors[k]}` : undefined }} />
            <span className="font-medium">{r.label}:</span>
            <span>
              {r.state}, ×{formatStat(r.ratio)} after {layers} layers
            </span>
            <Link href={simulatorHref({ ...figure.variants[k]!.config, layers } as Parameters<typeof simulatorHref>[0])} className="text-blue-700 underline underline-offset-2 dark:text-blue-300">
              open in the simulator<span className="sr-only"> ({r.label}, {layers} layers)</span>
            </Link>
          </li>
        ))}
      </ul>
    </figure>
  );
}
