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

/**
 * Overflow and underflow (ENGINE_VERSION 1.2): a layer whose values overflowed to Infinity or NaN,
 * and every layer after it, has `pre`, `post`, `histogram` and the band null ("overflowed"), never
 * 0; the gradient is null from the layer where the backward pass overflowed down to layer 1, and
 * for every layer when the forward pass overflowed (the backward pass starts from its output).
 * An underflow to exactly 0 keeps its zeros (they are what float64 computes) and is named by
 * `summary.underflowLayer`.
 */
export interface LayerResult {
  /** 1-based layer index. */
  layer: number;
  /** Output width of this layer. */
  width: number;
  /** z_l = W_l a_{l-1} (+ bias), after normalization if any: what phi is applied to. Null: overflowed. */
  pre: Moments | null;
  /** a_l = phi(z_l) (+ a_{l-1} with residual connections). Null: overflowed. */
  post: PostMoments | null;
  /**
   * ||dL/da_{l}|| / sqrt(width_l): the RMS of the back-propagated gradient at this layer's
   * output for a unit-variance gradient at the network's output (so the last layer is ~1).
   * Null: overflowed (see above).
   */
  gradientNorm: number | null;
  /**
   * Mean-field predictions of the same quantities (Gauss-Legendre quadrature; see
   * lib/sim/mean-field.ts). postStd and postMean are additive extras. Null where the prediction
   * itself overflows (e.g. Var(W) fan_in = 512 over 200 layers).
   */
  theory: { preStd: number | null; postRms: number | null; gradientNorm: number | null; postStd?: number | null; postMean?: number | null };
  /** Null: overflowed. */
  histogram: { pre: Histogram; post: Histogram } | null;
  /** Spread of the Monte Carlo statistics over the band's seeds; null when any seed overflowed there. */
  band: { preStd: Band | null; postStd: Band | null; postRms: Band | null; gradientNorm: Band | null };
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
  /** Post-activation std of the last layer; null when the forward pass overflowed. */
  finalStd: number | null;
  /** finalStd / inputStd; null when the forward pass overflowed. */
  ratio: number | null;
  /** Average factor per layer, ratio^(1/L); null when the run overflowed. */
  perLayerFactor: number | null;
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
  /** Mean-field prediction of finalStd (additive extra); null when it overflows. */
  theoryFinalStd?: number | null;
  /**
   * Codes, not prose: the first layer (1-based) whose forward values overflowed (signal state
   * 'exploding'), the layer where the backward gradient first overflowed ('exploding'), and the
   * first layer whose pre-activations underflowed to exactly 0 with non-zero weights
   * ('vanishing'; distinct from a zero init, whose symmetry is never broken). Null when none.
   */
  overflowLayer: number | null;
  gradientOverflowLayer: number | null;
  underflowLayer: number | null;
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
  /** Same as summary.overflowLayer (kept where 1.1 put it). */
  overflowLayer?: number | null;
}

/** Progress callback for long runs (fraction 0..1). Return false to cancel. */
export type ProgressFn = (fraction: number) => boolean | void;
