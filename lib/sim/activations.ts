/**
 * Activation functions, their derivatives and gains. Definitions follow PyTorch:
 * leaky ReLU uses the config's slope (default 0.01); GELU is the exact x * Phi(x) (erf form);
 * SELU uses PyTorch's alpha and lambda; Swish is SiLU, x * sigmoid(x). At exactly 0 the ReLU
 * derivative is 0 and the leaky ReLU derivative is the slope, as in PyTorch's backward.
 *
 * Gains: `calculateGain` returns torch.nn.init.calculate_gain for the activations PyTorch knows.
 * For GELU and Swish (PyTorch has none) it returns the variance-preserving gain
 *   g = 1 / sqrt(E[phi(xi)^2]),  xi ~ N(0, 1),
 * i.e. the gain for which Var(W) = g^2 / fan_in makes q = 1 a fixed point of the mean-field
 * second-moment map q -> g^2 E[phi(sqrt(q) xi)^2]. The same definition gives sqrt 2 for ReLU and
 * 1 for linear, so it agrees with PyTorch where PyTorch's gain is derived this way.
 */
import { exp, expm1, tanh } from './exact-math';
import type { Activation } from '../validation/sim-config';
import { normalCdf, normalPdf } from './erf';
import { expectNormal } from './quadrature';

export const SELU_ALPHA = 1.6732632423543772848170429916717;
export const SELU_SCALE = 1.0507009873554804934193349852946;

export const ACTIVATION_INFO: Record<Activation, { label: string; hasParam: boolean }> = {
  linear: { label: 'Linear (identity)', hasParam: false },
  relu: { label: 'ReLU', hasParam: false },
  'leaky-relu': { label: 'Leaky ReLU', hasParam: true },
  tanh: { label: 'tanh', hasParam: false },
  sigmoid: { label: 'Sigmoid', hasParam: false },
  gelu: { label: 'GELU (exact)', hasParam: false },
  selu: { label: 'SELU', hasParam: false },
  swish: { label: 'Swish / SiLU', hasParam: false },
};

function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + exp(-x));
  const e = exp(x);
  return e / (1 + e);
}

/** sigmoid'(x) = e^-|x| / (1 + e^-|x|)^2, without the cancellation of s(1 - s). */
function sigmoidPrime(x: number): number {
  const e = exp(-Math.abs(x));
  const d = 1 + e;
  return e / (d * d);
}

/** tanh'(x) = sech^2(x) = 4 e^-2|x| / (1 + e^-2|x|)^2, accurate in the tails. */
function tanhPrime(x: number): number {
  const e = exp(-2 * Math.abs(x));
  const d = 1 + e;
  return (4 * e) / (d * d);
}

/** phi for one value. `param` is the leaky ReLU slope. */
export function activate(act: Activation, x: number, param = 0.01): number {
  switch (act) {
    case 'linear':
      return x;
    case 'relu':
      return x > 0 ? x : 0;
    case 'leaky-relu':
      return x > 0 ? x : param * x;
    case 'tanh':
      return tanh(x);
    case 'sigmoid':
      return sigmoid(x);
    case 'gelu':
      return x * normalCdf(x);
    case 'selu':
      return x > 0 ? SELU_SCALE * x : SELU_SCALE * SELU_ALPHA * expm1(x);
    case 'swish':
      return x * sigmoid(x);
  }
}

/** phi' for one value. */
export function activateDerivative(act: Activation, x: number, param = 0.01): number {
  switch (act) {
    case 'linear':
      return 1;
    case 'relu':
      return x > 0 ? 1 : 0;
    case 'leaky-relu':
      return x > 0 ? 1 : param;
    case 'tanh':
      return tanhPrime(x);
    case 'sigmoid':
      return sigmoidPrime(x);
    case 'gelu':
      return normalCdf(x) + x * normalPdf(x);
    case 'selu':
      return x > 0 ? SELU_SCALE : SELU_SCALE * SELU_ALPHA * exp(x);
    case 'swish': {
      const s = sigmoid(x);
      return s * (1 + x * (1 - s));
    }
  }
}

