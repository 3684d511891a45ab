/**
 * The run's summary as a definition list: each <dt> names a result, its <dd> (labelled by the
 * <dt>, so tests and assistive tech can find it by name) gives the value and a plain sentence on
 * what it means. Every number and verdict comes from the engine's Summary; this file only words
 * it. The digest attribute lets the e2e test prove the browser's numbers equal Node's.
 */
import { memo, useId, useMemo, type ReactNode } from 'react';
import { SCHEME_INFO, resultDigest } from '@/lib/sim';
import type { SimResult } from '@/lib/sim/types';
import { formatNumber, formatStat } from '@/lib/format';
import { formatRatio } from './format';
import type { RunOrigin } from './use-simulation';
import { describeSummary } from '@/lib/present/summary-words';

export const STATE_STYLE = {
  vanishing: 'bg-sky-100 text-sky-900 ring-sky-300 dark:bg-sky-950 dark:text-sky-100 dark:ring-sky-700',
  fading: 'bg-sky-50 text-sky-900 ring-sky-200 dark:bg-sky-900 dark:text-sky-100 dark:ring-sky-600',
  growing: 'bg-orange-50 text-orange-950 ring-orange-200 dark:bg-orange-900 dark:text-orange-100 dark:ring-orange-600',
  stable: 'bg-emerald-100 text-emerald-900 ring-emerald-300 dark:bg-emerald-950 dark:text-emerald-100 dark:ring-emerald-700',
  exploding: 'bg-orange-100 text-orange-950 ring-orange-300 dark:bg-orange-950 dark:text-orange-100 dark:ring-orange-700',
} as const;

/** `value` is the machine-readable number behind the shown text (for tests and scripts). */
function Item({ term, children, explain, wide, value }: { term: string; children: ReactNode; explain: ReactNode; wide?: boolean; value?: string | number }) {
  const id = useId();
  return (
    <div className={`rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900 ${wide ? 'sm:col-span-2' : ''}`}>
      <dt id={id} className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">
        {term}
      </dt>
      <dd aria-labelledby={id} data-value={value === undefined ? undefined : String(value)} className="mt-1">
        <div className="text-base font-semibold text-slate-900 dark:text-slate-50">{children}</div>
        <p className="mt-1 text-xs leading-relaxed text-slate-600 dark:text-slate-400">{explain}</p>
      </dd>
    </div>
  );
}

export interface ResultsPanelProps {
  result: SimResult;
  origin: RunOrigin | null;
  /** The result is for older settings than the form's (a run is pending or was cancelled). */
  stale: boolean;
  /** A run is in flight. */
  busy: boolean;
  /** One-seed preview: the band is still being computed. */
  preview: boolean;
}

