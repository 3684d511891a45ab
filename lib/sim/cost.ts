/**
 * The engine's cost model: how long a run will take, before running it. It decides the path
 * (materialized or covariance), whether the server computes a run for a page or leaves it to the
 * browser, and whether a run fits the server's time limit at all.
 *
 * A run is counted as operations of a few kinds, following network.ts step by step for every
 * layer (its own fan_in and fan_out, so alternating small and large widths are counted as they
 * are), every seed of the band, forward and backward:
 *   jsMultiplyAdds    scalar JS products (Cholesky factorizations, the triangular solve of
 *                     the frame path)
 *   simdMultiplyAdds  Gram matrices and triangular products (WebAssembly SIMD kernels)
 *   gemmMultiplyAdds  the materialized path's dense W a and W^T d (WebAssembly SIMD gemm,
 *                     including the copies of W into the module's memory)
 *   normals, uniforms random draws (weights, covariance samples, inputs, biases, gradients)
 *   elementwise       per value passes: statistics, copies, bias and residual adds,
 *                     normalization forward and backward, dead/identical checks, histograms,
 *                     and the activation and its derivative, weighted by ACTIVATION_COST
 *   householderMultiplyAdds  orthogonal weights applied as reflectors (strided, slower)
 *   layers            fixed work per layer and seed (buffers, bookkeeping) and the mean-field
 *                     quadrature per layer
 * Each kind has a weight in nanoseconds per operation (COST_WEIGHTS_NS), fitted on the
 * development machine by `npm run bench -- --fit-cost`; the test in tests/sim/cost.test.ts checks
 * that over a grid of configs on every path the estimate stays within a factor of 3 of the
 * measured time, after one common speed factor (machines differ).
 */
import { layerWidths, type Activation, type SimConfig } from '../validation/sim-config';
import { isFrameLayer, skipScale, type EnginePath } from './network';
import { recommendationCached } from './recommend';
import { isGaussianScheme, SCHEME_INFO } from './schemes';

export interface CostCounts {
  jsMultiplyAdds: number;
  gemmMultiplyAdds: number;
  householderMultiplyAdds: number;
  simdMultiplyAdds: number;
  normals: number;
  uniforms: number;
  elementwise: number;
  layers: number;
}

export type CostKind = keyof CostCounts;
export const COST_KINDS: CostKind[] = ['jsMultiplyAdds', 'gemmMultiplyAdds', 'householderMultiplyAdds', 'simdMultiplyAdds', 'normals', 'uniforms', 'elementwise', 'layers'];

/**
 * Nanoseconds per operation of each kind, fitted on the development machine (Node 20, 2 shared
 * and busy cores, so about twice a quiet machine's times). Only their ratios matter to the
 * path choice; callers that need milliseconds on their own machine scale the estimate by a
 * measured speed factor (the browser and the server pool both learn it from finished runs).
 */
export const COST_WEIGHTS_NS: Record<CostKind, number> = {
  jsMultiplyAdds: 1.7,
  gemmMultiplyAdds: 0.3, // measured against jsMultiplyAdds' scale (the old JS products took 1.3 ns)
  householderMultiplyAdds: 6,
  simdMultiplyAdds: 0.9,
  normals: 20,
  uniforms: 12,
  elementwise: 1.5,
  layers: 45_000,
};

/**
 * Elementwise operations of one activation plus its derivative per value (ReLU: 2), measured
 * relative to ReLU by `npm run bench -- --fit-cost`: the smooth activations evaluate exact-math
 * exp/tanh/erf, tens of times dearer than a compare.
 */
export const ACTIVATION_COST: Record<Activation, number> = {
  linear: 1,
  relu: 2,
  'leaky-relu': 2.2,
  tanh: 70,
  sigmoid: 60,
  gelu: 110,
  selu: 50,
  swish: 70,
};

/**
 * Mean-field recursion per layer, in units of the fixed per-layer work (COST_WEIGHTS_NS.layers):
 * quadrature over the activation (and its derivative) at every layer, measured.
 */
export const MEAN_FIELD_LAYER_COST: Record<Activation, number> = {
  linear: 0.45,
  relu: 0.17,
  'leaky-relu': 0.33,
  tanh: 3.3,
  sigmoid: 1.9,
  gelu: 1.5,
  selu: 1.1,
  swish: 2.5,
};

/**
 * A first recommendation for an activation and depth runs the mean-field recursion this many
 * times (tanh searches the balancing gain; GELU, Swish and sigmoid check the depth trend); it is
 * cached afterwards (recommend.ts).
 */
const RECOMMENDATION_MEAN_FIELD_RUNS: Record<Activation, number> = {
  linear: 0,
  relu: 0,
  'leaky-relu': 0,
  tanh: 33,
  sigmoid: 2,
  gelu: 2,
  selu: 0,
  swish: 2,
};

