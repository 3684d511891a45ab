/**
 * Mathematical constants the lessons quote. They are not simulation results, but they are still
 * computed here rather than typed into prose, so the text and the theory cannot disagree and the
 * hand-typed-number scan (tests/lessons/no-typed-numbers.test.ts) has nothing to allow. Gains
 * and the SELU constants come from the engine itself (calculateGain, SELU_ALPHA, SELU_SCALE).
 */

/** std of ReLU(z) over std of z for centred Gaussian z: sqrt(1/2 - 1/(2π)). */
export const POST_RELU_STD_FACTOR = Math.sqrt(0.5 - 1 / (2 * Math.PI));

/** Mean of ReLU(z) over std of z: 1/sqrt(2π). */
export const POST_RELU_MEAN_FACTOR = 1 / Math.sqrt(2 * Math.PI);

/** Uniform U(-b, b) has std b / sqrt(3), so a target std s needs b = sqrt(3) s. */
export const UNIFORM_BOUND_FACTOR = Math.sqrt(3);

/** Largest value of the logistic sigmoid's derivative (at 0). */
export const SIGMOID_MAX_SLOPE = 0.25;

/** The e ≈ 2.718 that (1 + 1/L)^L approaches: the growth bound of a 1/√L-scaled residual stream. */
export const EULER_E = Math.E;
