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
 * - materialized: sample W (each layer from its own random stream) and multiply (linalg.ts: W a
 *   and W^T d in WebAssembly SIMD where it runs). Weights are cached for the backward pass when
 *   they fit in WEIGHT_CACHE_DOUBLES, otherwise regenerated from the same stream, then straight
 *   into the wasm kernels' memory. Uniform weights are always regenerated where the wasm kernels
 *   run: their four-lane fill is cheaper than a JS fill plus two copies into the wasm memory.
 * - covariance (i.i.d. Gaussian schemes only): given A (fan_in x B), the rows of W a are exactly
 *   i.i.d. N(0, Var(W) A^T A), so we factor the B x B Gram matrix and draw z = U^T xi per
 *   output unit, never forming W. The backward pass uses fresh weights drawn independently of
 *   the forward ones, with the same trick on d (the gradient-independence assumption of
 *   mean-field theory, which is what the theory curve assumes too): each input unit's gradient
 *   row is N(0, Var(W) D^T D). Forward statistics are exact in distribution; gradient statistics
 *   match the independent-weights model. That model holds only for plain networks: with a skip
 *   connection or a normalization it is off by orders of magnitude, so those networks always
 *   run materialized (simulate.ts needsSharedWeights). For plain networks the remaining bias at
 *   50 layers of width 256-512 is within the seed spread for ReLU and about 2-16 % for tanh and
 *   SELU (the audit of issue 8, against numpy with shared weights); the README states it.
 *   Orthogonal schemes take this path too, for square layers (fan_in = fan_out = n) with B <= n
 *   (frameForward): W A with W Haar-orthogonal (times the gain) has the law of gain * F R, where
 *   R is any B x B matrix with R^T R = A^T A (here the upper Cholesky factor of the Gram matrix)
 *   and F a uniformly random n x B orthonormal frame (Householder QR of an n x B Gaussian with the
 *   sign fix, i.e. OrthogonalWeights with fan_in = B). Proof: A = U S V^T (thin SVD), so
 *   W A = (W U)(S V^T) and W U is a uniform frame; R = O S V^T for an orthogonal O (full rank;
 *   with rank r < B, R's nonzero part is O [S_r V_r^T; 0] likewise), and F O is again uniform.
 *   Cost about 2.5 n B^2 instead of n^2 B plus n^2 / 2 normals, and ||z_b|| = gain ||a_b|| for
 *   every sample, as for a materialized orthogonal W. The backward pass again uses fresh
 *   independent orthogonal weights (gain * F' R_D with R_D^T R_D = D^T D). Non-square orthogonal
 *   layers, or B > n, stay materialized (the same weights forward and backward).
 * - The input gradient of layer 1 is reported only through its RMS, so on the covariance path
 *   only its norm is drawn (sampleCovarianceSquaredNorm; for orthogonal layers it is gain ||D||).
 */
import { layerWidths, type SimConfig } from '../validation/sim-config';
import { applyActivation, multiplyByDerivative } from './activations';
import { choleskyUpper, gram, gramFactorSample, matmul, matmulTransposed, matmulTransposedWritten, matmulWritten, multiplyUpper, type WeightWriter } from './linalg';
import { OrthogonalWeights } from './orthogonal';
import { createRng, STREAM, type Rng } from './rng';
import { SCHEME_INFO, sampleDenseWeights, weightStd } from './schemes';
import { ceilLog2, scalbn } from './exact-math';
import { deadFraction, histogram, robustRms, saturatedFraction, SQUARE_SAFE_MAX, SQUARE_SAFE_MIN, unitsIdentical, valueStats } from './stats';
import type { Histogram, Moments, PostMoments } from './types';
import { normalizeBackward, normalizeInPlace } from './normalization';
import { wasmKernelsActive } from './wasm-kernels';

export type EnginePath = 'materialized' | 'covariance';

export { NORM_EPS } from './normalization';
/** Cache materialized weights for the backward pass up to this many doubles (64 MB). */
const WEIGHT_CACHE_DOUBLES = 8 * 1024 * 1024;

/**
 * One layer of one pass. Statistics are null where they overflowed: the layer where a value first
 * became Infinity or NaN and every later one (forward), and on the backward pass the layer whose
 * gradient first did and every earlier one. When the forward pass overflows no gradient is
 * computed at all (the backward pass starts from the overflowed output).
 */
export interface LayerPass {
  width: number;
  pre: Moments | null;
  post: PostMoments | null;
  gradientNorm: number | null;
  unitsIdentical: boolean;
  histogram?: { pre: Histogram; post: Histogram } | null;
}

export interface SeedPass {
  input: Moments;
  layers: LayerPass[];
  /** First layer (1-based) whose forward values overflowed to Infinity or NaN, or null. */
  overflowLayer: number | null;
  /** Layer (1-based) where the backward gradient first overflowed, going backwards, or null. */
  gradientOverflowLayer: number | null;
  /**
   * First layer (1-based) whose pre-activations all underflowed to exactly 0 although its input
   * was not all 0 and its weights are not 0 (so not the zero init), or null.
   */
  underflowLayer: number | null;
}

interface LayerOp {
  forward(A: Float64Array, B: number, Z: Float64Array): void;
  backward(D: Float64Array, B: number, G: Float64Array): void;
}

/** An orthogonal layer's gain: W^T W = gain^2 I (tall) or W W^T = gain^2 I (wide). */
function orthogonalGain(config: SimConfig, fanIn: number, fanOut: number): number {
  return weightStd(config, fanIn, fanOut) * Math.sqrt(Math.max(fanIn, fanOut));
}

/** Whether a layer's W a and W^T d take the frame trick (square orthogonal, B <= n; see the header). */
export function isFrameLayer(config: Pick<SimConfig, 'scheme'>, fanIn: number, fanOut: number, B: number): boolean {
  return SCHEME_INFO[config.scheme].distribution === 'orthogonal' && fanIn === fanOut && B <= fanIn;
}

/** Whether layer l has a skip connection (residual on and equal widths). */
export function hasSkip(config: Pick<SimConfig, 'residual'>, fanIn: number, fanOut: number): boolean {
  return config.residual !== 'none' && fanIn === fanOut;
}

/**
 * Residual branch scale of layer l at initialization: 1, 1/sqrt(L), 1/sqrt(2L), or 0 for a
 * zero-initialized branch gain (`zero-init`); 0 too when the layer has no skip (see hasSkip).
 */
export function skipScale(config: SimConfig, fanIn: number, fanOut: number): number {
  if (!hasSkip(config, fanIn, fanOut)) return 0;
  switch (config.residual) {
    case 'scaled':
      return 1 / Math.sqrt(config.layers);
    case 'scaled-2l':
      return 1 / Math.sqrt(2 * config.layers);
    case 'zero-init':
      return 0;
    default:
      return 1;
  }
}

function denseOp(W: Float64Array, fanIn: number, fanOut: number): LayerOp {
  return {
    forward: (A, B, Z) => matmul(W, fanOut, fanIn, A, B, Z),
    backward: (D, B, G) => matmulTransposed(W, fanOut, fanIn, D, B, G),
  };
}

/**
 * The layer's sampled weights. A cached dense layer's go into the workspace buffer ('weights',
 * slot). An uncached one's are drawn afresh from the layer's stream for each product, straight
 * into the wasm kernels' memory where they run (no copy), else into the buffer ('weights', 0).
 */
function makeMaterializedOp(config: SimConfig, seed: number, layer: number, fanIn: number, fanOut: number, ws: Workspace, slot: number, cache: boolean): LayerOp {
  if (SCHEME_INFO[config.scheme].distribution === 'orthogonal') {
    return new OrthogonalWeights(fanIn, fanOut, orthogonalGain(config, fanIn, fanOut), createRng(seed, STREAM.weights, layer));
  }
  if (!cache) {
    const write: WeightWriter = (out, at, ld) => sampleDenseWeights(config, fanIn, fanOut, createRng(seed, STREAM.weights, layer), out, at, ld);
    const sampled = () => {
      const W = ws.get('weights', 0, fanIn * fanOut);
      write(W, 0, fanIn);
      return W;
    };
    return {
      forward: (A, B, Z) => {
        if (!matmulWritten(write, fanOut, fanIn, A, B, Z)) matmul(sampled(), fanOut, fanIn, A, B, Z);
      },
      backward: (D, B, G) => {
        if (!matmulTransposedWritten(write, fanOut, fanIn, D, B, G)) matmulTransposed(sampled(), fanOut, fanIn, D, B, G);
      },
    };
  }
  const rng = createRng(seed, STREAM.weights, layer);
  const W = ws.get('weights', slot, fanIn * fanOut);
  sampleDenseWeights(config, fanIn, fanOut, rng, W);
  return denseOp(W, fanIn, fanOut);
}

/**
 * Buffers reused across the layers of a pass and across the seeds of a band, so a run allocates
 * its big arrays once instead of per layer and per seed (less allocation, zero-filling and GC).
 * A buffer is identified by a name and a slot (e.g. the layer) and grown on demand; callers pass
 * explicit lengths everywhere, so a longer buffer from an earlier, wider layer is fine.
 */
export class Workspace {
  private readonly buffers = new Map<string, Float64Array>();

  /** Doubles held, to decide whether keeping the workspace for a later run is worth its memory. */
  size(): number {
    let total = 0;
    for (const b of this.buffers.values()) total += b.length;
    return total;
  }

  get(name: string, slot: number, length: number): Float64Array {
    const key = `${name}:${slot}`;
    let buf = this.buffers.get(key);
    if (!buf || buf.length < length) {
      buf = new Float64Array(length);
      this.buffers.set(key, buf);
    }
    return buf;
  }

  /**
   * M itself, or M * 2^-e with e its exponent when its entries are so large or small that the
   * Gram matrix's squares would overflow or underflow (an overflowing Gram matrix used to zero
   * the whole Cholesky factor, so an exploding network read as vanishing). Scaling by a power of
   * two is exact; the caller multiplies its result by 2^e. Ordinary sizes are not copied.
   */
  private gramInput(M: Float64Array, len: number, knownMaxAbs?: number): { M: Float64Array; e: number } {
    let maxAbs = knownMaxAbs ?? 0;
    if (knownMaxAbs === undefined) {
      for (let i = 0; i < len; i++) {
        const a = Math.abs(M[i]);
        if (a > maxAbs) maxAbs = a;
      }
    }
    if (maxAbs === 0 || (maxAbs <= SQUARE_SAFE_MAX && maxAbs >= SQUARE_SAFE_MIN) || !Number.isFinite(maxAbs)) return { M, e: 0 };
    const e = ceilLog2(maxAbs);
    const S = this.get('scaled', 0, len);
    for (let i = 0; i < len; i++) S[i] = scalbn(M[i], -e);
    return { M: S, e };
  }

  /**
   * Z (outRows x B): rows i.i.d. N(0, std^2 M^T M), M (rows x B): the Gram matrix's upper Cholesky
   * factor U (U^T U = M^T M) times fresh normals, Z = std X U. `maxAbs`, when the caller knows
   * it (the largest |entry| of M, NaN ignored, from M's valueStats), saves a pass over M.
   */
  sampleCovariance(M0: Float64Array, rows: number, B: number, std: number, outRows: number, rng: Rng, Z: Float64Array, maxAbs?: number): void {
    if (std === 0) {
      Z.fill(0, 0, outRows * B);
      return;
    }
    const { M, e } = this.gramInput(M0, rows * B, maxAbs);
    if (!gramFactorSample(M, rows, B, std, outRows, rng, Z)) {
      const G = this.get('gram', 0, B * B);
      const X = this.get('normals', 0, outRows * B);
      gram(M, rows, B, G);
      choleskyUpper(G, B);
      rng.fillNormal(X, 1, 0, outRows * B);
      multiplyUpper(X, outRows, G, B, std, Z);
    }
    if (e !== 0) for (let i = 0; i < outRows * B; i++) Z[i] = scalbn(Z[i], e);
  }

  /**
   * Z (n x B) distributed as gain W M for a Haar-orthogonal W (n x n) and M (n x B), B <= n:
   * gain F R, with R the upper Cholesky factor of M^T M and F a uniformly random orthonormal frame
   * (see the module header).
   * F is the sign-fixed Q of an n x B Gaussian G. When 2B <= n it is taken as G R_G^-1, R_G the
   * Cholesky factor of G^T G (Cholesky QR: the same Q in exact arithmetic, since R with a
   * positive diagonal is unique; G's condition number is then about
   * (1 + sqrt(B/n)) / (1 - sqrt(B/n)) <= 6, so squaring it in G^T G costs nothing visible), and
   * Z = gain G (R_G^-1 R) is one more Gram matrix and a triangular product, the fast kernels.
   * For 2B > n, where G^T G gets ill-conditioned, F R = Q [D R; 0] is applied as B Householder
   * reflectors.
   */
  sampleFrame(M0: Float64Array, n: number, B: number, gain: number, rng: Rng, Z: Float64Array): void {
    const { M, e } = this.gramInput(M0, n * B);
    this.sampleFrameScaled(M, n, B, gain, rng, Z);
    if (e !== 0) for (let i = 0; i < n * B; i++) Z[i] = scalbn(Z[i], e);
  }

  private sampleFrameScaled(M: Float64Array, n: number, B: number, gain: number, rng: Rng, Z: Float64Array): void {
    const R = this.get('gram', 0, B * B);
    gram(M, n, B, R);
    choleskyUpper(R, B);
    if (2 * B > n) {
      new OrthogonalWeights(B, n, gain, rng).forward(R, B, Z);
      return;
    }
    const G = this.get('normals', 0, n * B);
    rng.fillNormal(G, 1, 0, n * B);
    const RG = this.get('gram', 1, B * B);
    gram(G, n, B, RG);
    choleskyUpper(RG, B);
    // T = R_G^-1 R (upper triangular), row by row from the bottom: row i of T is
    // (row i of R - sum_{k > i} RG_ik row k of T) / RG_ii.
    const T = this.get('frame', 0, B * B);
    for (let i = B - 1; i >= 0; i--) {
      const io = i * B;
      for (let j = 0; j < i; j++) T[io + j] = 0;
      for (let j = i; j < B; j++) T[io + j] = R[io + j];
      for (let k = i + 1; k < B; k++) {
        const f = RG[io + k];
        const ko = k * B;
        for (let j = k; j < B; j++) T[io + j] -= f * T[ko + j];
      }
      const inv = 1 / RG[io + i];
      for (let j = i; j < B; j++) T[io + j] *= inv;
    }
    multiplyUpper(G, n, T, B, gain, Z);
  }

  /**
   * ||Z||_F^2 for the Z that sampleCovariance would draw, without drawing Z: for X (outRows x B)
   * i.i.d. N(0, 1), X = Q R (QR) with R the Bartlett factor, upper trapezoidal (m = min(outRows, B)
   * rows) with independent R_ii^2 ~ chi^2(outRows - i) and R_ij ~ N(0, 1) above the diagonal, and
   * Q has orthonormal columns, so ||X U||_F = ||R U||_F: exact in distribution for about B^3 / 6
   * operations instead of outRows B^2 / 2. The chi-squares are sums of squared normals (exact,
   * and no more draws than Z itself would take).
   */
  sampleCovarianceSquaredNorm(M: Float64Array, rows: number, B: number, std: number, outRows: number, rng: Rng): number {
    const { std: sd, total, e } = this.sampleCovarianceNorm(M, rows, B, std, outRows, rng);
    return scalbn(sd * sd * total, 2 * e);
  }

  /** sqrt(||Z||_F^2 / (outRows B)), the RMS, for finite entries of any size (no squaring of 2^e). */
  sampleCovarianceRms(M: Float64Array, rows: number, B: number, std: number, outRows: number, rng: Rng): number {
    const { std: sd, total, e } = this.sampleCovarianceNorm(M, rows, B, std, outRows, rng);
    const rms = Math.sqrt((sd * sd * total) / (outRows * B));
    // Ordinary sizes keep the plain formula's bits; otherwise avoid squaring std.
    return e === 0 && Number.isFinite(rms) && rms > SQUARE_SAFE_MIN ? rms : scalbn(sd * Math.sqrt(total / (outRows * B)), e);
  }

  /** ||Z||_F^2 = std^2 total 4^e (see sampleCovarianceSquaredNorm). */
  private sampleCovarianceNorm(M0: Float64Array, rows: number, B: number, std: number, outRows: number, rng: Rng): { std: number; total: number; e: number } {
    if (std === 0) return { std, total: 0, e: 0 };
    const { M, e } = this.gramInput(M0, rows * B);
    const U = this.get('gram', 0, B * B);
    gram(M, rows, B, U);
    choleskyUpper(U, B);
    const m = Math.min(outRows, B);
    const R = this.get('bartlett', 0, m * B);
    const xi = this.get('normals', 0, outRows);
    for (let i = 0; i < m; i++) {
      const dof = outRows - i;
      rng.fillNormal(xi, 1, 0, dof);
      let chi2 = 0;
      for (let k = 0; k < dof; k++) chi2 += xi[k] * xi[k];
      R[i * B + i] = Math.sqrt(chi2);
      rng.fillNormal(R, 1, i * B + i + 1, B - i - 1);
    }
    // Row i of R U: t[j] = sum_{k=i..j} R_ik U_kj, accumulated along rows of U.
    const t = this.get('row', 0, B);
    let total = 0;
    for (let i = 0; i < m; i++) {
      t.fill(0, i, B);
      for (let k = i; k < B; k++) {
        const r = R[i * B + k];
        const uo = k * B;
        for (let j = k; j < B; j++) t[j] += r * U[uo + j];
      }
      for (let j = i; j < B; j++) total += t[j] * t[j];
    }
    return { std, total, e };
  }
}

/** In-place normalization of z (units x B); returns 1/sigma per group for the backward pass. */
function normalize(kind: SimConfig['normalization'], z: Float64Array, units: number, B: number): Float64Array | null {
  if (kind === 'none') return null;
  const inv = new Float64Array(kind === 'layernorm' ? B : units);
  normalizeInPlace(kind, z, units, B, inv);
  return inv;
}

/** Sum of x[i]^2 over x[0..n), with two partial sums so the additions are not one serial chain. */
function sumOfSquares(x: Float64Array, n: number): number {
  let s0 = 0;
  let s1 = 0;
  const even = n - (n & 1);
  for (let i = 0; i < even; i += 2) {
    s0 += x[i] * x[i];
    s1 += x[i + 1] * x[i + 1];
  }
  if (even < n) s0 += x[even] * x[even];
  return s0 + s1;
}

/** RMS of x[0..n); finite values of any size give a finite result (stats.ts robustRms). */
function rmsOf(x: Float64Array, n: number): number {
  return robustRms(x, n, sumOfSquares(x, n));
}

export interface PassOptions {
  path: EnginePath;
  histograms: boolean;
  /** Called after each layer's forward and each layer's backward step (2L calls). */
  onStep?: () => void;
  /** Buffers to reuse (simulate passes one for the whole band); a fresh one otherwise. */
  workspace?: Workspace;
}

/** Runs the network once for `seed` and returns per-layer statistics. */
export function runSeed(config: SimConfig, seed: number, options: PassOptions): SeedPass {
  const widths = layerWidths(config);
  const L = widths.length;
  const B = config.samples;
  const act = config.activation;
  const param = config.activationParam;
  const fans = widths.map((_, l) => (l === 0 ? config.width : widths[l - 1]));
  const ws = options.workspace ?? new Workspace();
  const orthogonal = SCHEME_INFO[config.scheme].distribution === 'orthogonal';

  const x = ws.get('input', 0, config.width * B);
  createRng(seed, STREAM.input).fillNormal(x, config.inputStd, 0, config.width * B);
  const inputStats = valueStats(x, config.width * B);
  const input = inputStats.moments;

  // Uniform weights are drawn straight into the wasm kernels' memory (four generators in SIMD
  // lanes) for each product, faster than drawing them in JS once and copying them in twice.
  const redraw = SCHEME_INFO[config.scheme].distribution === 'uniform' && wasmKernelsActive();
  const cacheWeights = !redraw && fans.reduce((s, f, l) => s + f * widths[l], 0) <= WEIGHT_CACHE_DOUBLES;
  const ops: (LayerOp | undefined)[] = new Array(L);
  const opFor = (l: number): LayerOp => {
    const op = ops[l] ?? makeMaterializedOp(config, seed, l + 1, fans[l], widths[l], ws, cacheWeights ? l : 0, cacheWeights);
    ops[l] = cacheWeights ? op : undefined;
    return op;
  };

  // Pre-activations are kept for the backward pass; activations only until the next layer.
  const zs: Float64Array[] = new Array(L);
  const invs: (Float64Array | null)[] = new Array(L);
  const layers: LayerPass[] = [];
  let overflowLayer: number | null = null;
  let underflowLayer: number | null = null;
  let prev = x;
  let prevMaxAbs = Math.max(-inputStats.min, inputStats.max);
  let prevAllZero = false;
  for (let l = 0; l < L; l++) {
    const fanIn = fans[l];
    const out = widths[l];
    const n = out * B;
    if (overflowLayer !== null) {
      // Nothing after an overflow is a number: say so instead of computing from Infinity/NaN.
      layers.push({ width: out, pre: null, post: null, gradientNorm: null, unitsIdentical: false, histogram: options.histograms ? null : undefined });
      continue;
    }
    const z = ws.get('z', l, n);
    const rng = () => createRng(seed, STREAM.weights, l + 1);
    if (options.path === 'covariance' && !orthogonal) {
      ws.sampleCovariance(prev, fanIn, B, weightStd(config, fanIn, out), out, rng(), z, prevMaxAbs);
    } else if (options.path === 'covariance' && isFrameLayer(config, fanIn, out, B)) {
      ws.sampleFrame(prev, fanIn, B, orthogonalGain(config, fanIn, out), rng(), z);
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

    const pre = valueStats(z, n);
    const a = ws.get('activation', l % 2, n);
    applyActivation(act, param, z, a, n, !Number.isNaN(pre.moments.mean) && pre.min > -Infinity);
    const saturated = saturatedFraction(act, a, n);
    const c = skipScale(config, fanIn, out);
    // A zero branch gain leaves the stream exactly as it was (no 0 * Infinity from the branch).
    if (hasSkip(config, fanIn, out)) for (let i = 0; i < n; i++) a[i] = c === 0 ? prev[i] : prev[i] + c * a[i];
    const post = valueStats(a, n);
    if (!isFiniteStats(pre) || !isFiniteStats(post)) {
      overflowLayer = l + 1;
      layers.push({ width: out, pre: null, post: null, gradientNorm: null, unitsIdentical: false, histogram: options.histograms ? null : undefined });
      options.onStep?.();
      continue;
    }
    const allZero = pre.min === 0 && pre.max === 0;
    if (allZero && underflowLayer === null && !prevAllZero && weightStd(config, fanIn, out) > 0) underflowLayer = l + 1;
    prevAllZero = post.min === 0 && post.max === 0;
    const dead = act === 'relu' || act === 'leaky-relu' ? deadFraction(z, out, B) : 0;
    layers.push({
      width: out,
      pre: pre.moments,
      post: { ...post.moments, deadFraction: dead, saturatedFraction: saturated },
      gradientNorm: null,
      unitsIdentical: unitsIdentical(z, out, B),
      histogram: options.histograms ? { pre: histogram(z, n, pre), post: histogram(a, n, post) } : undefined,
    });
    prev = a;
    prevMaxAbs = Math.max(-post.min, post.max);
    options.onStep?.();
  }
  if (overflowLayer !== null) {
    for (let l = overflowLayer; l < L; l++) options.onStep?.();
    for (let l = 0; l < L; l++) options.onStep?.();
    return { input, layers, overflowLayer, gradientOverflowLayer: null, underflowLayer };
  }

  // Backward pass; gradients alternate between two buffers.
  let gradientOverflowLayer: number | null = null;
  let g = ws.get('gradient', L % 2, widths[L - 1] * B);
  createRng(seed, STREAM.outputGradient).fillNormal(g, 1, 0, widths[L - 1] * B);
  for (let l = L - 1; l >= 0; l--) {
    const out = widths[l];
    const fanIn = fans[l];
    const n = out * B;
    const rms = rmsOf(g, n);
    if (!Number.isFinite(rms)) {
      gradientOverflowLayer = l + 1;
      for (let k = l; k >= 0; k--) options.onStep?.();
      break;
    }
    layers[l].gradientNorm = rms;
    if (l === 0) {
      options.onStep?.();
      break;
    }
    const c = skipScale(config, fanIn, out);
    const skip = hasSkip(config, fanIn, out);
    // dL/dz through the branch: without a skip, g itself is not needed again and becomes d.
    let d = g;
    if (skip) {
      d = ws.get('delta', 0, n);
      for (let i = 0; i < n; i++) d[i] = c * g[i];
    }
    multiplyByDerivative(act, param, zs[l], d, n, true);
    const inv = invs[l];
    if (inv) normalizeBackward(config.normalization, zs[l], inv, d, out, B);
    const rng = () => createRng(seed, STREAM.backwardWeights, l + 1);
    const frame = options.path === 'covariance' && isFrameLayer(config, fanIn, out, B);
    const gaussian = options.path === 'covariance' && !orthogonal;
    if (l === 1 && !skip && (gaussian || frame)) {
      // Layer 1's input gradient is reported only through its RMS: draw just its norm (an
      // orthogonal frame preserves it exactly; fanIn = out there).
      const rms1 = frame ? orthogonalGain(config, fanIn, out) * rmsOf(d, n) : ws.sampleCovarianceRms(d, out, B, weightStd(config, fanIn, out), fanIn, rng());
      if (Number.isFinite(rms1)) layers[0].gradientNorm = rms1;
      else gradientOverflowLayer = 1;
      options.onStep?.();
      options.onStep?.();
      break;
    }
    const gPrev = ws.get('gradient', l % 2, fanIn * B);
    if (gaussian) {
      ws.sampleCovariance(d, out, B, weightStd(config, fanIn, out), fanIn, rng(), gPrev);
    } else if (frame) {
      ws.sampleFrame(d, out, B, orthogonalGain(config, fanIn, out), rng(), gPrev);
    } else {
      opFor(l).backward(d, B, gPrev);
    }
    if (skip) for (let i = 0; i < fanIn * B; i++) gPrev[i] += g[i];
    g = gPrev;
    options.onStep?.();
  }
  return { input, layers, overflowLayer, gradientOverflowLayer, underflowLayer };
}

/** Whether a layer's values were all finite (valueStats' mean is NaN or infinite otherwise). */
function isFiniteStats(v: { moments: Moments; min: number; max: number }): boolean {
  return Number.isFinite(v.moments.mean) && Number.isFinite(v.moments.std) && Number.isFinite(v.min) && Number.isFinite(v.max);
}