/** Memoized: typing into a field re-renders it only when one of its props changes. */
export const ResultsPanel = memo(function ResultsPanel({ result, origin, stale, busy, preview }: ResultsPanelProps) {
  const digest = useMemo(() => resultDigest(result), [result]);
  const s = result.summary;
  const info = SCHEME_INFO[s.scheme];
  const c = result.config;
  const words = describeSummary(s, c, result.overflowLayer);
  return (
    <section aria-labelledby="results-heading" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="results-heading" className="text-lg font-semibold">
          Results
        </h2>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Engine {result.engineVersion} · {pathLabel(result)} ·{' '}
          {result.bandSeeds === 1 ? `seed ${c.seed} (band pending)` : `${result.bandSeeds} seeds from ${c.seed}`} · {c.samples} samples
        </p>
      </div>
      {!s.symmetryBroken ? (
        <div role="note" className="rounded-lg border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-100">
          <strong>Symmetry is never broken.</strong> Every unit in a layer computes exactly the same value for every input, so
          every unit also receives the same gradient and they stay identical through training: a layer of {c.width} units
          behaves like a single unit. Random initial weights exist to break this symmetry.
        </div>
      ) : null}
      <dl
        data-testid="results"
        data-digest={digest}
        data-origin={origin ?? undefined}
        data-stale={stale ? 'true' : 'false'}
        data-busy={busy ? 'true' : 'false'}
        data-preview={preview ? 'true' : 'false'}
        className={`grid gap-3 sm:grid-cols-2 ${stale ? 'opacity-70 transition-opacity' : ''}`}
      >
        <Item term="Initialization" wide explain="How the starting weights are drawn, and the variance that gives the first layer's weights.">
          <span>{info.label}</span>
          <span className="mt-0.5 block font-mono text-sm font-normal text-slate-700 dark:text-slate-300">{s.formula}</span>
          <span className="mt-0.5 block text-sm font-normal text-slate-700 dark:text-slate-300">
            Var(W) = <span className="tabular-nums">{formatNumber(s.weightVariance, 4)}</span> for the first layer (fan_in {c.width}
            , fan_out {result.layers[0]?.width ?? c.width})
          </span>
        </Item>
        <Item
          term="Final-layer activation std"
          value={s.finalStd ?? 'overflowed'}
          explain={`Standard deviation of a_${result.layers.length} = φ(z_${result.layers.length}), the last layer's output after the activation, over all its units and samples.`}
        >
          <span className="tabular-nums">{formatStat(s.finalStd, 4)}</span>
        </Item>
        <Item term="Change vs input" value={s.ratio ?? 'overflowed'} explain={`Final-layer std divided by the input std (${formatNumber(s.inputStd)}). 1 means the signal kept its scale.`}>
          <span className="tabular-nums">{formatRatio(s.ratio)}</span>
        </Item>
        <Item
          term="Signal state"
          value={s.signalState}
          explain={
            <>
              <span data-testid="state-text">{words.stateText}</span> <span className="block pt-1">{words.thresholdsText}</span>
            </>
          }
        >
          <span className={`inline-block rounded-full px-2.5 py-0.5 text-sm ring-1 ${STATE_STYLE[s.signalState]}`}>{words.stateLabel}</span>
          <span className="ml-2 text-sm font-normal text-slate-700 dark:text-slate-300" data-testid="per-layer-factor" data-value={s.perLayerFactor}>
            {Number.isFinite(s.perLayerFactor) ? <>{formatRatio(s.perLayerFactor)} per layer on average</> : 'overflowed'}
          </span>
        </Item>
        {s.overflowLayer !== null || s.gradientOverflowLayer !== null || s.underflowLayer !== null ? (
          <Item
            term="Number range"
            wide
            value={s.overflowLayer !== null ? `overflow:${s.overflowLayer}` : s.gradientOverflowLayer !== null ? `gradient-overflow:${s.gradientOverflowLayer}` : `underflow:${s.underflowLayer}`}
            explain="64-bit floating point holds magnitudes from about 10⁻³⁰⁸ to 10³⁰⁸. Beyond that a value becomes infinite (overflow) or exactly 0 (underflow)."
          >
            <span data-testid="range-note">
              {s.overflowLayer !== null
                ? `The signal overflowed at layer ${s.overflowLayer}; later layers have no values.`
                : s.gradientOverflowLayer !== null
                  ? `The gradient overflowed at layer ${s.gradientOverflowLayer} on the backward pass.`
                  : `The signal underflowed to exactly 0 at layer ${s.underflowLayer}.`}
            </span>
          </Item>
        ) : null}
        <Item term="Recommended init" value={s.recommendedScheme} explain={s.recommendation}>
          {SCHEME_INFO[s.recommendedScheme].label}
        </Item>
        <Item term="Match verdict" wide value={s.verdict} explain={words.verdictText}>
          {words.verdictHeadline}
        </Item>
      </dl>
    </section>
  );
});

/** How the run sampled its pre-activations, in words (the engine's `path`). */
function pathLabel(result: SimResult): string {
  if (result.path === 'materialized') return 'sampled weights';
  return result.config.scheme === 'orthogonal' ? 'exact orthogonal-frame path' : 'exact Gaussian (covariance) path';
}
