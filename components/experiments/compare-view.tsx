'use client';
/**
 * Two to six runs side by side: their per-layer post-activation std overlaid on one log-scale
 * chart (the legend names each by its title), their summaries in columns, and a table of the
 * config fields that differ, with a switch to show every field. Runs of different depths share
 * the depth axis; a shorter network's line simply ends at its last layer.
 */
import { useState } from 'react';
import { SCHEME_INFO } from '@/lib/sim';
import type { RunView } from '@/lib/experiments/run-view';
import type { SimConfig } from '@/lib/validation/sim-config';
import { formatNumber } from '@/lib/format';
import { LogLayerChart, type LayerRow, type LineSeries } from '@/components/charts/log-layer-chart';
import { chartPalette, OKABE_ITO } from '@/components/charts/palette';
import { useDarkMode } from '@/components/charts/use-dark-mode';
import { configFields, differingFields, showField } from '@/components/simulator/config-diff';
import { formatRatio } from '@/components/simulator/format';

/** Six colours told apart with the common colour-vision deficiencies (Okabe–Ito), light and dark. */
const LIGHT = [OKABE_ITO.blue, OKABE_ITO.orange, OKABE_ITO.bluishGreen, OKABE_ITO.vermillion, OKABE_ITO.reddishPurple, OKABE_ITO.black];
const DARK = [OKABE_ITO.skyBlue, OKABE_ITO.orange, OKABE_ITO.bluishGreen, '#F28C38', OKABE_ITO.reddishPurple, OKABE_ITO.yellow];

/** Chart series names must be unique: a repeated title gets its position appended. */
export function seriesNames(runs: Pick<RunView, 'title'>[]): string[] {
  const count = new Map<string, number>();
  for (const r of runs) count.set(r.title, (count.get(r.title) ?? 0) + 1);
  return runs.map((r, i) => (count.get(r.title)! > 1 ? `${r.title} (#${i + 1})` : r.title));
}

export function compareRows(runs: Pick<RunView, 'curve'>[]): LayerRow[] {
  const depth = Math.max(...runs.map((r) => r.curve.length - 1));
  const rows: LayerRow[] = [];
  for (let i = 0; i <= depth; i++) {
    const row: LayerRow = { layer: i };
    runs.forEach((r, k) => {
      row[`run${k}`] = r.curve[i] ?? null;
    });
    rows.push(row);
  }
  return rows;
}

const FIELD_LABELS: Partial<Record<keyof SimConfig, string>> = {
  scheme: 'Initialization',
  fanMode: 'Fan mode',
  gain: 'Gain',
  customStd: 'Custom std',
  activation: 'Activation',
  activationParam: 'Activation parameter',
  layers: 'Layers',
  width: 'Width',
  widths: 'Per-layer widths',
  inputStd: 'Input std',
  samples: 'Samples',
  seed: 'Seed',
  biasStd: 'Bias std',
  residual: 'Residual',
  normalization: 'Normalization',
};

