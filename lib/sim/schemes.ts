/**
 * Initialization schemes as torch.nn.init defines them, and the weight samplers.
 *
 * Every random scheme is "variance scaling": Var(W) = gain^2 / fan, with
 *   fan_in = input units, fan_out = output units, fan_avg = (fan_in + fan_out) / 2
 * (so Xavier's gain^2 * 2 / (fan_in + fan_out) is the fan_avg case). Uniform variants draw from
 * U(-a, a) with a = sqrt(3) * std, which has the same variance.
 *
 * - Xavier/Glorot: fan_avg, default gain 1. He/Kaiming: fan_in, default gain sqrt 2 (PyTorch's
 *   kaiming_* with a = 0). LeCun: fan_in, gain 1 (plain normal/uniform, as in the SELU paper).
 * - Truncated normal (Keras VarianceScaling): N(0, 1) redrawn while |x| > 2, then multiplied by
 *   std / 0.87962566103423978 (the std of N(0, 1) truncated to [-2, 2]), so Var(W) is exactly
 *   gain^2 / fan. The -xavier variant uses fan_avg and gain 1, the -he variant (Keras he_normal)
 *   fan_in and gain sqrt 2.
 * - Orthogonal (torch.nn.init.orthogonal_): QR of a Gaussian matrix, Q times sign(diag R), times
 *   gain; rows orthonormal when fan_out <= fan_in, columns otherwise. It ignores the fan mode; its
 *   entries have Var = gain^2 / max(fan_in, fan_out).
 * - zero, small random N(0, 0.01^2), large random N(0, 1), custom N(0, customStd^2): fixed
 *   scales; the gain and the fan mode are ignored.
 *
 * Gain: 'default' is the scheme's PyTorch default above; 'activation' is calculateGain of the
 * config's activation (also for He: PyTorch's kaiming_* with nonlinearity=<activation>); a number
 * is used as is.
 */
import type { FanMode, Scheme, SimConfig } from '../validation/sim-config';
import { calculateGain } from './activations';
import type { Rng } from './rng';
import { wasmFillNormal, wasmFillUniformSigned } from './wasm-kernels';

type Family = 'xavier' | 'he' | 'lecun' | 'orthogonal' | 'truncated-normal' | 'zero' | 'small-random' | 'large-random' | 'custom';
type Distribution = 'normal' | 'uniform' | 'truncated-normal' | 'orthogonal' | 'constant';
export type ConcreteFanMode = Exclude<FanMode, 'auto'>;

export interface SchemeInfo {
  label: string;
  family: Family;
  distribution: Distribution;
  /** The scheme's formula with its default gain and fan mode. */
  formula: string;
  /** Fan used by 'auto'; null when the scheme ignores the fan mode. */
  defaultFanMode: ConcreteFanMode | null;
  /** PyTorch's default gain (1 where the gain is ignored). */
  defaultGain: number;
}

