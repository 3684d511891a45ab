'use client';
/**
 * The per-layer charts: the signal (pre/post-activation, std/RMS) with its seed band, the
 * mean-field prediction and pinned runs; the gradient norm on the same depth axis; histograms of
 * a chosen layer; dead/saturated units. Chooses which engine fields feed which series; the
 * drawing itself lives in components/charts.
 */
import { memo, useMemo, useRef, useState } from 'react';
import type { SimResult } from '@/lib/sim/types';
import type { SimConfig } from '@/lib/validation/sim-config';
import { LogLayerChart, type LayerRow, type LineSeries } from '@/components/charts/log-layer-chart';
import { HistogramChart } from '@/components/charts/histogram-chart';
import { UnitFractionChart } from '@/components/charts/unit-fraction-chart';
import { chartPalette } from '@/components/charts/palette';
import { useDarkMode } from '@/components/charts/use-dark-mode';
import { Segmented } from '@/components/ui/tabs';
import { Button } from '@/components/ui/button';
import { SliderField } from '@/components/ui/slider-field';
import { Staggered } from '@/components/ui/staggered';
import { downloadChartPng, exportSettings } from './export';
import { MAX_PINS, pinKey, pinLabel, type Pin } from './pins';

export type Stage = 'pre' | 'post';
export type Stat = 'std' | 'rms';

export { MAX_PINS, type Pin } from './pins';

function signalValue(r: SimResult, layerIndex: number, stage: Stage, stat: Stat): number | null {
  if (layerIndex === 0) return r.input[stat];
  const l = r.layers[layerIndex - 1];
  // null for an overflowed layer: a gap in the line (and the note under the chart), never 0.
  return l?.[stage]?.[stat] ?? null;
}

/** Rows for the signal chart: layer 0 is the input (both stages start from x). */
function signalRows(result: SimResult, pins: Pin[], stage: Stage, stat: Stat) {
  const depth = Math.max(result.layers.length, ...pins.map((p) => p.result?.layers.length ?? 0));
  const rows: LayerRow[] = [];
  for (let i = 0; i <= depth; i++) {
    const row: LayerRow = { layer: i };
    const l = i > 0 ? result.layers[i - 1] : undefined;
    row.mc = i <= result.layers.length ? signalValue(result, i, stage, stat) : null;
    if (l) {
      const band = stage === 'pre' ? (stat === 'std' ? l.band.preStd : null) : stat === 'std' ? l.band.postStd : l.band.postRms;
      row.band = band ? [band.min, band.max] : null;
      // Mean field tracks second moments: q_l for z (whose mean is 0, so std = RMS) and E[a²].
      row.theory = stage === 'pre' ? l.theory.preStd : stat === 'rms' ? l.theory.postRms : (l.theory.postStd ?? null);
    } else if (i === 0) {
      row.theory = result.summary.inputStd;
      row.band = null;
    }
    pins.forEach((p, k) => {
      row[`pin${k}`] = p.result && i <= p.result.layers.length ? signalValue(p.result, i, stage, stat) : null;
    });
    rows.push(row);
  }
  return rows;
}

function gradientRows(result: SimResult, pins: Pin[]) {
  const depth = Math.max(result.layers.length, ...pins.map((p) => p.result?.layers.length ?? 0));
  const rows: LayerRow[] = [];
  for (let i = 1; i <= depth; i++) {
    const l = result.layers[i - 1];
    const row: LayerRow = { layer: i, mc: l?.gradientNorm ?? null, theory: l?.theory.gradientNorm ?? null, band: l?.band.gradientNorm ? [l.band.gradientNorm.min, l.band.gradientNorm.max] : null };
    pins.forEach((p, k) => {
      row[`pin${k}`] = p.result?.layers[i - 1]?.gradientNorm ?? null;
    });
    rows.push(row);
  }
  return rows;
}

/**
 * Says in words where the chart stops having numbers: an overflow (from that layer on, nothing to
 * plot) or an underflow to exactly 0 (a log scale cannot show 0). Codes from the summary.
 */
