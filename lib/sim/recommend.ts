/**
 * The recommended initialization for an activation and depth, with a one- or two-sentence
 * reason whose numbers come from the mean-field model (so tests can check every claim).
 *
 * - ReLU / leaky ReLU: He, Var(W) = 2 / fan_in (leaky: 2 / ((1 + a^2) fan_in)): keeps q fixed.
 * - linear: orthogonal (exact norm preservation for square layers; Var(W) = 1 / n).
 * - SELU: LeCun normal, Var(W) = 1 / fan_in (SELU's self-normalizing fixed point).
 * - tanh: a trade-off. Gain 1 (Xavier) lets q decay slowly; gain 5/3 (PyTorch) holds the forward
 *   signal but the gradient factor per layer exceeds 1. We search the gain g (Var(W) = g^2 / n)
 *   that minimizes max(|ln forward ratio|, |ln gradient ratio|) at this depth, where
 *   forward ratio = predicted post RMS of the last layer / input std and
 *   gradient ratio = predicted gradient RMS at layer 1 / at layer L (unit input std).
 * - GELU / Swish: He-style fan_in scaling with the computed variance-preserving gain; the
 *   gradient factor per layer is not exactly 1, so the gradient drifts with depth (reported).
 * - sigmoid: no scale works in a deep stack: with the forward-preserving gain the gradient factor
 *   per layer is far below 1, and the gain that would hold the gradient saturates most units.
 */
import { log } from './exact-math';
import type { Activation, Scheme, SimConfig } from '../validation/sim-config';
import { calculateGain, varianceGain } from './activations';
import { erfc } from './erf';
import { gaussianMoments, meanField } from './mean-field';

export interface Recommendation {
  scheme: Scheme;
  /** The gain to use with that scheme (Var(W) = gain^2 / fan_in for square layers). */
  gain: number;
  /** Gains accepted as a match (inclusive), on the same scale. */
  acceptedGains: { min: number; max: number };
  text: string;
}

const fmt = (x: number, digits = 3) => Number(x.toPrecision(digits)).toString();

/** A square plain network of this activation and depth with Var(W) = gain^2 / n. */
function squareConfig(act: Activation, layers: number, gain: number, param: number): SimConfig {
  return {
    scheme: 'lecun-normal',
    fanMode: 'fan_in',
    gain,
    customStd: 0.05,
    activation: act,
    activationParam: param,
    layers,
    width: 256,
    inputStd: 1,
    samples: 64,
    seed: 1,
    biasStd: 0,
    residual: 'none',
    normalization: 'none',
  };
}

export interface DepthTrend {
  /** Mean-field post RMS of the last layer divided by the input std (1). */
  forwardRatio: number;
  /** Mean-field gradient RMS at layer 1 divided by that at layer L. */
  gradientRatio: number;
}

/** Mean-field forward and gradient ratios of a plain square stack with Var(W) = gain^2 / n. */
export function depthTrend(act: Activation, layers: number, gain: number, param = 0.01): DepthTrend {
  const mf = meanField(squareConfig(act, layers, gain, param));
  return { forwardRatio: mf[mf.length - 1].postRms, gradientRatio: mf[0].gradientNorm / mf[mf.length - 1].gradientNorm };
}

/**
 * The tanh gain that balances forward decay against gradient growth at this depth: minimizes
 * max(|ln forwardRatio|, |ln gradientRatio|) over g in [1, 5/3] (golden-section search on a
 * unimodal objective; the forward term falls and the gradient term rises with g).
 */
const tanhGainCache = new Map<number, number>();

export function balancedTanhGain(layers: number): number {
  const cached = tanhGainCache.get(layers);
  if (cached !== undefined) return cached;
  const g = searchTanhGain(layers);
  tanhGainCache.set(layers, g);
  return g;
}

function searchTanhGain(layers: number): number {
  const cost = (g: number) => {
    const t = depthTrend('tanh', layers, g);
    return Math.max(Math.abs(log(t.forwardRatio)), Math.abs(log(t.gradientRatio)));
  };
  let a = 1;
  let b = 5 / 3;
  const r = (Math.sqrt(5) - 1) / 2;
  let c = b - r * (b - a);
  let d = a + r * (b - a);
  let fc = cost(c);
  let fd = cost(d);
  for (let i = 0; i < 30; i++) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - r * (b - a);
      fc = cost(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + r * (b - a);
      fd = cost(d);
    }
  }
  return (a + b) / 2;
}