/** Cached materialized weights are reused backward up to this many doubles (network.ts). */
const WEIGHT_CACHE_DOUBLES = 8 * 1024 * 1024;

function zero(): CostCounts {
  return { jsMultiplyAdds: 0, gemmMultiplyAdds: 0, householderMultiplyAdds: 0, simdMultiplyAdds: 0, normals: 0, uniforms: 0, elementwise: 0, layers: 0 };
}

function add(into: CostCounts, from: CostCounts, times = 1): CostCounts {
  for (const k of COST_KINDS) into[k] += from[k] * times;
  return into;
}

/** Operation counts of one seed's pass (forward and backward) on a path. */
export function passCounts(config: SimConfig, path: EnginePath, options: { histograms: boolean }): CostCounts {
  const c = zero();
  const widths = layerWidths(config);
  const L = widths.length;
  const B = config.samples;
  const fans = widths.map((_, l) => (l === 0 ? config.width : widths[l - 1]));
  const dist = SCHEME_INFO[config.scheme].distribution;
  const orthogonal = dist === 'orthogonal';
  const cacheWeights = fans.reduce((s, f, l) => s + f * widths[l], 0) <= WEIGHT_CACHE_DOUBLES;
  const actCost = ACTIVATION_COST[config.activation];
  const factor = (rows: number) => {
    c.elementwise += rows * B; // the range check before the Gram matrix (network.ts gramInput)
    c.simdMultiplyAdds += (rows * B * B) / 2;
    c.jsMultiplyAdds += (B * B * B) / 6;
  };
  const sampleWeights = (fanIn: number, out: number) => {
    if (orthogonal) {
      const m = Math.max(fanIn, out);
      const k = Math.min(fanIn, out);
      c.normals += m * k - (k * k) / 2;
      return;
    }
    const n = fanIn * out;
    if (dist === 'uniform') c.uniforms += n;
    else if (dist === 'truncated-normal') c.normals += n * 1.05;
    else if (dist === 'normal') c.normals += n;
    else c.elementwise += n;
  };
  const applyDense = (fanIn: number, out: number) => {
    // Householder reflectors: k reflectors of length about m, each a dot and an update per sample.
    if (orthogonal) {
      const m = Math.max(fanIn, out);
      const k = Math.min(fanIn, out);
      c.householderMultiplyAdds += 2 * (m * k - (k * k) / 2) * B;
    } else {
      c.gemmMultiplyAdds += fanIn * out * B;
    }
  };
  const frame = (n: number) => {
    factor(n);
    if (2 * B <= n) {
      c.normals += n * B;
      factor(n);
      c.jsMultiplyAdds += (B * B * B) / 6;
      c.simdMultiplyAdds += (n * B * B) / 2;
    } else {
      c.normals += n * B - (B * B) / 2;
      c.householderMultiplyAdds += 2 * (n * B - (B * B) / 2) * B;
    }
  };

  c.normals += config.width * B;
  c.elementwise += 2 * config.width * B;
  for (let l = 0; l < L; l++) {
    const fanIn = fans[l];
    const out = widths[l];
    const n = out * B;
    const cov = path === 'covariance';
    if (cov && !orthogonal) {
      factor(fanIn);
      c.normals += n;
      c.simdMultiplyAdds += (out * B * B) / 2;
    } else if (cov && isFrameLayer(config, fanIn, out, B)) {
      frame(fanIn);
    } else {
      sampleWeights(fanIn, out);
      applyDense(fanIn, out);
    }
    if (config.biasStd > 0) {
      c.normals += out;
      c.elementwise += n;
    }
    if (config.normalization !== 'none') c.elementwise += 4 * n;
    // statistics of z and a (one fused pass each), the activation, saturated/dead/identical checks
    c.elementwise += 6 * n;
    c.elementwise += n * actCost * 0.5;
    if (fanIn === out && config.residual !== 'none') c.elementwise += n;
    if (options.histograms) c.elementwise += 4 * n;
    c.layers += 1;
  }
  c.normals += widths[L - 1] * B;
  for (let l = L - 1; l >= 1; l--) {
    const out = widths[l];
    const fanIn = fans[l];
    const n = out * B;
    const skip = fanIn === out && config.residual !== 'none';
    c.elementwise += n; // gradient RMS
    if (skip) c.elementwise += n + fanIn * B;
    c.elementwise += n * actCost * 0.5;
    if (config.normalization !== 'none') c.elementwise += 5 * n;
    const cov = path === 'covariance';
    const frameLayer = cov && isFrameLayer(config, fanIn, out, B);
    const gaussian = cov && !orthogonal;
    if (l === 1 && !skip && (gaussian || frameLayer)) {
      if (gaussian) {
        const m = Math.min(fanIn, B);
        factor(out);
        c.normals += m * fanIn - (m * m) / 2 + (m * B) / 2;
        c.jsMultiplyAdds += (m * B * B) / 2 - (m * m * B) / 2 + (m * m * m) / 6;
      } else {
        c.elementwise += n;
      }
      continue;
    }
    if (gaussian) {
      factor(out);
      c.normals += fanIn * B;
      c.simdMultiplyAdds += (fanIn * B * B) / 2;
    } else if (frameLayer) {
      frame(out);
    } else {
      if (!cacheWeights) sampleWeights(fanIn, out);
      applyDense(fanIn, out);
    }
  }
  c.elementwise += widths[0] * B;
  return c;
}

