/**
 * The trained network: the simulator's fully-connected stack (lib/sim/network.ts's forward rule)
 * on a dataset's inputs, plus a linear classification head and softmax cross-entropy.
 *
 * Per hidden layer l = 1..L: z = W_l a_{l-1} + b_l, then normalization (LayerNorm per sample over
 * units, BatchNorm per unit over the batch; eps 1e-5, no learned affine, as in the simulator),
 * then a_l = c phi(z) + a_{l-1} when the layer has a skip (equal widths; c from lib/sim's
 * skipScale: 1, 1/sqrt(L) or 1/sqrt(2L)), else a_l = phi(z). With `zero-init` residuals the branch
 * is a_l = a_{l-1} + gamma * phi(z) with a trainable per-unit gain gamma that starts at 0 (ResNet's
 * zero-gamma trick): every block starts as the identity and W_l learns once gamma has moved. Head: logits = W a_L + b, loss = mean over the batch of
 * log-sum-exp(logits) - logit of the label.
 *
 * Initialization is the simulator's, stream for stream: layer l's weights come from
 * createRng(seed, STREAM.weights, l) through lib/sim's samplers (orthogonal through the same
 * Householder construction), biases from N(0, biasStd^2) on STREAM.bias; the head is layer L + 1
 * with the same scheme. So a network trained here starts exactly where the simulator's
 * materialized path starts (with the dataset's inputs instead of Gaussian ones).
 *
 * All parameters live in one Float64Array (per layer: W row-major fanOut x fanIn, then b), so
 * gradients and optimizer state share the layout and an optimizer step is one flat loop.
 * Arithmetic is + - * / sqrt and lib/sim/exact-math's exp/log only: bit-identical everywhere.
 */
import type { Scheme, SimConfig } from '../validation/sim-config';
import { applyActivation, multiplyByDerivative } from '../sim/activations';
import { exp, log } from '../sim/exact-math';
import { hasSkip, skipScale } from '../sim/network';
import { normalizeBackward, normalizeInPlace } from '../sim/normalization';
import { OrthogonalWeights } from '../sim/orthogonal';
import { createRng, STREAM } from '../sim/rng';
import { SCHEME_INFO, sampleDenseWeights, weightStd } from '../sim/schemes';
import { forwardProduct, inputGradientProduct, weightGradientProduct, type Arena } from './linalg';

export { NORM_EPS } from '../sim/normalization';

export interface Model {
  network: SimConfig;
  scheme: Scheme;
  /** Hidden layers. */
  L: number;
  /** dims[0] = inputs, dims[1..L] = hidden widths, dims[L + 1] = classes. */
  dims: number[];
  /** Offsets of each layer's W and b in the parameter vector (L + 1 layers, head last). */
  wOff: number[];
  bOff: number[];
  /** Residual branch scale per hidden layer (fixed; see hasSkip for whether there is a skip). */
  skip: number[];
  hasSkip: boolean[];
  /** Offset of each hidden layer's trainable branch gain (zero-init residuals), or -1. */
  gOff: number[];
  size: number;
}

export function buildModel(network: SimConfig, scheme: Scheme, inputs: number, classes: number): Model {
  const hidden = network.widths ?? Array.from({ length: network.layers }, () => network.width);
  const dims = [inputs, ...hidden, classes];
  const L = hidden.length;
  const wOff: number[] = [];
  const bOff: number[] = [];
  const gOff: number[] = [];
  const skipFlags = hidden.map((w, l) => hasSkip(network, dims[l], w));
  let size = 0;
  for (let l = 0; l <= L; l++) {
    wOff.push(size);
    size += dims[l] * dims[l + 1];
    bOff.push(size);
    size += dims[l + 1];
    if (l < L) {
      const gain = network.residual === 'zero-init' && skipFlags[l];
      gOff.push(gain ? size : -1);
      if (gain) size += dims[l + 1];
    }
  }
  const skip = hidden.map((w, l) => skipScale(network, dims[l], w));
  return { network, scheme, L, dims, wOff, bOff, skip, hasSkip: skipFlags, gOff, size };
}