/**
 * Branch-free ReLU and leaky ReLU. Half the units of a layer are negative, in random order, so
 * `z > 0 ? ... : ...` mispredicts about every other value; instead the slope is looked up by
 * (z > 0) and multiplied in, which gives the branchy form's values: x * 1 = x, and for ReLU
 * x * 0 + 0 = +0 for every finite x (the + 0 turns -0 into +0; a gradient of exactly -0 where
 * z > 0 becomes +0, the same number). Only ReLU needs a guard: for -Infinity or NaN (x * 0 is
 * NaN) the caller passes `finite = false` and gets the branchy loop.
 */
const slopes = new Float64Array(2);

/**
 * out[i] = phi(z[i]); the switch is hoisted out of the loop for the common cases. `finite`: the
 * caller knows z holds no NaN and no -Infinity (from its statistics), for the fast ReLU loop.
 */
export function applyActivation(act: Activation, param: number, z: Float64Array, out: Float64Array, n = z.length, finite = false): void {
  switch (act) {
    case 'linear':
      for (let i = 0; i < n; i++) out[i] = z[i];
      return;
    case 'relu':
      if (finite) {
        for (let i = 0; i < n; i++) {
          const v = z[i];
          out[i] = v * +(v > 0) + 0;
        }
      } else {
        for (let i = 0; i < n; i++) {
          const v = z[i];
          out[i] = v > 0 ? v : 0;
        }
      }
      return;
    case 'leaky-relu': {
      const k = slopes; // a local: V8 reloads module-level bindings inside loops
      k[0] = param;
      k[1] = 1;
      for (let i = 0; i < n; i++) {
        const v = z[i];
        out[i] = v * k[+(v > 0)];
      }
      return;
    }
    case 'tanh':
      for (let i = 0; i < n; i++) out[i] = tanh(z[i]);
      return;
    default:
      for (let i = 0; i < n; i++) out[i] = activate(act, z[i], param);
  }
}

/**
 * out[i] *= phi'(z[i]) (multiplies a gradient in place). `finite`: the caller knows out holds only
 * finite values, for the fast ReLU loop.
 */
export function multiplyByDerivative(act: Activation, param: number, z: Float64Array, out: Float64Array, n = z.length, finite = false): void {
  switch (act) {
    case 'linear':
      return;
    case 'relu':
      if (finite) {
        for (let i = 0; i < n; i++) out[i] = out[i] * +(z[i] > 0) + 0;
      } else {
        for (let i = 0; i < n; i++) if (!(z[i] > 0)) out[i] = 0;
      }
      return;
    case 'leaky-relu': {
      const k = slopes;
      k[0] = param;
      k[1] = 1;
      for (let i = 0; i < n; i++) out[i] *= k[+(z[i] > 0)];
      return;
    }
    default:
      for (let i = 0; i < n; i++) out[i] *= activateDerivative(act, z[i], param);
  }
}

const computedGainCache = new Map<string, number>();

/**
 * Variance-preserving gain 1 / sqrt(E[phi(xi)^2]), xi ~ N(0, 1) (see the module header).
 * Used by calculateGain for GELU and Swish; exported so tests and lessons can compare it with
 * PyTorch's gains for the other activations.
 */
export function varianceGain(act: Activation, param = 0.01): number {
  const key = `${act}:${param}`;
  const cached = computedGainCache.get(key);
  if (cached !== undefined) return cached;
  const m2 = expectNormal((x) => {
    const v = activate(act, x, param);
    return v * v;
  });
  const g = 1 / Math.sqrt(m2);
  computedGainCache.set(key, g);
  return g;
}

/**
 * torch.nn.init.calculate_gain: linear and sigmoid 1, tanh 5/3, relu sqrt(2), leaky_relu
 * sqrt(2 / (1 + slope^2)) (slope default 0.01, as PyTorch), selu 3/4; GELU and Swish get the
 * computed variance-preserving gain (varianceGain).
 */
export function calculateGain(act: Activation, param?: number): number {
  switch (act) {
    case 'linear':
    case 'sigmoid':
      return 1;
    case 'tanh':
      return 5 / 3;
    case 'relu':
      return Math.SQRT2;
    case 'leaky-relu': {
      const a = param ?? 0.01;
      return Math.sqrt(2 / (1 + a * a));
    }
    case 'selu':
      return 3 / 4;
    case 'gelu':
    case 'swish':
      return varianceGain(act);
  }
}
