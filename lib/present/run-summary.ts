/**
 * Words for a stored run. A Run keeps numbers and codes only (lib/runs/stored-result.ts); the
 * sentences the pages show (the scheme's formula, the recommendation, the verdict, the stated
 * thresholds) are rebuilt here from those codes and the run's config by the engine's own text
 * functions (summarize, recommendScheme, describeFormula), so the wording lives in one place and
 * always describes this config's network. Pure: usable by server and client components.
 */
import { summarize, SIGNAL_THRESHOLDS } from '../sim/summary';
import { describeSummary, describeThresholds } from './summary-words';
import type { Histogram, LayerResult, SimResult, Summary } from '../sim/types';
import type { SimConfig } from '../validation/sim-config';
import type { StoredNumber, StoredRunResult, StoredSummary } from '../runs/stored-result';

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

const asNumber = (x: StoredNumber): number => (x === null ? Number.NaN : x);

/**
 * The engine's Summary for a stored run: the stored numbers, with the codes that depend only on
 * the config and those numbers (signal state, verdict and its changes, predictions) recomputed by
 * today's engine. So a run stored under the old three-state scale (its "stable" covered 0.1× to
 * 10×) reads on today's scale, and an old "match" beside an exploding signal is not repeated.
 */
export function presentSummary(config: SimConfig, stored: StoredSummary): Summary {
  const current = summarize({
    config,
    finalStd: asNumber(stored.finalStd),
    anyNonFinite: stored.overflowLayer !== null,
    symmetryBroken: stored.symmetryBroken,
  });
  return {
    ...current,
    scheme: stored.scheme,
    weightVariance: asNumber(stored.weightVariance),
    inputStd: stored.inputStd,
    finalStd: asNumber(stored.finalStd),
    ratio: asNumber(stored.ratio),
    symmetryBroken: stored.symmetryBroken,
    theoryFinalStd: stored.theoryFinalStd ?? undefined,
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

const EMPTY_HISTOGRAM: Histogram = { edges: [], counts: [] };

/**
 * A stored run as the engine's SimResult, so the simulator's panels and charts (which take a
 * SimResult) can show it unchanged. Stored nulls (overflowed statistics) become NaN, which the
 * panels' number formatting already handles; missing histograms become empty ones.
 */
export function presentRun(run: { engineVersion: string; config: SimConfig; result: StoredRunResult }): SimResult {
  const r = run.result;
  const m = (x: { mean: StoredNumber; std: StoredNumber; rms: StoredNumber }) => ({ mean: asNumber(x.mean), std: asNumber(x.std), rms: asNumber(x.rms) });
  const b = (x: { min: StoredNumber; max: StoredNumber }) => ({ min: asNumber(x.min), max: asNumber(x.max) });
  const layers: LayerResult[] = r.layers.map((l, i) => {
    const h = r.histograms?.[i];
    return {
      layer: l.layer,
      width: l.width,
      pre: m(l.pre),
      post: { ...m(l.post), deadFraction: l.post.deadFraction, saturatedFraction: l.post.saturatedFraction },
      gradientNorm: asNumber(l.gradientNorm),
      theory: {
        preStd: asNumber(l.theory.preStd),
        postRms: asNumber(l.theory.postRms),
        gradientNorm: asNumber(l.theory.gradientNorm),
        postStd: asNumber(l.theory.postStd),
        postMean: asNumber(l.theory.postMean),
      },
      histogram: h
        ? { pre: { edges: h.pre.edges.map(asNumber), counts: h.pre.counts }, post: { edges: h.post.edges.map(asNumber), counts: h.post.counts } }
        : { pre: EMPTY_HISTOGRAM, post: EMPTY_HISTOGRAM },
      band: { preStd: b(l.band.preStd), postStd: b(l.band.postStd), postRms: b(l.band.postRms), gradientNorm: b(l.band.gradientNorm) },
      unitsIdentical: l.unitsIdentical,
    };
  });
  return {
    engineVersion: run.engineVersion,
    config: run.config,
    path: r.path,
    bandSeeds: r.bandSeeds,
    input: m(r.input),
    layers,
    summary: presentSummary(run.config, r.summary),
    overflowLayer: r.summary.overflowLayer,
  };
}