/** The initial parameters: the simulator's weights and biases for this scheme and seed. */
export function initParams(model: Model, params: Float64Array = new Float64Array(model.size)): Float64Array {
  const cfg = { ...model.network, scheme: model.scheme };
  const orthogonal = SCHEME_INFO[model.scheme].distribution === 'orthogonal';
  for (let l = 0; l <= model.L; l++) {
    const fanIn = model.dims[l];
    const fanOut = model.dims[l + 1];
    const rng = createRng(cfg.seed, STREAM.weights, l + 1);
    const W = params.subarray(model.wOff[l], model.wOff[l] + fanIn * fanOut);
    if (orthogonal) {
      const gain = weightStd(cfg, fanIn, fanOut) * Math.sqrt(Math.max(fanIn, fanOut));
      W.set(new OrthogonalWeights(fanIn, fanOut, gain, rng).toDense());
    } else {
      sampleDenseWeights(cfg, fanIn, fanOut, rng, W);
    }
    if (cfg.biasStd > 0) createRng(cfg.seed, STREAM.bias, l + 1).fillNormal(params, cfg.biasStd, model.bOff[l], fanOut);
  }
  return params;
}

/** Buffers for one batch size, reused across steps, taken from the run's Arena. */
export class Buffers {
  /** a_0 .. a_L (a_0 is the input), each dims[l] x B. */
  readonly acts: Float64Array[];
  /** Normalized pre-activations z_1 .. z_L (what phi is applied to). */
  readonly zs: Float64Array[];
  /** 1/sigma per group for the normalization's backward pass. */
  readonly invs: Float64Array[];
  readonly logits: Float64Array;
  readonly dLogits: Float64Array;
  readonly grad: [Float64Array, Float64Array];
  readonly delta: Float64Array;
  /** B x maxDim, for the weight-gradient kernel's transposed operand. */
  readonly scratch: Float64Array;

  /**
   * `evalOnly`: no backward pass follows, so the layers share two activation buffers and one
   * pre-activation buffer (whole splits then fit in memory).
   */
  constructor(
    readonly model: Model,
    readonly B: number,
    evalOnly: boolean,
    arena: Arena,
  ) {
    const lengths = Buffers.lengths(model, B, evalOnly);
    let next = 0;
    const take = () => arena.take(lengths[next++]);
    const { L } = model;
    if (evalOnly) {
      const pair = [take(), take()];
      const z = take();
      const inv = take();
      this.acts = Array.from({ length: L + 1 }, (_, l) => pair[l % 2]);
      this.zs = Array.from({ length: L }, () => z);
      this.invs = Array.from({ length: L }, () => inv);
    } else {
      this.acts = Array.from({ length: L + 1 }, take);
      this.zs = Array.from({ length: L }, take);
      this.invs = Array.from({ length: L }, take);
    }
    this.logits = take();
    this.dLogits = take();
    this.grad = [take(), take()];
    this.delta = take();
    this.scratch = take();
  }

  /** Lengths of the arrays the constructor takes, in order (to size the arena). */
  static lengths(model: Model, B: number, evalOnly: boolean): number[] {
    const { dims, L } = model;
    const maxDim = Math.max(...dims);
    const norm = model.network.normalization;
    const invLength = (d: number) => (norm === 'layernorm' ? B : norm === 'batchnorm' ? d : 0);
    const K = dims[L + 1];
    const layers = evalOnly
      ? [maxDim * B, maxDim * B, maxDim * B, invLength(maxDim)]
      : [...dims.slice(0, L + 1).map((d) => d * B), ...dims.slice(1, L + 1).map((d) => d * B), ...dims.slice(1, L + 1).map(invLength)];
    const g = evalOnly ? 0 : maxDim * B;
    return [...layers, K * B, evalOnly ? 0 : K * B, g, g, g, g];
  }
}