export const SCHEME_INFO: Record<Scheme, SchemeInfo> = {
  'xavier-normal': {
    label: 'Xavier / Glorot normal',
    family: 'xavier',
    distribution: 'normal',
    formula: 'Var(W) = 2 / (fan_in + fan_out)',
    defaultFanMode: 'fan_avg',
    defaultGain: 1,
  },
  'xavier-uniform': {
    label: 'Xavier / Glorot uniform',
    family: 'xavier',
    distribution: 'uniform',
    formula: 'W ~ U(-a, a), a = sqrt(6 / (fan_in + fan_out)); Var(W) = 2 / (fan_in + fan_out)',
    defaultFanMode: 'fan_avg',
    defaultGain: 1,
  },
  'he-normal': {
    label: 'He / Kaiming normal',
    family: 'he',
    distribution: 'normal',
    formula: 'Var(W) = 2 / fan_in',
    defaultFanMode: 'fan_in',
    defaultGain: Math.SQRT2,
  },
  'he-uniform': {
    label: 'He / Kaiming uniform',
    family: 'he',
    distribution: 'uniform',
    formula: 'W ~ U(-a, a), a = sqrt(6 / fan_in); Var(W) = 2 / fan_in',
    defaultFanMode: 'fan_in',
    defaultGain: Math.SQRT2,
  },
  'lecun-normal': {
    label: 'LeCun normal',
    family: 'lecun',
    distribution: 'normal',
    formula: 'Var(W) = 1 / fan_in',
    defaultFanMode: 'fan_in',
    defaultGain: 1,
  },
  'lecun-uniform': {
    label: 'LeCun uniform',
    family: 'lecun',
    distribution: 'uniform',
    formula: 'W ~ U(-a, a), a = sqrt(3 / fan_in); Var(W) = 1 / fan_in',
    defaultFanMode: 'fan_in',
    defaultGain: 1,
  },
  orthogonal: {
    label: 'Orthogonal',
    family: 'orthogonal',
    distribution: 'orthogonal',
    formula: 'W = Q (QR of a Gaussian matrix, sign-fixed): W W^T = I; Var(W) = 1 / max(fan_in, fan_out)',
    defaultFanMode: null,
    defaultGain: 1,
  },
  'truncated-normal-xavier': {
    label: 'Truncated normal (Glorot scale)',
    family: 'truncated-normal',
    distribution: 'truncated-normal',
    formula: 'N(0, 1) cut at ±2, rescaled: Var(W) = 2 / (fan_in + fan_out)',
    defaultFanMode: 'fan_avg',
    defaultGain: 1,
  },
  'truncated-normal-he': {
    label: 'Truncated normal (He scale)',
    family: 'truncated-normal',
    distribution: 'truncated-normal',
    formula: 'N(0, 1) cut at ±2, rescaled: Var(W) = 2 / fan_in',
    defaultFanMode: 'fan_in',
    defaultGain: Math.SQRT2,
  },
  zero: {
    label: 'Zero',
    family: 'zero',
    distribution: 'constant',
    formula: 'W = 0',
    defaultFanMode: null,
    defaultGain: 1,
  },
  'small-random': {
    label: 'Small random N(0, 0.01²)',
    family: 'small-random',
    distribution: 'normal',
    formula: 'W ~ N(0, 0.01²)',
    defaultFanMode: null,
    defaultGain: 1,
  },
  'large-random': {
    label: 'Large random N(0, 1)',
    family: 'large-random',
    distribution: 'normal',
    formula: 'W ~ N(0, 1)',
    defaultFanMode: null,
    defaultGain: 1,
  },
  custom: {
    label: 'Custom std',
    family: 'custom',
    distribution: 'normal',
    formula: 'W ~ N(0, σ²), σ = custom std',
    defaultFanMode: null,
    defaultGain: 1,
  },
};

/** Std of N(0, 1) truncated to [-2, 2] (Keras' correction constant). */
export const TRUNCATED_STD = 0.87962566103423978;

type WeightConfig = Pick<SimConfig, 'scheme' | 'fanMode' | 'gain' | 'customStd' | 'activation' | 'activationParam'>;

/** The gain the config's scheme uses (1 for schemes with a fixed scale, where it is ignored). */
export function resolveGain(config: WeightConfig): number {
  const info = SCHEME_INFO[config.scheme];
  if (info.defaultFanMode === null && info.family !== 'orthogonal') return 1;
  if (config.gain === 'default') return info.defaultGain;
  if (config.gain === 'activation') return calculateGain(config.activation, config.activationParam);
  return config.gain;
}

/** The fan mode actually used, or null for schemes that ignore it. */
export function resolveFanMode(config: Pick<SimConfig, 'scheme' | 'fanMode'>): ConcreteFanMode | null {
  const info = SCHEME_INFO[config.scheme];
  if (info.defaultFanMode === null) return null;
  return config.fanMode === 'auto' ? info.defaultFanMode : config.fanMode;
}

export function fanValue(mode: ConcreteFanMode, fanIn: number, fanOut: number): number {
  return mode === 'fan_in' ? fanIn : mode === 'fan_out' ? fanOut : (fanIn + fanOut) / 2;
}

/** Std of the weights of a layer with these fans under the config's scheme, gain and fan mode. */
export function weightStd(config: WeightConfig, fanIn: number, fanOut: number): number {
  const family = SCHEME_INFO[config.scheme].family;
  switch (family) {
    case 'zero':
      return 0;
    case 'small-random':
      return 0.01;
    case 'large-random':
      return 1;
    case 'custom':
      return config.customStd;
    case 'orthogonal':
      return resolveGain(config) / Math.sqrt(Math.max(fanIn, fanOut));
    default: {
      const mode = resolveFanMode(config) as ConcreteFanMode;
      return resolveGain(config) / Math.sqrt(fanValue(mode, fanIn, fanOut));
    }
  }
}

