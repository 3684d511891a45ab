/**
 * The engine's result types: the JSON contract of `initlab simulate --json`, what the simulator
 * page draws, what grading reads and what experiments store. Changing a field's meaning means
 * bumping ENGINE_VERSION (lib/sim/version.ts) so stored runs stay interpretable.
 */
import type { Scheme, SimConfig } from '../validation/sim-config';
import type { Prediction, VerdictChange } from './verdict';

export type { Prediction, VerdictChange } from './verdict';

/** See lib/sim/signal-state.ts for the scale (stable = within a factor of 2 of the input). */
export type SignalState = 'vanishing' | 'fading' | 'stable' | 'growing' | 'exploding';

/**
 * Equal-width bins (40) over a robust range: [max(min, mean - 4 std), min(max, mean + 4 std)] of
 * the layer's values; counts[i] covers [edges[i], edges[i+1]). Values outside the range are
 * counted in the first or last bin, so the counts sum to units x samples (finite values only).
 */
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
  /**
   * ReLU and leaky ReLU: fraction of units whose pre-activation is <= 0 for every sample (they
   * pass no gradient, or only the leak, for this batch). 0 for other activations.
   */
  deadFraction: number;
  /**
   * Fraction of all activation values phi(z) (units x samples, before any residual skip) that are
   * saturated — tanh: |phi| > 0.97; sigmoid: phi < 0.03 or phi > 0.97; 0 for other activations.
   */
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
  /**
   * Mean-field predictions of the same quantities (Gauss-Legendre quadrature; see
   * lib/sim/mean-field.ts). postStd and postMean are additive extras.
   */
  theory: { preStd: number; postRms: number; gradientNorm: number; postStd?: number; postMean?: number };
  histogram: { pre: Histogram; post: Histogram };
  /** Spread of the Monte Carlo statistics over the band's seeds. */
  band: { preStd: Band; postStd: Band; postRms: Band; gradientNorm: Band };
  /** True when every unit of this layer has exactly the same pre-activation for every sample. */
  unitsIdentical?: boolean;
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
  /** Average factor per layer, ratio^(1/L); NaN when the run overflowed. */
  perLayerFactor: number;
  signalState: SignalState;
  /** Thresholds used for signalState (lib/sim/signal-state.ts), so the UI can state them. */
  thresholds: { stableWithin: number; vanishingBelow: number; explodingAbove: number };
  /** false when every unit of a layer computes the same value (e.g. zero init). */
  symmetryBroken: boolean;
  recommendedScheme: Scheme;
  /** The gain to use with the recommended scheme for this activation and depth. */
  recommendedGain: number;
  /** Why that scheme is recommended for this activation and depth (one or two sentences). */
  recommendation: string;
  /**
   * 'match' when the whole choice keeps the signal as level as this network allows (see
   * lib/sim/verdict.ts), otherwise 'mismatch'.
   */
  verdict: 'match' | 'mismatch';
  /** What to change for a match (empty for a match). */
  changes: VerdictChange[];
  /** Mean-field forward and gradient ratios of this config, and of the recommended setup. */
  predicted: Prediction;
  reference: Prediction;
  /** Mean-field prediction of finalStd (additive extra). */
  theoryFinalStd?: number;
}

export interface SimResult {
  engineVersion: string;
  /** The normalized config that was run. */
  config: SimConfig;
  /**
   * `materialized`: weights sampled and multiplied; `covariance`: W a drawn from its exact law
   * given the Gram matrix of a (Gaussian pre-activations; square orthogonal layers via a random
   * frame), backward with independent weights (see lib/sim/network.ts).
   */
  path: 'materialized' | 'covariance';
  /** Number of seeds in the band (seed, seed+1, ...). */
  bandSeeds: number;
  input: Moments;
  layers: LayerResult[];
  summary: Summary;
  /** First layer (1-based) whose statistics overflowed to Infinity/NaN, or null (additive extra). */
  overflowLayer?: number | null;
}

/** Progress callback for long runs (fraction 0..1). Return false to cancel. */
export type ProgressFn = (fraction: number) => boolean | void;
