/**
 * One Monte Carlo pass (forward and backward) of the network for one seed.
 *
 * Forward, per layer l: z = W_l a_{l-1} (+ b), then normalization (LayerNorm: per sample over
 * units; BatchNorm: per unit over the batch; eps 1e-5, no learned affine), then
 * a_l = c * phi(z) + a_{l-1} with a skip (residual, equal widths; c = 1 or 1/sqrt(L) for
 * 'scaled'), else a_l = phi(z).
 * Backward: dL/da_L ~ N(0, 1) per unit and sample, then dL/dz = c * dL/da_l * phi'(z), through
 * the normalization's exact Jacobian, dL/da_{l-1} = W_l^T dL/dz_raw (+ dL/da_l with a skip).
 *
 * Two ways to produce W a and W^T d:
 * - materialized: sample W (each layer from its own random stream) and multiply. Weights are
 *   cached for the backward pass when they fit in WEIGHT_CACHE_DOUBLES, otherwise regenerated
 *   from the same stream.
 * - covariance (i.i.d. Gaussian schemes only): given A (fan_in x B), the rows of W a are exactly
 *   i.i.d. N(0, Var(W) A^T A), so we factor the B x B Gram matrix and draw z = U^T xi per
 *   output unit, never forming W. The backward pass uses fresh weights drawn independently of
 *   the forward ones, with the same trick on d (the gradient-independence assumption of
 *   mean-field theory, which is what the theory curve assumes too): each input unit's gradient
 *   row is N(0, Var(W) D^T D). Forward statistics are exact in distribution; gradient statistics
 *   match the independent-weights model, which is accurate when widths are not tiny.
 */
import { layerWidths, type SimConfig } from '../validation/sim-config';
import { applyActivation, multiplyByDerivative } from './activations';
import { choleskyUpper, gram, matmul, matmulTransposed, multiplyUpper } from './linalg';
import { OrthogonalWeights } from './orthogonal';
import { createRng, STREAM } from './rng';
import { SCHEME_INFO, sampleDenseWeights, weightStd } from './schemes';
import { deadFraction, histogram, moments, saturatedFraction, unitsIdentical } from './stats';
import type { Histogram, Moments, PostMoments } from './types';

export type EnginePath = 'materialized' | 'covariance';

export const NORM_EPS = 1e-5;
/** Cache materialized weights for the backward pass up to this many doubles (64 MB). */
const WEIGHT_CACHE_DOUBLES = 8 * 1024 * 1024;

export interface LayerPass {
  width: number;
  pre: Moments;
  post: PostMoments;
  gradientNorm: number;
  unitsIdentical: boolean;
  histogram?: { pre: Histogram; post: Histogram };
}

export interface SeedPass {
  input: Moments;
  layers: LayerPass[];
}

interface LayerOp {
  forward(A: Float64Array, B: number, Z: Float64Array): void;
  backward(D: Float64Array, B: number, G: Float64Array): void;
}

/** Residual branch scale of layer l, or 0 when the layer has no skip connection. */
export function skipScale(config: SimConfig, fanIn: number, fanOut: number): number {
  if (config.residual === 'none' || fanIn !== fanOut) return 0;
  return config.residual === 'scaled' ? 1 / Math.sqrt(config.layers) : 1;
}

function denseOp(W: Float64Array, fanIn: number, fanOut: number): LayerOp {
  return {
    forward: (A, B, Z) => matmul(W, fanOut, fanIn, A, B, Z),
    backward: (D, B, G) => matmulTransposed(W, fanOut, fanIn, D, B, G),
  };
}

function makeMaterializedOp(config: SimConfig, seed: number, layer: number, fanIn: number, fanOut: number): LayerOp {
  const rng = createRng(seed, STREAM.weights, layer);
  if (SCHEME_INFO[config.scheme].distribution === 'orthogonal') {
    const gain = weightStd(config, fanIn, fanOut) * Math.sqrt(Math.max(fanIn, fanOut));
    return new OrthogonalWeights(fanIn, fanOut, gain, rng);
  }
  const W = new Float64Array(fanIn * fanOut);
  sampleDenseWeights(config, fanIn, fanOut, rng, W);
  return denseOp(W, fanIn, fanOut);
}

