/**
 * Words for a stored run. A Run keeps numbers and codes only (lib/runs/stored-result.ts); the
 * sentences the pages show (the scheme's formula, the recommendation, the verdict, the stated
 * thresholds) are rebuilt here from those codes and the run's config by the engine's own text
 * functions (summarize, recommendScheme, describeFormula), so the wording lives in one place and
 * always describes this config's network. Pure: usable by server and client components.
 */
import { summarize, SIGNAL_THRESHOLDS } from '../sim/summary';
import { describeSummary, describeThresholds } from './summary-words';
import type { LayerResult, SimResult, Summary } from '../sim/types';
import type { SimConfig } from '../validation/sim-config';
import type { StoredRunResult, StoredSummary } from '../runs/stored-result';

/** The prose the pages show for a stored summary. */
export interface SummaryText {
  /** e.g. "Var(W) = 2 / fan_in". */
  formula: string;
  /** Why the recommended scheme suits this activation and depth. */
  recommendation: string;
  /** One or two sentences explaining the match verdict. */
  verdictText: string;
  /** How signalState was decided (the thresholds). */
  thresholdsDescription: string;
}

/**
 * The engine's Summary for a stored run: the stored numbers, with the codes that depend only on
 * the config and those numbers (signal state, verdict and its changes, predictions) recomputed by
 * today's engine. So a run stored under the old three-state scale (its "stable" covered 0.1× to
 * 10×) reads on today's scale, and an old "match" beside an exploding signal is not repeated.
 */
export function presentSummary(config: SimConfig, stored: StoredSummary): Summary {
  const current = summarize({
    config,
    finalStd: stored.finalStd,
    overflowLayer: stored.overflowLayer,
    gradientOverflowLayer: stored.gradientOverflowLayer,
    underflowLayer: stored.underflowLayer,
    symmetryBroken: stored.symmetryBroken,
  });
  return {
    ...current,
    scheme: stored.scheme,
    weightVariance: stored.weightVariance,
    inputStd: stored.inputStd,
    finalStd: stored.finalStd,
    ratio: stored.ratio,
    symmetryBroken: stored.symmetryBroken,
    theoryFinalStd: stored.theoryFinalStd,
    overflowLayer: stored.overflowLayer,
    gradientOverflowLayer: stored.gradientOverflowLayer,
    underflowLayer: stored.underflowLayer,
  };
}

/** Just the sentences, for pages that lay out the numbers themselves. */
export function presentSummaryText(config: SimConfig, stored: StoredSummary): SummaryText {
  const s = presentSummary(config, stored);
  const words = describeSummary(s, config, stored.overflowLayer);
  return { formula: s.formula, recommendation: s.recommendation, verdictText: words.verdictText, thresholdsDescription: words.thresholdsText };
}

/** The thresholds' description alone (it does not depend on the run). */
export const THRESHOLDS_DESCRIPTION: string = describeThresholds(SIGNAL_THRESHOLDS);

/**
 * A stored run as the engine's SimResult, so the simulator's panels and charts (which take a
 * SimResult) can show it unchanged. Stored runs keep the engine's own nulls for overflowed
 * values; runs stored without histograms get null ones (as an overflowed layer has).
 */
export function presentRun(run: { engineVersion: string; config: SimConfig; result: StoredRunResult }): SimResult {
  const r = run.result;
  const layers: LayerResult[] = r.layers.map((l, i) => ({
    layer: l.layer,
    width: l.width,
    pre: l.pre,
    post: l.post,
    gradientNorm: l.gradientNorm,
    theory: { ...l.theory },
    histogram: r.histograms?.[i] ?? null,
    band: { ...l.band },
    unitsIdentical: l.unitsIdentical,
  }));
  return {
    engineVersion: run.engineVersion,
    config: run.config,
    path: r.path,
    bandSeeds: r.bandSeeds,
    input: r.input,
    layers,
    summary: presentSummary(run.config, r.summary),
    overflowLayer: r.summary.overflowLayer,
  };
}
