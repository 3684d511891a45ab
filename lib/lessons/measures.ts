/**
 * Named quantities read off a SimResult. Lessons, tables, checks and tests pick numbers through
 * these functions instead of poking into the result shape in many places, so every "final std"
 * in the lessons means the same statistic (post-activation std of the last layer).
 */
import type { SimResult } from '../sim/types';

export type Measure = (r: SimResult) => number;

/**
 * A statistic the lesson relies on. The engine gives null for an overflowed value; a lesson's
 * config that overflows is an authoring error, so it fails loudly (the facts test computes every
 * fact) rather than printing a number that is not there.
 */
export function known(x: number | null | undefined): number {
  if (x === null || x === undefined) throw new Error('A lesson statistic overflowed (the engine returned null); choose a config that stays finite');
  return x;
}

const last = (r: SimResult) => r.layers[r.layers.length - 1];

export const measures = {
  /** Post-activation std of the last layer (what the simulator calls the final std). */
  finalStd: (r) => known(r.summary.finalStd),
  /** finalStd / inputStd. */
  ratio: (r) => known(r.summary.ratio),
  /** Pre-activation std of the first layer. */
  firstPreStd: (r) => known(r.layers[0].pre?.std),
  /** Pre-activation std of the last layer. */
  finalPreStd: (r) => known(last(r).pre?.std),
  /** Post-activation RMS (square root of the second moment) of the last layer. */
  finalRms: (r) => known(last(r).post?.rms),
  /** Post-activation mean of the last layer. */
  finalMean: (r) => known(last(r).post?.mean),
  /** Post std over pre std at the last layer: ~0.58 for ReLU when the pre-activation is centred. */
  finalPostOverPre: (r) => known(last(r).post?.std) / known(last(r).pre?.std),
  /** Gradient RMS at the first layer's output relative to the last layer's (backward gain). */
  gradientRatio: (r) => known(r.layers[0].gradientNorm) / known(last(r).gradientNorm),
  /** Saturated fraction of the last layer (tanh, sigmoid). */
  finalSaturated: (r) => known(last(r).post?.saturatedFraction),
  /**
   * Geometric-mean factor by which the post-activation RMS changes per layer, measured from
   * layer 1 to the last layer. A straight line on a log plot has exactly this slope.
   */
  perLayerRmsFactor: (r) => {
    const L = r.layers.length;
    if (L < 2) return 1;
    return Math.pow(known(last(r).post?.rms) / known(r.layers[0].post?.rms), 1 / (L - 1));
  },
  /** Mean-field (infinite-width) prediction of finalStd / inputStd. */
  ratioTheory: (r) => known(last(r).theory.postStd ?? last(r).theory.postRms) / r.config.inputStd,
  /** Mean-field prediction of the last layer's pre-activation std. */
  finalPreStdTheory: (r) => known(last(r).theory.preStd),
  /** Mean-field prediction of the last layer's post-activation RMS. */
  finalRmsTheory: (r) => known(last(r).theory.postRms),
  /** Mean-field prediction of gradientRatio. */
  gradientRatioTheory: (r) => known(r.layers[0].theory.gradientNorm) / known(last(r).theory.gradientNorm),
  /** Var(W) of the first layer as the engine computed it. */
  weightVariance: (r) => r.summary.weightVariance,
} satisfies Record<string, Measure>;

export type MeasureName = keyof typeof measures;