/** Scratch buffers for the covariance path, grown on demand and reused across layers. */
class CovarianceSampler {
  private G = new Float64Array(0);
  private X = new Float64Array(0);

  /** Z (outRows x B): rows i.i.d. N(0, std^2 M^T M), M (rows x B). */
  sample(M: Float64Array, rows: number, B: number, std: number, outRows: number, seed: number, stream: number, layer: number, Z: Float64Array): void {
    if (std === 0) {
      Z.fill(0, 0, outRows * B);
      return;
    }
    if (this.G.length < B * B) this.G = new Float64Array(B * B);
    if (this.X.length < outRows * B) this.X = new Float64Array(outRows * B);
    gram(M, rows, B, this.G);
    choleskyUpper(this.G, B);
    createRng(seed, stream, layer).fillNormal(this.X, 1, 0, outRows * B);
    multiplyUpper(this.X, outRows, this.G, B, std, Z);
  }
}

/** In-place normalization of z (units x B); returns 1/sigma per group for the backward pass. */
function normalize(kind: SimConfig['normalization'], z: Float64Array, units: number, B: number): Float64Array | null {
  if (kind === 'none') return null;
  if (kind === 'layernorm') {
    const inv = new Float64Array(B);
    for (let b = 0; b < B; b++) {
      let s = 0;
      for (let i = 0; i < units; i++) s += z[i * B + b];
      const mean = s / units;
      let v = 0;
      for (let i = 0; i < units; i++) {
        const d = z[i * B + b] - mean;
        v += d * d;
      }
      const r = 1 / Math.sqrt(v / units + NORM_EPS);
      inv[b] = r;
      for (let i = 0; i < units; i++) z[i * B + b] = (z[i * B + b] - mean) * r;
    }
    return inv;
  }
  const inv = new Float64Array(units);
  for (let i = 0; i < units; i++) {
    const o = i * B;
    let s = 0;
    for (let b = 0; b < B; b++) s += z[o + b];
    const mean = s / B;
    let v = 0;
    for (let b = 0; b < B; b++) {
      const d = z[o + b] - mean;
      v += d * d;
    }
    const r = 1 / Math.sqrt(v / B + NORM_EPS);
    inv[i] = r;
    for (let b = 0; b < B; b++) z[o + b] = (z[o + b] - mean) * r;
  }
  return inv;
}

/**
 * Backward through y = (x - mean) / sqrt(var + eps) over each group of size N:
 * dx = inv * (dy - mean(dy) - y * mean(dy * y)). In place on d.
 */
function normalizeBackward(kind: SimConfig['normalization'], y: Float64Array, inv: Float64Array, d: Float64Array, units: number, B: number): void {
  if (kind === 'layernorm') {
    for (let b = 0; b < B; b++) {
      let sd = 0;
      let sdy = 0;
      for (let i = 0; i < units; i++) {
        sd += d[i * B + b];
        sdy += d[i * B + b] * y[i * B + b];
      }
      const md = sd / units;
      const mdy = sdy / units;
      const r = inv[b];
      for (let i = 0; i < units; i++) d[i * B + b] = r * (d[i * B + b] - md - y[i * B + b] * mdy);
    }
  } else if (kind === 'batchnorm') {
    for (let i = 0; i < units; i++) {
      const o = i * B;
      let sd = 0;
      let sdy = 0;
      for (let b = 0; b < B; b++) {
        sd += d[o + b];
        sdy += d[o + b] * y[o + b];
      }
      const md = sd / B;
      const mdy = sdy / B;
      const r = inv[i];
      for (let b = 0; b < B; b++) d[o + b] = r * (d[o + b] - md - y[o + b] * mdy);
    }
  }
}

function rmsOf(x: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i] * x[i];
  return Math.sqrt(s / n);
}

export interface PassOptions {
  path: EnginePath;
  histograms: boolean;
  /** Called after each layer's forward and each layer's backward step (2L calls). */
  onStep?: () => void;
}