/** Copies examples idx[0..B) of a row-major n x d split into the column layout (d x B) of a_0. */
export function gatherBatch(x: Float64Array, d: number, idx: ArrayLike<number>, B: number, out: Float64Array): void {
  for (let b = 0; b < B; b++) {
    const o = idx[b] * d;
    for (let p = 0; p < d; p++) out[p * B + b] = x[o + p];
  }
}


/** z (units x B) += b per unit. */
function addBias(z: Float64Array, params: Float64Array, off: number, units: number, B: number): void {
  for (let i = 0; i < units; i++) {
    const v = params[off + i];
    if (v === 0) continue;
    const o = i * B;
    for (let b = 0; b < B; b++) z[o + b] += v;
  }
}

function allFinite(x: Float64Array, n: number): boolean {
  // x - x is 0 for finite x and NaN for infinities and NaN: one compare per value.
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i] - x[i];
  return s === 0;
}

/** Forward pass of the batch in bufs.acts[0]; leaves activations, normalized pre-activations and logits in bufs. */
export function forward(model: Model, params: Float64Array, bufs: Buffers, B: number): void {
  const { dims, L, network } = model;
  const act = network.activation;
  const param = network.activationParam;
  for (let l = 0; l < L; l++) {
    const fanIn = dims[l];
    const out = dims[l + 1];
    const n = out * B;
    const prev = bufs.acts[l];
    const z = bufs.zs[l];
    forwardProduct(params, model.wOff[l], out, fanIn, prev, B, z);
    addBias(z, params, model.bOff[l], out, B);
    normalizeInPlace(network.normalization, z, out, B, bufs.invs[l]);
    const a = bufs.acts[l + 1];
    applyActivation(act, param, z, a, n, true);
    const c = model.skip[l];
    const go = model.gOff[l];
    if (go >= 0) {
      for (let i = 0; i < out; i++) {
        const gamma = params[go + i];
        for (let o = i * B, e = o + B; o < e; o++) a[o] = prev[o] + gamma * a[o];
      }
    } else if (model.hasSkip[l]) {
      for (let i = 0; i < n; i++) a[i] = prev[i] + c * a[i];
    }
  }
  const K = dims[L + 1];
  forwardProduct(params, model.wOff[L], K, dims[L], bufs.acts[L], B, bufs.logits);
  addBias(bufs.logits, params, model.bOff[L], K, B);
}

export interface BatchLoss {
  /** Mean cross-entropy over the batch. */
  loss: number;
  /** Examples whose largest logit is the label's (ties go to the lower class). */
  correct: number;
}

/**
 * Mean softmax cross-entropy of the logits in bufs against labels y[idx[b]]; if dLogits is given,
 * writes dLoss/dlogits there (softmax - one-hot, over B).
 */
export function crossEntropy(model: Model, bufs: Buffers, y: Int32Array, idx: ArrayLike<number>, B: number, dLogits: Float64Array | null): BatchLoss {
  const K = model.dims[model.L + 1];
  const z = bufs.logits;
  let total = 0;
  let correct = 0;
  for (let b = 0; b < B; b++) {
    const label = y[idx[b]];
    let m = z[b];
    let arg = 0;
    for (let k = 1; k < K; k++) {
      if (z[k * B + b] > m) {
        m = z[k * B + b];
        arg = k;
      }
    }
    if (arg === label) correct++;
    let s = 0;
    for (let k = 0; k < K; k++) s += exp(z[k * B + b] - m);
    total += m + log(s) - z[label * B + b];
    if (dLogits) {
      const inv = 1 / (s * B);
      for (let k = 0; k < K; k++) dLogits[k * B + b] = exp(z[k * B + b] - m) * inv - (k === label ? 1 / B : 0);
    }
  }
  return { loss: total / B, correct };
}