export function CompareView({ runs }: { runs: RunView[] }) {
  const dark = useDarkMode();
  const palette = chartPalette(dark);
  const colors = dark ? DARK : LIGHT;
  const [showAll, setShowAll] = useState(false);
  const names = seriesNames(runs);
  const lines: LineSeries[] = runs.map((_, k) => ({ key: `run${k}`, name: names[k], color: colors[k % colors.length], strokeWidth: 2 }));
  const configs = runs.map((r) => r.config);
  const differing = differingFields(configs);
  const fields = showAll ? configFields(configs) : differing;

  return (
    <div className="space-y-8">
      <section aria-labelledby="compare-chart-heading" className="space-y-2 rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-900">
        <h2 id="compare-chart-heading" className="text-base font-semibold">
          Post-activation std per layer <span className="font-normal text-slate-600 dark:text-slate-400">(log scale)</span>
        </h2>
        <div data-testid="compare-chart">
          <LogLayerChart
            rows={compareRows(runs)}
            lines={lines}
            yLabel="std of a"
            palette={palette}
            title={`Post-activation std per layer for ${names.join(', ')}`}
            emptyMessage="Every value is exactly 0 in every run, which a log scale cannot show. The summaries below list the numbers."
          />
        </div>
      </section>

      <section aria-labelledby="compare-summary-heading" className="space-y-2">
        <h2 id="compare-summary-heading" className="text-base font-semibold">
          Summaries
        </h2>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-sm" data-testid="compare-summaries">
            <thead>
              <tr>
                <th scope="col" className="border-b border-slate-300 p-2 text-left dark:border-slate-600">
                  <span className="sr-only">Result</span>
                </th>
                {runs.map((r, k) => (
                  <th key={r.key} scope="col" className="border-b border-slate-300 p-2 text-left align-bottom dark:border-slate-600">
                    <span aria-hidden className="mr-1.5 inline-block h-2.5 w-2.5 rounded-full" style={{ background: colors[k % colors.length] }} />
                    {names[k]}
                    {r.subtitle ? <span className="block text-xs font-normal text-slate-600 dark:text-slate-400">{r.subtitle}</span> : null}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="tabular-nums">
              <SummaryRow label="Final-layer std" runs={runs} cell={(r) => (r.summary.finalStd === null ? 'overflow' : formatNumber(r.summary.finalStd, 4))} />
              <SummaryRow label="Change vs input" runs={runs} cell={(r) => (r.summary.ratio === null ? 'overflow' : formatRatio(r.summary.ratio))} />
              <SummaryRow label="Signal state" runs={runs} cell={(r) => r.summary.signalState} />
              <SummaryRow label="Recommended init" runs={runs} cell={(r) => SCHEME_INFO[r.summary.recommendedScheme]?.label ?? r.summary.recommendedScheme} />
              <SummaryRow label="Match verdict" runs={runs} cell={(r) => (r.summary.verdict === 'match' ? 'matches' : 'differs')} />
              <SummaryRow label="Engine" runs={runs} cell={(r) => r.engineVersion} />
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="compare-params-heading" className="space-y-2">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="compare-params-heading" className="text-base font-semibold">
            {showAll ? 'All parameters' : 'Parameters that differ'}
          </h2>
          <label className="inline-flex cursor-pointer items-center gap-2 text-sm">
            <input
              type="checkbox"
              role="switch"
              aria-checked={showAll}
              checked={showAll}
              onChange={(e) => setShowAll(e.target.checked)}
              className="h-4 w-4 accent-blue-700"
            />
            Show all parameters
          </label>
        </div>
        {fields.length === 0 ? (
          <p className="text-sm text-slate-700 dark:text-slate-300">These runs use exactly the same settings.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-sm" data-testid="compare-params">
              <thead>
                <tr>
                  <th scope="col" className="border-b border-slate-300 p-2 text-left dark:border-slate-600">
                    Parameter
                  </th>
                  {runs.map((r, k) => (
                    <th key={r.key} scope="col" className="border-b border-slate-300 p-2 text-left dark:border-slate-600">
                      {names[k]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {fields.map((f) => (
                  <tr key={f} className={differing.includes(f) && showAll ? 'bg-amber-50 dark:bg-amber-950/40' : ''}>
                    <th scope="row" className="border-b border-slate-200 p-2 text-left font-medium dark:border-slate-700">
                      {FIELD_LABELS[f] ?? f}
                      <span className="ml-1 font-mono text-xs font-normal text-slate-600 dark:text-slate-400">{f}</span>
                      {differing.includes(f) && showAll ? <span className="sr-only"> (differs)</span> : null}
                    </th>
                    {runs.map((r) => (
                      <td key={r.key} className="border-b border-slate-200 p-2 font-mono dark:border-slate-700">
                        {showField(r.config, f)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

function SummaryRow({ label, runs, cell }: { label: string; runs: RunView[]; cell: (r: RunView) => string }) {
  return (
    <tr>
      <th scope="row" className="border-b border-slate-200 p-2 text-left font-medium dark:border-slate-700">
        {label}
      </th>
      {runs.map((r) => (
        <td key={r.key} className="border-b border-slate-200 p-2 dark:border-slate-700">
          {cell(r)}
        </td>
      ))}
    </tr>
  );
}
