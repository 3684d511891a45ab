/**
 * The engine's result types: the JSON contract of `initlab simulate --json`, what the simulator
 * page draws, what grading reads and what experiments store. Changing a field's meaning means
 * bumping ENGINE_VERSION (lib/sim/version.ts) so stored runs stay interpretable.
 */
import type { Scheme, SimConfig } from '../validation/sim-config';

export type SignalState = 'vanishing' | 'stable' | 'exploding';

/** Equal-width bins over [min, max]; counts[i] covers [edges[i], edges[i+1]). */
export interface Histogram {
  edges: number[];
  counts: number[];
}

/** Moments over every unit and every sample of one layer. std is the population std. */
export interface Moments {
  mean: number;
  std: number;
  /** Root mean square, sqrt(E[x^2]): the second moment mean-field theory tracks. */
  rms: number;
}

export interface PostMoments extends Moments {
  /** ReLU-family: fraction of units that are zero (<= 0 slope region) for every sample. */
  deadFraction: number;
  /** tanh: |a| > 0.97; sigmoid: a < 0.03 or a > 0.97; 0 for other activations. */
  saturatedFraction: number;
}

/** Min and max over the band's seeds, for drawing the Monte Carlo spread. */
export interface Band {
  min: number;
  max: number;
}

export interface LayerResult {
  /** 1-based layer index. */
  layer: number;
  /** Output width of this layer. */
  width: number;
  /** z_l = W_l a_{l-1} (+ bias), after normalization if any: what phi is applied to. */
  pre: Moments;
  /** a_l = phi(z_l) (+ a_{l-1} with residual connections). */
  post: PostMoments;
  /**
   * ||dL/da_{l}|| / sqrt(width_l): the RMS of the back-propagated gradient at this layer's
   * output for a unit-variance gradient at the network's output (so the last layer is ~1).
   */
  gradientNorm: number;
  /** Mean-field predictions of the same quantities (Gauss-Legendre quadrature). */
  theory: { preStd: number; postRms: number; gradientNorm: number };
  histogram: { pre: Histogram; post: Histogram };
  /** Spread of the Monte Carlo statistics over the band's seeds. */
  band: { preStd: Band; postStd: Band; postRms: Band; gradientNorm: Band };
}

export interface Summary {
  scheme: Scheme;
  /** Human formula of the scheme, e.g. "Var(W) = 2 / fan_in". */
  formula: string;
  /** Var(W) of the first layer for this config. */
  weightVariance: number;
  inputStd: number;
  /** Post-activation std of the last layer. */
  finalStd: number;
  /** finalStd / inputStd. */
  ratio: number;
  signalState: SignalState;
  /** Thresholds used for signalState, so the UI can state them. */
  thresholds: { vanishingBelow: number; explodingAbove: number; description: string };
  /** false when every unit of a layer computes the same value (e.g. zero init). */
  symmetryBroken: boolean;
  recommendedScheme: Scheme;
  /** Why that scheme is recommended for this activation and depth (one or two sentences). */
  recommendation: string;
  /** 'match' when the chosen init is the recommended kind, otherwise 'mismatch'. */
  verdict: 'match' | 'mismatch';
  /** One sentence explaining the verdict. */
  verdictText: string;
}

export interface SimResult {
  engineVersion: string;
  /** The normalized config that was run. */
  config: SimConfig;
  /** `materialized`: weights sampled and multiplied; `covariance`: exact Gaussian pre-activations. */
  path: 'materialized' | 'covariance';
  /** Number of seeds in the band (seed, seed+1, ...). */
  bandSeeds: number;
  input: Moments;
  layers: LayerResult[];
  summary: Summary;
}

/** Progress callback for long runs (fraction 0..1). Return false to cancel. */
export type ProgressFn = (fraction: number) => boolean | void;