function OverflowNote({ result, direction }: { result: SimResult; direction: 'forward' | 'backward' }) {
  const { overflowLayer, gradientOverflowLayer, underflowLayer } = result.summary;
  let text: string | null = null;
  if (direction === 'forward' && overflowLayer !== null) {
    text = `The signal overflowed the range of 64-bit numbers at layer ${overflowLayer}: from there on the layers have no values (shown as overflowed, not as 0), and the network is exploding.`;
  } else if (direction === 'forward' && underflowLayer !== null) {
    text = `The signal underflowed to exactly 0 at layer ${underflowLayer}: smaller than the smallest 64-bit number, which a log scale cannot draw.`;
  } else if (direction === 'backward' && overflowLayer !== null) {
    text = 'No gradient: the backward pass starts from the output, which overflowed.';
  } else if (direction === 'backward' && gradientOverflowLayer !== null) {
    text = `The gradient overflowed at layer ${gradientOverflowLayer} on its way back: that layer and the ones before it have no value.`;
  }
  if (!text) return null;
  return (
    <p className="rounded border border-red-300 bg-red-50 p-2 text-xs text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-100" data-testid={`${direction}-overflow-note`}>
      {text}
    </p>
  );
}

/** Holds a chart's place (same height) until its first turn. */
function ChartPlaceholder({ height }: { height: number }) {
  return <div className="animate-pulse rounded-md bg-slate-100 motion-reduce:animate-none dark:bg-slate-800" style={{ height }} aria-hidden />;
}

export interface ChartsPanelProps {
  result: SimResult;
  pins: Pin[];
  onPin: () => void;
  onRemovePin: (key: string) => void;
  /** Opens the save dialog for a pinned run (absent: no save button on pins). */
  onSavePin?: (key: string) => void;
}

