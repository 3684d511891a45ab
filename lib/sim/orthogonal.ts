/**
 * Orthogonal weights (torch.nn.init.orthogonal_) kept in factored form.
 *
 * PyTorch draws a Gaussian matrix G (rows = fan_out), transposes it if it is wide, takes the
 * Householder QR, multiplies Q by sign(diag R) and by the gain. Householder QR builds reflector
 * j from column j of G after reflectors 0..j-1 have been applied to it; because a reflection
 * depends only on earlier columns and i.i.d. Gaussian vectors are rotation invariant, that
 * transformed column (rows j..m-1) is again i.i.d. N(0, 1). So we draw each reflector's source
 * vector fresh (Stewart 1980): the distribution of Q is exactly PyTorch's (Haar), and we skip the
 * O(m n^2) factorization. Applying Q as k reflections costs about the same as a dense product, so
 * the orthogonal scheme is about as fast as a materialized Gaussian one.
 *
 * Conventions: m = max(fan_in, fan_out), k = min(...). Reflector j acts on coordinates j..m-1:
 * H_j = I - beta_j v_j v_j^T, alpha_j = -sign(x_0) ||x|| (LAPACK's choice, so R_jj = alpha_j),
 * d_j = sign(alpha_j). Q_k = H_0 ... H_{k-1} restricted to the first k columns.
 *   fan_out >= fan_in (tall):  W = gain * Q_k D          (W^T W = gain^2 I)
 *   fan_out <  fan_in (wide):  W = gain * D Q_k^T        (W W^T = gain^2 I)
 */
import type { Rng } from './rng';

export class OrthogonalWeights {
  readonly m: number;
  readonly k: number;
  readonly tall: boolean;
  /** Reflector vectors packed one after the other: v_j has length m - j. */
  private readonly v: Float64Array;
  private readonly offsets: Int32Array;
  private readonly beta: Float64Array;
  private readonly sign: Float64Array;
  /** Per-sample dot products, reused across reflectors. */
  private dots: Float64Array;

  constructor(
    readonly fanIn: number,
    readonly fanOut: number,
    readonly gain: number,
    rng: Rng,
  ) {
    this.tall = fanOut >= fanIn;
    this.m = Math.max(fanIn, fanOut);
    this.k = Math.min(fanIn, fanOut);
    const { m, k } = this;
    this.offsets = new Int32Array(k + 1);
    for (let j = 0; j < k; j++) this.offsets[j + 1] = this.offsets[j] + (m - j);
    this.v = new Float64Array(this.offsets[k]);
    this.beta = new Float64Array(k);
    this.sign = new Float64Array(k);
    this.dots = new Float64Array(0);
    for (let j = 0; j < k; j++) {
      const o = this.offsets[j];
      const len = m - j;
      rng.fillNormal(this.v, 1, o, len);
      let norm2 = 0;
      for (let i = 0; i < len; i++) norm2 += this.v[o + i] * this.v[o + i];
      const x0 = this.v[o];
      const alpha = (x0 >= 0 ? -1 : 1) * Math.sqrt(norm2);
      this.v[o] = x0 - alpha;
      let vv = 0;
      for (let i = 0; i < len; i++) vv += this.v[o + i] * this.v[o + i];
      this.beta[j] = vv > 0 ? 2 / vv : 0;
      this.sign[j] = alpha >= 0 ? 1 : -1;
    }
  }

  private reflect(j: number, Y: Float64Array, B: number): void {
    const o = this.offsets[j];
    const len = this.m - j;
    const beta = this.beta[j];
    if (beta === 0) return;
    if (this.dots.length < B) this.dots = new Float64Array(B);
    const d = this.dots;
    d.fill(0, 0, B);
    for (let i = 0; i < len; i++) {
      const vi = this.v[o + i];
      const yo = (j + i) * B;
      for (let b = 0; b < B; b++) d[b] += vi * Y[yo + b];
    }
    for (let b = 0; b < B; b++) d[b] *= beta;
    for (let i = 0; i < len; i++) {
      const vi = this.v[o + i];
      const yo = (j + i) * B;
      for (let b = 0; b < B; b++) Y[yo + b] -= vi * d[b];
    }
  }

  /** Y (m x B) <- Q Y, i.e. H_0 (H_1 (... H_{k-1} Y)). */
  private applyQ(Y: Float64Array, B: number): void {
    for (let j = this.k - 1; j >= 0; j--) this.reflect(j, Y, B);
  }

  /** Y (m x B) <- Q^T Y, i.e. H_{k-1} (... H_0 Y). */
  private applyQT(Y: Float64Array, B: number): void {
    for (let j = 0; j < this.k; j++) this.reflect(j, Y, B);
  }

  /** Scratch of m x B for the products, grown on demand. */
  private scratch = new Float64Array(0);
  private work(B: number): Float64Array {
    if (this.scratch.length < this.m * B) this.scratch = new Float64Array(this.m * B);
    return this.scratch;
  }

  /** Z (fanOut x B) = W A, A (fanIn x B). */
  forward(A: Float64Array, B: number, Z: Float64Array): void {
    const { k, m, gain } = this;
    const Y = this.work(B);
    if (this.tall) {
      // Y = [D A; 0], then Q Y.
      Y.fill(0, 0, m * B);
      for (let j = 0; j < k; j++) {
        const s = this.sign[j];
        for (let b = 0; b < B; b++) Y[j * B + b] = s * A[j * B + b];
      }
      this.applyQ(Y, B);
      for (let i = 0; i < m * B; i++) Z[i] = gain * Y[i];
    } else {
      // Z = gain D (first k rows of Q^T A).
      Y.set(A.subarray(0, m * B));
      this.applyQT(Y, B);
      for (let j = 0; j < k; j++) {
        const s = gain * this.sign[j];
        for (let b = 0; b < B; b++) Z[j * B + b] = s * Y[j * B + b];
      }
    }
  }

  /** G (fanIn x B) = W^T D, D (fanOut x B). */
  backward(D: Float64Array, B: number, G: Float64Array): void {
    const { k, m, gain } = this;
    const Y = this.work(B);
    if (this.tall) {
      Y.set(D.subarray(0, m * B));
      this.applyQT(Y, B);
      for (let j = 0; j < k; j++) {
        const s = gain * this.sign[j];
        for (let b = 0; b < B; b++) G[j * B + b] = s * Y[j * B + b];
      }
    } else {
      Y.fill(0, 0, m * B);
      for (let j = 0; j < k; j++) {
        const s = this.sign[j];
        for (let b = 0; b < B; b++) Y[j * B + b] = s * D[j * B + b];
      }
      this.applyQ(Y, B);
      for (let i = 0; i < m * B; i++) G[i] = gain * Y[i];
    }
  }

  /** The dense matrix (fanOut x fanIn), for tests and small inspections. */
  toDense(): Float64Array {
    const { fanIn, fanOut } = this;
    const I = new Float64Array(fanIn * fanIn);
    for (let i = 0; i < fanIn; i++) I[i * fanIn + i] = 1;
    const cols = new Float64Array(fanOut * fanIn); // W I: column c of W is W e_c
    this.forward(I, fanIn, cols);
    return cols;
  }
}
