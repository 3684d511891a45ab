/**
 * What a stored Run keeps of an engine result: numbers and codes only, never prose. The engine's
 * Summary carries sentences (formula, recommendation, verdict text, the thresholds' description)
 * that quote this config's numbers; they are dropped here and rebuilt from the codes and the
 * config by lib/present/run-summary.ts, so a stored run never shows text from an older wording.
 *
 * Overflowed statistics are null, as in the engine's own result (JSON has no Infinity/NaN).
 * Pure: importable by client components (charts) as well as the server.
 */
import type { EnginePath } from '../sim/network';
import type { Band, Histogram, Moments, PostMoments, SignalState, SimResult } from '../sim/types';
import type { Scheme } from '../validation/sim-config';

/** A number that may be missing: the engine reports overflowed values as null (JSON has no Infinity). */
export type StoredNumber = number | null;

/** Moments of one layer, as the engine reports them (finite numbers; the whole object is null on overflow). */
export type StoredMoments = Moments;
export type StoredPostMoments = PostMoments;
export type StoredBand = Band;

/**
 * One layer's curves. As in the engine's result (ENGINE_VERSION 1.2): `pre`, `post` and the
 * band entries are null where the layer overflowed, `gradientNorm` is null where the backward
 * pass overflowed, mean-field values are null where the prediction itself overflows.
 */
export interface StoredLayer {
  /** 1-based. */
  layer: number;
  width: number;
  pre: StoredMoments | null;
  post: StoredPostMoments | null;
  gradientNorm: StoredNumber;
  /** Mean-field predictions. */
  theory: { preStd: StoredNumber; postRms: StoredNumber; gradientNorm: StoredNumber; postStd: StoredNumber; postMean: StoredNumber };
  /** Spread over the band's seeds; null where any seed overflowed. */
  band: { preStd: StoredBand | null; postStd: StoredBand | null; postRms: StoredBand | null; gradientNorm: StoredBand | null };
  unitsIdentical: boolean;
}

export type StoredHistogram = Histogram;

export interface StoredLayerHistograms {
  pre: StoredHistogram;
  post: StoredHistogram;
}

/** The engine's Summary without its sentences. */
export interface StoredSummary {
  scheme: Scheme;
  /** Var(W) of the first layer. */
  weightVariance: number;
  inputStd: number;
  finalStd: StoredNumber;
  ratio: StoredNumber;
  signalState: SignalState;
  thresholds: { vanishingBelow: number; explodingAbove: number };
  symmetryBroken: boolean;
  recommendedScheme: Scheme;
  verdict: 'match' | 'mismatch';
  theoryFinalStd: StoredNumber;
  /** First layer (1-based) whose forward values overflowed, or null. */
  overflowLayer: number | null;
  /** Layer where the backward gradient first overflowed (going backwards), or null. */
  gradientOverflowLayer: number | null;
  /** First layer whose pre-activations underflowed to exactly 0 (not a zero init), or null. */
  underflowLayer: number | null;
}

export interface StoredRunResult {
  path: EnginePath;
  bandSeeds: number;
  input: StoredMoments;
  summary: StoredSummary;
  layers: StoredLayer[];
  /** Histograms of the first seed, one per layer (null for an overflowed layer); null when not kept. */
  histograms: (StoredLayerHistograms | null)[] | null;
}

const num = (x: number | null | undefined): StoredNumber => (typeof x === 'number' && Number.isFinite(x) ? x : null);
const moments = (m: Moments): StoredMoments => ({ mean: m.mean, std: m.std, rms: m.rms });
const band = (b: Band | null): StoredBand | null => (b ? { min: b.min, max: b.max } : null);
const histogram = (h: Histogram): StoredHistogram => ({ edges: [...h.edges], counts: [...h.counts] });

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
      weightVariance: s.weightVariance,
      inputStd: s.inputStd,
      finalStd: num(s.finalStd),
      ratio: num(s.ratio),
      signalState: s.signalState,
      thresholds: { vanishingBelow: s.thresholds.vanishingBelow, explodingAbove: s.thresholds.explodingAbove },
      symmetryBroken: s.symmetryBroken,
      recommendedScheme: s.recommendedScheme,
      verdict: s.verdict,
      theoryFinalStd: num(s.theoryFinalStd),
      overflowLayer: s.overflowLayer,
      gradientOverflowLayer: s.gradientOverflowLayer,
      underflowLayer: s.underflowLayer,
    },
    layers: result.layers.map((l) => ({
      layer: l.layer,
      width: l.width,
      pre: l.pre && moments(l.pre),
      post: l.post && { ...moments(l.post), deadFraction: l.post.deadFraction, saturatedFraction: l.post.saturatedFraction },
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
    histograms: options.histograms === false ? null : result.layers.map((l) => (l.histogram ? { pre: histogram(l.histogram.pre), post: histogram(l.histogram.post) } : null)),
  };
}

/** The per-layer curve of one statistic, e.g. curve(result, (l) => l.post.std), for charts. */
export function curve(result: StoredRunResult, pick: (layer: StoredLayer) => StoredNumber): StoredNumber[] {
  return result.layers.map(pick);
}
