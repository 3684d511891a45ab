'use client';
/**
 * A stored run shown read-only (an experiment's page, a shared link): the summary, the animated
 * network, the per-layer signal chart with the mean-field prediction and seed band, and the
 * config. The result is the stored run turned back into the engine's shape by lib/present, so
 * these are the simulator's own panels and words.
 */
import type { SimResult } from '@/lib/sim/types';
import { ResultsPanel } from '@/components/simulator/results-panel';
import { NetworkView } from '@/components/network-view/network-view';
import { LogLayerChart, type LayerRow } from '@/components/charts/log-layer-chart';
import { chartPalette } from '@/components/charts/palette';
import { useDarkMode } from '@/components/charts/use-dark-mode';
import { configFields, showField } from '@/components/simulator/config-diff';

function rows(result: SimResult): LayerRow[] {
  return [
    { layer: 0, mc: result.input.std, theory: result.summary.inputStd, band: null },
    ...result.layers.map((l) => ({
      layer: l.layer,
      mc: l.post?.std ?? null,
      theory: l.theory.postStd ?? null,
      band: l.band.postStd ? ([l.band.postStd.min, l.band.postStd.max] as [number, number]) : null,
    })),
  ];
}

export function RunDisplay({ result }: { result: SimResult }) {
  const palette = chartPalette(useDarkMode());
  const config = result.config;
  return (
    <div className="space-y-6">
      <ResultsPanel result={result} origin={null} stale={false} busy={false} preview={false} />
      <NetworkView result={result} />
      <section aria-labelledby="run-chart-heading" className="space-y-2 rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-900">
        <h2 id="run-chart-heading" className="text-base font-semibold">
          Post-activation std per layer <span className="font-normal text-slate-600 dark:text-slate-400">(log scale)</span>
        </h2>
        <div data-testid="run-chart">
          <LogLayerChart
            rows={rows(result)}
            lines={[
              { key: 'mc', name: `Monte Carlo std (seed ${config.seed})`, color: palette.current, strokeWidth: 2.5 },
              { key: 'theory', name: 'Mean-field prediction', color: palette.theory, dashed: true },
            ]}
            band={{ key: 'band', name: `Range over ${result.bandSeeds} seeds`, color: palette.band }}
            yLabel="std of a"
            palette={palette}
            title="Post-activation std per layer"
            emptyMessage="Every value is exactly 0, which a log scale cannot show: the signal is gone from layer 1 on."
          />
        </div>
      </section>
      <section aria-labelledby="run-config-heading" className="space-y-2">
        <h2 id="run-config-heading" className="text-base font-semibold">
          Settings
        </h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr_auto_1fr]">
          {configFields([config]).map((k) => (
            <div key={k} className="contents">
              <dt className="font-mono text-slate-600 dark:text-slate-400">{k}</dt>
              <dd className="font-mono">{showField(config, k)}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