/** Per-layer factor on the gradient's second moment at the fixed point q = 1 (gain g). */
function gradientFactorAtUnitQ(act: Activation, gain: number, param = 0.01): number {
  return gain * gain * gaussianMoments(act, 1, param).derivSecond;
}

/** The sigmoid gain at which the mean-field gradient factor per layer reaches 1, and the saturation there. */
let sigmoidCache: { gain: number; saturated: number; q: number } | undefined;

export function sigmoidGradientPreservingGain(): { gain: number; saturated: number; q: number } {
  return (sigmoidCache ??= searchSigmoidGain());
}

function searchSigmoidGain(): { gain: number; saturated: number; q: number } {
  // Fixed point of q = g^2 E[sigmoid(sqrt(q) xi)^2] (a contraction: E[sigmoid^2] is in
  // [1/4, 1) and flat in q); chi = g^2 E[sigmoid'^2] at it; solve chi = 1 by bisection on ln g.
  const fixedQ = (g: number) => {
    let q = 1;
    for (let i = 0; i < 200; i++) {
      const next = g * g * gaussianMoments('sigmoid', q).second;
      const done = Math.abs(next - q) <= 1e-12 * next;
      q = next;
      if (done) break;
    }
    return q;
  };
  const chi = (g: number) => g * g * gaussianMoments('sigmoid', fixedQ(g)).derivSecond;
  let lo = 1;
  let hi = 100;
  for (let i = 0; i < 45; i++) {
    const mid = Math.sqrt(lo * hi);
    if (chi(mid) < 1) lo = mid;
    else hi = mid;
  }
  const gain = Math.sqrt(lo * hi);
  const q = fixedQ(gain);
  // Fraction of sigmoid outputs beyond 0.03 / 0.97: |z| > ln(0.97 / 0.03).
  const zs = log(0.97 / 0.03) / Math.sqrt(q);
  const saturated = erfc(zs / Math.SQRT2);
  return { gain, saturated, q };
}

const recommendationCache = new Map<string, Recommendation>();

export function recommendScheme(activation: Activation, layers: number, activationParam = 0.01): Recommendation {
  const key = `${activation}:${layers}:${activation === 'leaky-relu' ? activationParam : 0}`;
  let rec = recommendationCache.get(key);
  if (!rec) {
    rec = computeRecommendation(activation, layers, activationParam);
    recommendationCache.set(key, rec);
  }
  return rec;
}