/** Runs the network once for `seed` and returns per-layer statistics. */
export function runSeed(config: SimConfig, seed: number, options: PassOptions): SeedPass {
  const widths = layerWidths(config);
  const L = widths.length;
  const B = config.samples;
  const act = config.activation;
  const param = config.activationParam;
  const fans = widths.map((_, l) => (l === 0 ? config.width : widths[l - 1]));

  const x = new Float64Array(config.width * B);
  createRng(seed, STREAM.input).fillNormal(x, config.inputStd);
  const input = moments(x);

  const sampler = new CovarianceSampler();
  const cacheWeights = fans.reduce((s, f, l) => s + f * widths[l], 0) <= WEIGHT_CACHE_DOUBLES;
  const ops: (LayerOp | undefined)[] = new Array(L);
  const opFor = (l: number): LayerOp => {
    const op = ops[l] ?? makeMaterializedOp(config, seed, l + 1, fans[l], widths[l]);
    ops[l] = cacheWeights ? op : undefined;
    return op;
  };

  const zs: Float64Array[] = new Array(L);
  const invs: (Float64Array | null)[] = new Array(L);
  const layers: LayerPass[] = [];
  let prev = x;
  for (let l = 0; l < L; l++) {
    const fanIn = fans[l];
    const out = widths[l];
    const n = out * B;
    const z = new Float64Array(n);
    if (options.path === 'covariance') {
      sampler.sample(prev, fanIn, B, weightStd(config, fanIn, out), out, seed, STREAM.weights, l + 1, z);
    } else {
      opFor(l).forward(prev, B, z);
    }
    if (config.biasStd > 0) {
      const bias = new Float64Array(out);
      createRng(seed, STREAM.bias, l + 1).fillNormal(bias, config.biasStd);
      for (let i = 0; i < out; i++) for (let b = 0; b < B; b++) z[i * B + b] += bias[i];
    }
    invs[l] = normalize(config.normalization, z, out, B);
    zs[l] = z;

    const a = new Float64Array(n);
    applyActivation(act, param, z, a, n);
    const saturated = saturatedFraction(act, a, n);
    const c = skipScale(config, fanIn, out);
    if (c !== 0) for (let i = 0; i < n; i++) a[i] = prev[i] + c * a[i];

    const pre = moments(z, n);
    const postM = moments(a, n);
    const dead = act === 'relu' || act === 'leaky-relu' ? deadFraction(z, out, B) : 0;
    layers.push({
      width: out,
      pre,
      post: { ...postM, deadFraction: dead, saturatedFraction: saturated },
      gradientNorm: 0,
      unitsIdentical: unitsIdentical(z, out, B),
      histogram: options.histograms ? { pre: histogram(z, n, pre), post: histogram(a, n, postM) } : undefined,
    });
    prev = a;
    options.onStep?.();
  }

  // Backward pass.
  let g = new Float64Array(widths[L - 1] * B);
  createRng(seed, STREAM.outputGradient).fillNormal(g, 1);
  for (let l = L - 1; l >= 0; l--) {
    const out = widths[l];
    const fanIn = fans[l];
    const n = out * B;
    layers[l].gradientNorm = rmsOf(g, n);
    if (l === 0) {
      options.onStep?.();
      break;
    }
    const c = skipScale(config, fanIn, out);
    const d = new Float64Array(n);
    const branch = c === 0 ? 1 : c;
    for (let i = 0; i < n; i++) d[i] = branch * g[i];
    multiplyByDerivative(act, param, zs[l], d, n);
    const inv = invs[l];
    if (inv) normalizeBackward(config.normalization, zs[l], inv, d, out, B);
    const gPrev = new Float64Array(fanIn * B);
    if (options.path === 'covariance') {
      sampler.sample(d, out, B, weightStd(config, fanIn, out), fanIn, seed, STREAM.backwardWeights, l + 1, gPrev);
    } else {
      opFor(l).backward(d, B, gPrev);
    }
    if (c !== 0) for (let i = 0; i < fanIn * B; i++) gPrev[i] += g[i];
    g = gPrev;
    options.onStep?.();
  }
  return { input, layers };
}