export function weightVariance(config: WeightConfig, fanIn: number, fanOut: number): number {
  const s = weightStd(config, fanIn, fanOut);
  return s * s;
}

/** Schemes whose weights are i.i.d. Gaussian, so the covariance path is exact for them. */
export function isGaussianScheme(scheme: Scheme): boolean {
  return SCHEME_INFO[scheme].distribution === 'normal';
}

function formatNumber(x: number): string {
  if (x === Math.round(x)) return String(x);
  return Number(x.toPrecision(4)).toString();
}

/** The formula for this config (its gain and fan mode), e.g. "Var(W) = 2 / fan_in". */
export function describeFormula(config: WeightConfig): string {
  const info = SCHEME_INFO[config.scheme];
  switch (info.family) {
    case 'zero':
      return 'W = 0';
    case 'small-random':
      return 'W ~ N(0, 0.01²)';
    case 'large-random':
      return 'W ~ N(0, 1)';
    case 'custom':
      return `W ~ N(0, ${formatNumber(config.customStd)}²)`;
  }
  const gain = resolveGain(config);
  const g2 = gain * gain;
  const g2Near = (v: number) => Math.abs(g2 - v) < 1e-12;
  if (info.family === 'orthogonal') {
    const g = g2Near(1) ? '' : `${formatNumber(Math.sqrt(g2))} · `;
    return `W = ${g}Q, Q orthogonal (QR of a Gaussian matrix); Var(W) = ${g2Near(1) ? '1' : formatNumber(g2)} / max(fan_in, fan_out)`;
  }
  const mode = resolveFanMode(config) as ConcreteFanMode;
  const num = mode === 'fan_avg' ? (g2Near(0.5) ? '1' : formatNumber(2 * g2)) : g2Near(1) ? '1' : g2Near(2) ? '2' : formatNumber(g2);
  const den = mode === 'fan_avg' ? '(fan_in + fan_out)' : mode;
  const base = `Var(W) = ${num} / ${den}`;
  if (info.distribution === 'uniform') return `${base}, uniform on ±sqrt(3 Var(W))`;
  if (info.distribution === 'truncated-normal') return `${base}, normal cut at ±2 std and rescaled`;
  return base;
}

/**
 * Fills W (fanOut x fanIn) with an elementwise scheme's weights (not orthogonal), drawn in
 * row-major order; row i goes to W[at + i ld .. + fanIn) (default: packed from 0), so a padded
 * destination such as the wasm kernels' memory gets the same values as a packed array.
 */
export function sampleDenseWeights(config: WeightConfig, fanIn: number, fanOut: number, rng: Rng, W: Float64Array, at = 0, ld = fanIn): void {
  const std = weightStd(config, fanIn, fanOut);
  const dist = SCHEME_INFO[config.scheme].distribution;
  const rows = ld === fanIn ? 1 : fanOut;
  const len = ld === fanIn ? fanIn * fanOut : fanIn;
  // Uniform weights in the wasm kernels' memory: every row in one call (row by row even when
  // contiguous, so the fill can split the rows among its lanes).
  if (dist === 'uniform' && std !== 0 && wasmFillUniformSigned(rng, W, Math.sqrt(3) * std, at, fanIn, fanOut, ld)) return;
  for (let i = 0; i < rows; i++) {
    const o = at + i * ld;
    if (dist === 'constant' || std === 0) {
      W.fill(0, o, o + len);
    } else if (dist === 'normal') {
      if (!wasmFillNormal(rng, W, std, Infinity, o, len)) rng.fillNormal(W, std, o, len);
    } else if (dist === 'uniform') {
      const bound = Math.sqrt(3) * std;
      if (!wasmFillUniformSigned(rng, W, bound, o, len)) rng.fillUniformSigned(W, bound, o, len);
    } else if (dist === 'truncated-normal') {
      const scale = std / TRUNCATED_STD;
      if (!wasmFillNormal(rng, W, scale, 2, o, len)) rng.fillTruncatedNormal(W, scale, 2, o, len);
    } else {
      throw new Error(`sampleDenseWeights: ${config.scheme} is not an elementwise scheme`);
    }
  }
}