export const ChartsPanel = memo(function ChartsPanel({ result, pins, onPin, onRemovePin, onSavePin }: ChartsPanelProps) {
  const config = result.config;
  const dark = useDarkMode();
  const palette = chartPalette(dark);
  const [stage, setStage] = useState<Stage>('post');
  const [stat, setStat] = useState<Stat>('std');
  const [histLayer, setHistLayer] = useState('1');
  const chartRef = useRef<HTMLDivElement>(null);
  const L = result.layers.length;
  const histIndex = Math.min(L, Math.max(1, Math.round(Number(histLayer)) || 1));
  const layer = result.layers[histIndex - 1];

  const stageName = stage === 'pre' ? 'pre-activation z' : 'post-activation a';
  const statName = stat === 'std' ? 'std' : 'RMS';
  const pinSeries: LineSeries[] = pins.map((p, k) => ({
    key: `pin${k}`,
    name: `Pin ${k + 1}: ${pinLabel(p.config)}`,
    color: palette.pins[k],
    strokeWidth: 1.5,
  }));
  const alreadyPinned = pins.some((p) => p.key === pinKey(result.config));
  const hasTheory = stage === 'pre' || stat === 'rms' || result.layers.some((l) => l.theory.postStd !== undefined);
  const hasBand = !(stage === 'pre' && stat === 'rms');
  const signalLines: LineSeries[] = [
    { key: 'mc', name: `Monte Carlo ${statName} (seed ${config.seed})`, color: palette.current, strokeWidth: 2.5 },
    ...(hasTheory ? [{ key: 'theory', name: 'Mean-field prediction', color: palette.theory, dashed: true }] : []),
    ...pinSeries,
  ];
  const signalTitle = `${statName} of the ${stageName} per layer`;
  // Each chart's input as one object, rebuilt only when what it shows changes, so a chart is
  // rendered (on its own turn, see Staggered) only for a real change.
  const signalChart = useMemo(
    () => ({
      rows: signalRows(result, pins, stage, stat),
      lines: signalLines,
      band: hasBand ? { key: 'band', name: `Range over ${result.bandSeeds} seeds`, color: palette.band } : null,
      yLabel: `${statName} of ${stage === 'pre' ? 'z' : 'a'}`,
      palette,
      title: signalTitle,
      emptyMessage: 'Every value is exactly 0, which a log scale cannot show: the signal is gone from layer 1 on. The table below lists every number.',
    }),
    // signalLines, statName, signalTitle, hasBand and hasTheory follow from these.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [result, pins, stage, stat, dark],
  );
  const gradientChart = useMemo(
    () => ({
      rows: gradientRows(result, pins),
      lines: [
        { key: 'mc', name: 'Monte Carlo gradient RMS', color: palette.current, strokeWidth: 2.5 },
        { key: 'theory', name: 'Mean-field prediction', color: palette.theory, dashed: true },
        ...pinSeries,
      ],
      band: { key: 'band', name: `Range over ${result.bandSeeds} seeds`, color: palette.band },
      yLabel: 'gradient RMS',
      palette,
      height: 260,
      title: 'Gradient norm per layer',
      emptyMessage: 'Every gradient is exactly 0: no learning signal reaches any layer.',
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [result, pins, dark],
  );
  const histogram = layer?.histogram;
  const preHistogram = useMemo(
    () => (histogram ? { histogram: histogram.pre, color: palette.pre, palette, title: `Histogram of z at layer ${histIndex}` } : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [histogram, histIndex, dark],
  );
  const postHistogram = useMemo(
    () => (histogram ? { histogram: histogram.post, color: palette.post, palette, title: `Histogram of a at layer ${histIndex}` } : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [histogram, histIndex, dark],
  );
  const unitChart = useMemo(
    () => ({ layers: result.layers, palette }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [result, dark],
  );
  const legendForPng = signalLines.map((s) => ({ name: s.name, color: s.color, dashed: s.dashed }));

  return (
    <section aria-labelledby="charts-heading" className="space-y-6 rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-900">
      <div className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="charts-heading" className="text-base font-semibold">
            Signal per layer <span className="font-normal text-slate-600 dark:text-slate-400">(log scale)</span>
          </h2>
          <div className="flex flex-wrap items-center gap-3">
            <Segmented
              label="Stage"
              value={stage}
              onValueChange={setStage}
              options={[
                { value: 'pre', label: 'Pre-activation z' },
                { value: 'post', label: 'Post-activation a' },
              ]}
            />
            <Segmented
              label="Statistic"
              value={stat}
              onValueChange={setStat}
              options={[
                { value: 'std', label: 'Std' },
                { value: 'rms', label: 'RMS' },
              ]}
            />
          </div>
        </div>
        <div data-testid="signal-chart">
          <Staggered name="signal chart" value={signalChart} render={(p) => <LogLayerChart ref={chartRef} {...p} />} fallback={<ChartPlaceholder height={320} />} />
        </div>
        {!hasTheory ? (
          <p className="text-xs text-slate-600 dark:text-slate-400">
            Mean-field theory tracks second moments (RMS), not the post-activation std: switch to RMS to compare with it.
          </p>
        ) : null}
        {!hasBand ? <p className="text-xs text-slate-600 dark:text-slate-400">The seed band is computed for the std of z; switch to Std to see it.</p> : null}
        <OverflowNote result={result} direction="forward" />
        <div className="flex flex-wrap items-center gap-2">
          <Button size="sm" variant="primary" onClick={onPin} disabled={pins.length >= MAX_PINS || alreadyPinned}>
            Pin this run
          </Button>
          <Button size="sm" onClick={() => void downloadChartPng(chartRef.current, {
                  title: signalTitle,
                  settings: exportSettings(result.config, result.engineVersion, window.location.origin),
                  legend: legendForPng,
                  palette,
                  fileName: 'initlab-signal.png',
                })}>
            Download chart (PNG)
          </Button>
          <span className="text-xs text-slate-600 dark:text-slate-400">
            {alreadyPinned
              ? 'This run is pinned already.'
              : pins.length >= MAX_PINS
                ? `Up to ${MAX_PINS} pins: remove one to pin another.`
                : 'Pinned runs stay on the chart and in the address while you change settings.'}
          </span>
        </div>
        {pins.length > 0 ? (
          <ul aria-label="Pinned runs" className="flex flex-wrap gap-2">
            {pins.map((p, k) => (
              <li key={p.key} data-pin-color={palette.pins[k]} className="inline-flex items-center gap-2 rounded-full border border-slate-300 py-0.5 pl-2.5 pr-1 text-xs dark:border-slate-600">
                <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-full" style={{ background: palette.pins[k] }} />
                <span>
                  Pin {k + 1}: {pinLabel(p.config)}
                  {p.result ? null : <span className="text-slate-600 dark:text-slate-400"> (computing…)</span>}
                </span>
                {onSavePin ? (
                  <button
                    type="button"
                    onClick={() => onSavePin(p.key)}
                    aria-label={`Save pin ${k + 1} (${pinLabel(p.config)}) as an experiment`}
                    className="rounded-full px-1.5 text-blue-700 hover:bg-slate-100 dark:text-blue-300 dark:hover:bg-slate-800"
                  >
                    Save
                  </button>
                ) : null}
                <button
                  type="button"
                  onClick={() => onRemovePin(p.key)}
                  aria-label={`Remove pin ${k + 1} (${pinLabel(p.config)})`}
                  className="rounded-full px-1.5 text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800"
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>

      <div className="space-y-2">
        <h3 className="text-sm font-semibold">Gradient norm per layer (backward pass, log scale)</h3>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          RMS of ∂L/∂a at each layer&apos;s output when a unit-variance gradient enters at the last layer (so the last layer is about 1).
          Read right to left: that is the way gradients travel.
        </p>
        <div data-testid="gradient-chart">
          <Staggered name="gradient chart" value={gradientChart} render={(p) => <LogLayerChart {...p} />} fallback={<ChartPlaceholder height={260} />} />
        </div>
        <OverflowNote result={result} direction="backward" />
      </div>

      <div className="space-y-2">
        <h3 className="text-sm font-semibold">Distribution inside one layer</h3>
        <SliderField
          label="Histogram layer"
          sliderLabel="Layer picker slider"
          value={histLayer}
          onValueChange={setHistLayer}
          min={1}
          max={Math.max(1, L)}
          integer
          className="max-w-sm"
          error={Number(histLayer) > L || Number(histLayer) < 1 ? `Choose a layer from 1 to ${L}` : null}
        />
        {layer && !layer.histogram ? (
          <p className="text-sm" data-testid="histogram-overflowed">
            Layer {histIndex} overflowed: its values are beyond the range of 64-bit numbers, so there is no histogram.
          </p>
        ) : null}
        {layer?.histogram ? (
          <div className="grid gap-4 sm:grid-cols-2">
            <figure>
              <figcaption className="mb-1 text-xs font-medium">Layer {histIndex}: pre-activation z (what φ receives)</figcaption>
              <Staggered
                name="z histogram"
                value={preHistogram}
                render={(p) => (p ? <HistogramChart {...p} /> : null)}
                fallback={<ChartPlaceholder height={180} />}
              />
            </figure>
            <figure>
              <figcaption className="mb-1 text-xs font-medium">Layer {histIndex}: post-activation a = φ(z)</figcaption>
              <Staggered
                name="a histogram"
                value={postHistogram}
                render={(p) => (p ? <HistogramChart {...p} /> : null)}
                fallback={<ChartPlaceholder height={180} />}
              />
            </figure>
          </div>
        ) : null}
      </div>

      <div className="space-y-2">
        <h3 className="text-sm font-semibold">Dead and saturated units per layer</h3>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Dead: share of ReLU / leaky ReLU units whose pre-activation is ≤ 0 for every sample (they pass no gradient, or only the
          leak). Saturated: share of tanh outputs beyond ±0.97, or sigmoid outputs below 0.03 or above 0.97, where the slope and
          so the gradient nearly vanish.
        </p>
        <Staggered name="unit chart" value={unitChart} render={(p) => <UnitFractionChart {...p} />} fallback={<ChartPlaceholder height={200} />} />
      </div>
    </section>
  );
});