/** Nanoseconds for a set of counts with the fitted weights. */
export function countsToNs(c: CostCounts, weights: Record<CostKind, number> = COST_WEIGHTS_NS): number {
  let ns = 0;
  for (const k of COST_KINDS) ns += c[k] * weights[k];
  return ns;
}

/**
 * Operation counts of a whole run: the band's seeds (histograms on the first only), the
 * mean-field recursion (counted as layer work), and the recommendation's own mean-field runs
 * unless this thread has it cached already.
 */
export function runCounts(config: SimConfig, path: EnginePath, bandSeeds: number): CostCounts {
  const total = add(zero(), passCounts(config, path, { histograms: true }));
  if (bandSeeds > 1) add(total, passCounts(config, path, { histograms: false }), bandSeeds - 1);
  const L = layerWidths(config).length;
  const mf = L * MEAN_FIELD_LAYER_COST[config.activation];
  total.layers += mf;
  if (!recommendationCached(config.activation, config.layers, config.activationParam)) total.layers += mf * RECOMMENDATION_MEAN_FIELD_RUNS[config.activation];
  return total;
}

/**
 * Whether the backward pass must reuse the forward pass's own weights: networks with a skip
 * connection or a normalization. There the covariance path's fresh backward weights (the
 * gradient-independence assumption) are measurably wrong, not an O(1/width) detail: a 50-layer
 * plain-residual He/ReLU network's layer-1 gradient came out about 900 times too small (the
 * skip term and the branch's W^T phi'(W a) are correlated through the forward weights), and
 * BatchNorm networks 1.3 to 3 times too large. Both agree with numpy on shared weights.
 */
export function needsSharedWeights(config: SimConfig): boolean {
  if (config.normalization !== 'none') return true;
  if (config.residual === 'none') return false;
  const widths = layerWidths(config);
  return widths.some((out, l) => skipScale(config, l === 0 ? config.width : widths[l - 1], out) !== 0);
}

/**
 * Whether the covariance path is exact for this config: in distribution (i.i.d. Gaussian
 * schemes; orthogonal schemes with a square layer of width >= B, see network.ts), and with a
 * backward pass that may use fresh weights (not needsSharedWeights).
 */
export function covariancePathExact(config: SimConfig): boolean {
  if (needsSharedWeights(config)) return false;
  if (isGaussianScheme(config.scheme)) return true;
  const widths = layerWidths(config);
  return widths.some((out, l) => isFrameLayer(config, l === 0 ? config.width : widths[l - 1], out, config.samples));
}

/**
 * Estimated milliseconds of one seed's pass on each path, on the development machine. Use the
 * ratio, or multiply by a measured speed factor, for another machine. Networks that need shared
 * weights run materialized on either request, so both figures are the materialized one.
 */
export function estimatePathCost(config: SimConfig): { materialized: number; covariance: number } {
  const materialized = countsToNs(passCounts(config, 'materialized', { histograms: false })) / 1e6;
  if (needsSharedWeights(config)) return { materialized, covariance: materialized };
  return { materialized, covariance: countsToNs(passCounts(config, 'covariance', { histograms: false })) / 1e6 };
}

/**
 * The path a run takes: covariance only where it is exact (covariancePathExact) and, on 'auto',
 * cheaper. A request for the covariance path that cannot be honoured runs materialized; the
 * result's `path` says which ran.
 */
export function choosePath(config: SimConfig, requested: 'auto' | EnginePath = 'auto'): EnginePath {
  if (!covariancePathExact(config)) return 'materialized';
  if (requested !== 'auto') return requested;
  const cost = estimatePathCost(config);
  return cost.covariance < cost.materialized ? 'covariance' : 'materialized';
}

/** Estimated milliseconds of a whole run (the band's seeds) on the path it will take, on the development machine. */
export function estimateRunMs(config: SimConfig, bandSeeds = 5, path: 'auto' | EnginePath = 'auto'): number {
  return countsToNs(runCounts(config, choosePath(config, path), bandSeeds)) / 1e6;
}
