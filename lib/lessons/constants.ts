/**
 * Mathematical constants the lessons quote. They are not simulation results, but they are still
 * computed here rather than typed into prose, so the text and the theory cannot disagree and the
 * hand-typed-number scan (tests/lessons/no-typed-numbers.test.ts) has nothing to allow.
 */

/** std of ReLU(z) over std of z for centred Gaussian z: sqrt(1/2 - 1/(2π)). */
export const POST_RELU_STD_FACTOR = Math.sqrt(0.5 - 1 / (2 * Math.PI));

/** RMS of ReLU(z) over std of z: sqrt(1/2). */
export const POST_RELU_RMS_FACTOR = Math.sqrt(0.5);

/** Mean of ReLU(z) over std of z: 1/sqrt(2π). */
export const POST_RELU_MEAN_FACTOR = 1 / Math.sqrt(2 * Math.PI);

/** PyTorch's calculate_gain('tanh'). */
export const TANH_GAIN = 5 / 3;

/** He gain for ReLU. */
export const RELU_GAIN = Math.SQRT2;

/** Uniform U(-b, b) has std b / sqrt(3), so a target std s needs b = sqrt(3) s. */
export const UNIFORM_BOUND_FACTOR = Math.sqrt(3);

/** Leaky ReLU gain sqrt(2 / (1 + a²)). */
export function leakyReluGain(a: number): number {
  return Math.sqrt(2 / (1 + a * a));
}

/** Largest value of the logistic sigmoid's derivative (at 0). */
export const SIGMOID_MAX_SLOPE = 0.25;

/** SELU constants from Klambauer et al. (2017), as used by PyTorch. */
export const SELU_ALPHA = 1.6732632423543772;
export const SELU_SCALE = 1.0507009873554805;

/** The e ≈ 2.718 that (1 + 1/L)^L approaches: the growth bound of a 1/√L-scaled residual stream. */
export const EULER_E = Math.E;