/** Gradient of the mean loss with respect to every parameter into `grads` (the parameter layout), after forward() and crossEntropy(). */
export function backward(model: Model, params: Float64Array, bufs: Buffers, B: number, dLogits: Float64Array, grads: Float64Array): void {
  const { dims, L, network } = model;
  const act = network.activation;
  const param = network.activationParam;
  const K = dims[L + 1];
  weightGradientProduct(dLogits, K, bufs.acts[L], dims[L], B, grads, model.wOff[L], bufs.scratch);
  rowSums(dLogits, K, B, grads, model.bOff[L]);
  let g = bufs.grad[0];
  inputGradientProduct(params, model.wOff[L], K, dims[L], dLogits, B, g);
  for (let l = L - 1; l >= 0; l--) {
    const fanIn = dims[l];
    const out = dims[l + 1];
    const n = out * B;
    const c = model.skip[l];
    const go = model.gOff[l];
    // dL/dz through the branch; without a skip g is not needed again and becomes d.
    let d = g;
    if (go >= 0) {
      // a = a_prev + gamma phi(z): dL/dgamma_i = sum_b g phi(z), and the branch sees gamma g.
      d = bufs.delta;
      applyActivation(act, param, bufs.zs[l], d, n, true);
      for (let i = 0; i < out; i++) {
        const o = i * B;
        let s = 0;
        for (let b = 0; b < B; b++) s += g[o + b] * d[o + b];
        grads[go + i] = s;
        const gamma = params[go + i];
        for (let b = 0; b < B; b++) d[o + b] = gamma * g[o + b];
      }
    } else if (model.hasSkip[l]) {
      d = bufs.delta;
      for (let i = 0; i < n; i++) d[i] = c * g[i];
    }
    multiplyByDerivative(act, param, bufs.zs[l], d, n, true);
    normalizeBackward(network.normalization, bufs.zs[l], bufs.invs[l], d, out, B);
    weightGradientProduct(d, out, bufs.acts[l], fanIn, B, grads, model.wOff[l], bufs.scratch);
    rowSums(d, out, B, grads, model.bOff[l]);
    if (l === 0) break;
    const gPrev = bufs.grad[g === bufs.grad[0] ? 1 : 0];
    inputGradientProduct(params, model.wOff[l], out, fanIn, d, B, gPrev);
    if (model.hasSkip[l]) for (let i = 0; i < fanIn * B; i++) gPrev[i] += g[i];
    g = gPrev;
  }
}

function rowSums(d: Float64Array, rows: number, B: number, out: Float64Array, off: number): void {
  for (let i = 0; i < rows; i++) {
    let s = 0;
    const o = i * B;
    for (let b = 0; b < B; b++) s += d[o + b];
    out[off + i] = s;
  }
}

/** First hidden layer (1-based) whose activations hold a non-finite value, L + 1 for the logits, or null. */
export function firstNonFiniteLayer(model: Model, bufs: Buffers, B: number): number | null {
  for (let l = 1; l <= model.L; l++) if (!allFinite(bufs.acts[l], model.dims[l] * B)) return l;
  if (!allFinite(bufs.logits, model.dims[model.L + 1] * B)) return model.L + 1;
  return null;
}

/** Euclidean norm of each layer's weight gradient (head last). */
export function weightGradientNorms(model: Model, grads: Float64Array): number[] {
  const norms: number[] = [];
  for (let l = 0; l <= model.L; l++) {
    let s = 0;
    const end = model.wOff[l] + model.dims[l] * model.dims[l + 1];
    for (let i = model.wOff[l]; i < end; i++) s += grads[i] * grads[i];
    norms.push(Math.sqrt(s));
  }
  return norms;
}

/** Loss and correct count of a whole split in one batch (BatchNorm then uses the split's statistics). */
export function evaluate(model: Model, params: Float64Array, x: Float64Array, y: Int32Array, n: number, bufs: Buffers): BatchLoss {
  const idx = identity(n);
  gatherBatch(x, model.dims[0], idx, n, bufs.acts[0]);
  forward(model, params, bufs, n);
  return crossEntropy(model, bufs, y, idx, n, null);
}

const identities = new Map<number, Int32Array>();
function identity(n: number): Int32Array {
  let p = identities.get(n);
  if (!p) {
    p = new Int32Array(n);
    for (let i = 0; i < n; i++) p[i] = i;
    identities.set(n, p);
  }
  return p;
}
