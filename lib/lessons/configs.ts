/**
 * Named configs the lessons run, link to ("try it") and tabulate. Keeping them in one module lets
 * a fact, the table next to it and the try-it button below it point at literally the same run.
 * Numbers here are inputs (depth, width, a gain the reader is asked to try), never results.
 */
import type { SimConfigInput } from '../validation/sim-config';

const base = { width: 256, seed: 1 } as const;

export const CONFIGS = {
  xavierRelu12: { ...base, scheme: 'xavier-normal', activation: 'relu', layers: 12 },
  heRelu12: { ...base, scheme: 'he-normal', activation: 'relu', layers: 12 },
  smallRelu12: { ...base, scheme: 'small-random', activation: 'relu', layers: 12 },
  largeRelu12: { ...base, scheme: 'large-random', activation: 'relu', layers: 12 },
  xavierRelu20: { ...base, scheme: 'xavier-normal', activation: 'relu', layers: 20 },
  linearXavier50: { ...base, scheme: 'xavier-normal', activation: 'linear', layers: 50 },
  linearShrink50: { ...base, scheme: 'xavier-normal', activation: 'linear', layers: 50, gain: 0.9 },
  linearGrow50: { ...base, scheme: 'xavier-normal', activation: 'linear', layers: 50, gain: 1.1 },
  /** A pyramid: every layer halves the width, so fan_in = 2 fan_out everywhere. */
  pyramidFanIn: { ...base, scheme: 'xavier-normal', activation: 'linear', layers: 5, width: 1024, widths: [512, 256, 128, 64, 32], fanMode: 'fan_in' },
  pyramidFanAvg: { ...base, scheme: 'xavier-normal', activation: 'linear', layers: 5, width: 1024, widths: [512, 256, 128, 64, 32], fanMode: 'fan_avg' },
  pyramidFanOut: { ...base, scheme: 'xavier-normal', activation: 'linear', layers: 5, width: 1024, widths: [512, 256, 128, 64, 32], fanMode: 'fan_out' },
  xavierUniformLinear12: { ...base, scheme: 'xavier-uniform', activation: 'linear', layers: 12 },
  xavierNormalLinear12: { ...base, scheme: 'xavier-normal', activation: 'linear', layers: 12 },
  leakyHeDefault30: { ...base, scheme: 'he-normal', activation: 'leaky-relu', activationParam: 0.5, layers: 30 },
  leakyHeMatched30: { ...base, scheme: 'he-normal', activation: 'leaky-relu', activationParam: 0.5, layers: 30, gain: 'activation' },
  zeroRelu12: { ...base, scheme: 'zero', activation: 'relu', layers: 12 },
  zeroReluBatchNorm12: { ...base, scheme: 'zero', activation: 'relu', layers: 12, normalization: 'batchnorm' },
  tanhXavier50: { ...base, scheme: 'xavier-normal', activation: 'tanh', layers: 50 },
  tanhMatched50: { ...base, scheme: 'xavier-normal', activation: 'tanh', layers: 50, gain: 'activation' },
  sigmoidXavier20: { ...base, scheme: 'xavier-normal', activation: 'sigmoid', layers: 20 },
  geluHe50: { ...base, scheme: 'he-normal', activation: 'gelu', layers: 50 },
  geluMatched50: { ...base, scheme: 'he-normal', activation: 'gelu', layers: 50, gain: 'activation' },
  swishMatched50: { ...base, scheme: 'he-normal', activation: 'swish', layers: 50, gain: 'activation' },
  seluLecun50: { ...base, scheme: 'lecun-normal', activation: 'selu', layers: 50 },
  seluHe50: { ...base, scheme: 'he-normal', activation: 'selu', layers: 50 },
  smallReluBatchNorm12: { ...base, scheme: 'small-random', activation: 'relu', layers: 12, normalization: 'batchnorm' },
  largeReluLayerNorm12: { ...base, scheme: 'large-random', activation: 'relu', layers: 12, normalization: 'layernorm' },
  residualPlain20: { ...base, scheme: 'he-normal', activation: 'relu', layers: 20, residual: 'plain' },
  residualScaled20: { ...base, scheme: 'he-normal', activation: 'relu', layers: 20, residual: 'scaled' },
  residualScaled2L20: { ...base, scheme: 'he-normal', activation: 'relu', layers: 20, residual: 'scaled-2l' },
  residualZero20: { ...base, scheme: 'he-normal', activation: 'relu', layers: 20, residual: 'zero-init' },
  heRelu12Narrow: { ...base, scheme: 'he-normal', activation: 'relu', layers: 12, width: 64 },
  heRelu12Wide: { ...base, scheme: 'he-normal', activation: 'relu', layers: 12, width: 1024 },
  heRelu12Input2: { ...base, scheme: 'he-normal', activation: 'relu', layers: 12, inputStd: 2 },
} satisfies Record<string, SimConfigInput>;

export type ConfigName = keyof typeof CONFIGS;