function computeRecommendation(activation: Activation, layers: number, activationParam: number): Recommendation {
  switch (activation) {
    case 'relu':
      return {
        scheme: 'he-normal',
        gain: Math.SQRT2,
        acceptedGains: { min: Math.SQRT2 * 0.95, max: Math.SQRT2 * 1.05 },
        text:
          'ReLU zeroes the negative half of each pre-activation, halving its second moment, so He initialization (Var(W) = 2 / fan_in) doubles the weights\u2019 variance to keep the signal and the gradients level at any depth.',
      };
    case 'leaky-relu': {
      const g = calculateGain('leaky-relu', activationParam);
      return {
        scheme: 'he-normal',
        gain: g,
        acceptedGains: { min: Math.min(g, Math.SQRT2) * 0.95, max: Math.max(g, Math.SQRT2) * 1.05 },
        text: `Leaky ReLU with slope ${fmt(activationParam)} keeps a fraction (1 + a\u00b2) / 2 of the second moment, so He initialization with gain sqrt(2 / (1 + a\u00b2)) = ${fmt(g, 4)} (Var(W) = ${fmt(g * g, 4)} / fan_in) keeps the signal level; PyTorch\u2019s default He gain sqrt 2 is ${fmt((Math.SQRT2 / g - 1) * 100, 2)}% larger.`,
      };
    }
    case 'linear':
      return {
        scheme: 'orthogonal',
        gain: 1,
        acceptedGains: { min: 0.95, max: 1.05 },
        text:
          'A linear stack multiplies the signal by the weight matrices, so orthogonal weights (gain 1) preserve every input\u2019s norm exactly through square layers; Var(W) = 1 / n (Xavier, LeCun) keeps it only on average, drifting with depth at finite width.',
      };
    case 'selu':
      return {
        scheme: 'lecun-normal',
        gain: 1,
        acceptedGains: { min: 0.95, max: 1.05 },
        text:
          'SELU\u2019s constants make mean 0 and variance 1 a stable fixed point when Var(W) = 1 / fan_in, so LeCun normal keeps the signal self-normalizing at any depth (PyTorch\u2019s SELU gain 3/4 gives a smaller variance on purpose, for training, not for this fixed point).',
      };
    case 'tanh': {
      const g = balancedTanhGain(layers);
      const atOne = depthTrend('tanh', layers, 1);
      const atTorch = depthTrend('tanh', layers, 5 / 3);
      const atBest = depthTrend('tanh', layers, g);
      return {
        scheme: 'xavier-normal',
        gain: g,
        acceptedGains: { min: 0.95, max: (5 / 3) * 1.05 },
        text: `tanh is a trade-off: over ${layers} layers Xavier (gain 1) lets the signal decay to ${fmt(atOne.forwardRatio)}\u00d7 the input, while PyTorch\u2019s gain 5/3 holds it at ${fmt(atTorch.forwardRatio)}\u00d7 but grows the gradient ${fmt(atTorch.gradientRatio)}\u00d7 towards the first layer. For this depth a gain of ${fmt(g)} balances the two (signal ${fmt(atBest.forwardRatio)}\u00d7, gradient ${fmt(atBest.gradientRatio)}\u00d7).`,
      };
    }
    case 'gelu':
    case 'swish': {
      const g = varianceGain(activation);
      const chi = gradientFactorAtUnitQ(activation, g);
      const trend = depthTrend(activation, layers, g);
      const name = activation === 'gelu' ? 'GELU' : 'Swish';
      return {
        scheme: 'he-normal',
        gain: g,
        acceptedGains: { min: g * 0.95, max: g * 1.05 },
        text: `${name} has no textbook gain; the engine computes g = 1 / sqrt(E[\u03c6(\u03be)\u00b2]) = ${fmt(g, 4)}, so with He-style Var(W) = ${fmt(g * g, 4)} / fan_in a pre-activation variance of exactly 1 is reproduced. That balance is not stable and the gradient factor is ${fmt(Math.sqrt(chi), 4)} per layer there, so the signal still drifts with depth: over ${layers} layers from a unit input the last layer\u2019s RMS is ${fmt(trend.forwardRatio)}\u00d7 the input and the gradient at layer 1 is ${fmt(trend.gradientRatio)}\u00d7 the output\u2019s.`,
      };
    }
    case 'sigmoid': {
      const trend = depthTrend('sigmoid', layers, 1);
      const keep = sigmoidGradientPreservingGain();
      return {
        scheme: 'xavier-normal',
        gain: 1,
        acceptedGains: { min: 0.95, max: 1.05 },
        text: `Sigmoid loses the gradient in deep stacks whatever the scale: its slope is at most 1/4 and its output is centred at 0.5, so with Xavier (gain 1) the gradient reaching layer 1 of ${layers} is ${fmt(trend.gradientRatio)}\u00d7 the output\u2019s, and the gain that would hold it level (about ${fmt(keep.gain)}) saturates ${fmt(keep.saturated * 100, 2)}% of the units. Prefer tanh, ReLU or another zero-centred activation.`,
      };
    }
  }
}

/**
 * Whether recommendScheme already holds this answer (for the cost model: a first tanh
 * recommendation at a new depth searches the gain with dozens of mean-field runs).
 */
export function recommendationCached(activation: Activation, layers: number, activationParam = 0.01): boolean {
  // The same key as recommendScheme's.
  return recommendationCache.has(`${activation}:${layers}:${activation === 'leaky-relu' ? activationParam : 0}`);
}
