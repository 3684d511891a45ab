/**
 * What a stored Run keeps of an engine result: numbers and codes only, never prose. The engine's
 * Summary carries sentences (formula, recommendation, verdict text, the thresholds' description)
 * that quote this config's numbers; they are dropped here and rebuilt from the codes and the
 * config by lib/present/run-summary.ts, so a stored run never shows text from an older wording.
 *
 * Non-finite statistics (an overflowing network) are stored as null: JSON has no Infinity/NaN.
 * Pure: importable by client components (charts) as well as the server.
 */
import type { EnginePath } from '../sim/network';
import type { Histogram, SignalState, SimResult } from '../sim/types';
import type { Scheme } from '../validation/sim-config';

/** A statistic that may be non-finite in the engine (overflow); null then. */
export type StoredNumber = number | null;

export interface StoredMoments {
  mean: StoredNumber;
  std: StoredNumber;
  rms: StoredNumber;
}

export interface StoredPostMoments extends StoredMoments {
  deadFraction: number;
  saturatedFraction: number;
}

export interface StoredBand {
  min: StoredNumber;
  max: StoredNumber;
}

export interface StoredLayer {
  /** 1-based. */
  layer: number;
  width: number;
  pre: StoredMoments;
  post: StoredPostMoments;
  gradientNorm: StoredNumber;
  /** Mean-field predictions. */
  theory: { preStd: StoredNumber; postRms: StoredNumber; gradientNorm: StoredNumber; postStd: StoredNumber; postMean: StoredNumber };
  /** Spread over the band's seeds. */
  band: { preStd: StoredBand; postStd: StoredBand; postRms: StoredBand; gradientNorm: StoredBand };
  unitsIdentical: boolean;
}

export interface StoredHistogram {
  edges: StoredNumber[];
  counts: number[];
}

export interface StoredLayerHistograms {
  pre: StoredHistogram;
  post: StoredHistogram;
}

/** The engine's Summary without its sentences. */
export interface StoredSummary {
  scheme: Scheme;
  /** Var(W) of the first layer. */
  weightVariance: StoredNumber;
  inputStd: number;
  finalStd: StoredNumber;
  ratio: StoredNumber;
  signalState: SignalState;
  thresholds: { vanishingBelow: number; explodingAbove: number };
  symmetryBroken: boolean;
  recommendedScheme: Scheme;
  verdict: 'match' | 'mismatch';
  theoryFinalStd: StoredNumber;
  /** First layer (1-based) whose statistics overflowed, or null. */
  overflowLayer: number | null;
}

export interface StoredRunResult {
  path: EnginePath;
  bandSeeds: number;
  input: StoredMoments;
  summary: StoredSummary;
  layers: StoredLayer[];
  /** Histograms of the first seed, one per layer; null when not kept. */
  histograms: StoredLayerHistograms[] | null;
}

const num = (x: number | null | undefined): StoredNumber => (typeof x === 'number' && Number.isFinite(x) ? x : null);
const moments = (m: { mean: number | null; std: number | null; rms: number | null }): StoredMoments => ({
  mean: num(m.mean),
  std: num(m.std),
  rms: num(m.rms),
});
const band = (b: { min: number | null; max: number | null }): StoredBand => ({ min: num(b.min), max: num(b.max) });
const histogram = (h: Histogram): StoredHistogram => ({ edges: h.edges.map(num), counts: [...h.counts] });

/**
 * The storable part of an engine result. Fields are picked one by one (not copied wholesale), so
 * a sentence added to the engine's output later cannot slip into the database.
 */
export function toStoredResult(result: SimResult, options: { histograms?: boolean } = {}): StoredRunResult {
  const s = result.summary;
  return {
    path: result.path,
    bandSeeds: result.bandSeeds,
    input: moments(result.input),
    summary: {
      scheme: s.scheme,
      weightVariance: num(s.weightVariance),
      inputStd: s.inputStd,
      finalStd: num(s.finalStd),
      ratio: num(s.ratio),
      signalState: s.signalState,
      thresholds: { vanishingBelow: s.thresholds.vanishingBelow, explodingAbove: s.thresholds.explodingAbove },
      symmetryBroken: s.symmetryBroken,
      recommendedScheme: s.recommendedScheme,
      verdict: s.verdict,
      theoryFinalStd: num(s.theoryFinalStd),
      overflowLayer: result.overflowLayer ?? null,
    },
    layers: result.layers.map((l) => ({
      layer: l.layer,
      width: l.width,
      pre: moments(l.pre),
      post: { ...moments(l.post), deadFraction: l.post.deadFraction, saturatedFraction: l.post.saturatedFraction },
      gradientNorm: num(l.gradientNorm),
      theory: {
        preStd: num(l.theory.preStd),
        postRms: num(l.theory.postRms),
        gradientNorm: num(l.theory.gradientNorm),
        postStd: num(l.theory.postStd),
        postMean: num(l.theory.postMean),
      },
      band: { preStd: band(l.band.preStd), postStd: band(l.band.postStd), postRms: band(l.band.postRms), gradientNorm: band(l.band.gradientNorm) },
      unitsIdentical: l.unitsIdentical ?? false,
    })),
    histograms:
      options.histograms === false || result.layers.some((l) => !l.histogram)
        ? null
        : result.layers.map((l) => ({ pre: histogram(l.histogram.pre), post: histogram(l.histogram.post) })),
  };
}

/** The per-layer curve of one statistic, e.g. curve(result, (l) => l.post.std), for charts. */
export function curve(result: StoredRunResult, pick: (layer: StoredLayer) => StoredNumber): StoredNumber[] {
  return result.layers.map(pick);
}
