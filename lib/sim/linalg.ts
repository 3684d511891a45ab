import type { Rng } from './rng';
import { even, WASM_BASE, wasmCholeskyUpdateAt, wasmCopyOut, wasmFillNormal, wasmGramAt, wasmGramBlocks, wasmMatmulBlocks, wasmMatmulTransposedBlocks, wasmMultiplyUpperAt, wasmMultiplyUpperBlocks, wasmScratch, type WeightWriter } from './wasm-kernels';

export type { WeightWriter } from './wasm-kernels';

/**
 * Dense kernels on row-major Float64Array matrices, written for V8 (no SIMD): each kernel
 * computes a small block of outputs in local variables (register blocking: 8 accumulators, 6
 * loads per 8 multiply-adds) so the inner loop is bound by arithmetic rather than by loads and
 * stores of the output; no allocation inside the kernels. The summation order is fixed, so the
 * results are bit-reproducible across runs and engines. gram and multiplyUpper, the hottest, run
 * their bulk in WebAssembly SIMD when available (wasm-kernels.ts), with the same bits.
 *
 * Shapes: activations are (units x B), one row per unit, one column per sample.
 */

/** A WeightWriter that copies a stored W (m x k, row-major). */
export function copyOf(W: Float64Array, m: number, k: number): WeightWriter {
  return (out, at, ld) => {
    if (ld === k) out.set(W.subarray(0, m * k), at);
    else for (let i = 0; i < m; i++) out.set(W.subarray(i * k, i * k + k), at + i * ld);
  };
}

/**
 * Z = W A in the wasm kernels, with W (m x k) written by `write` straight into their memory;
 * false, with nothing done, if they are off or the shape is too small (then the caller needs W
 * itself, for matmul). Each entry is one running sum from +0 over p in increasing order, in the
 * wasm blocks (4 x 4, the sum split into chunks) and in the edge rows and columns here alike.
 */
export function matmulWritten(write: WeightWriter, m: number, k: number, A: Float64Array, B: number, Z: Float64Array): boolean {
  if (m < 4 || B < 4 || k < 1) return false;
  const w = wasmMatmulBlocks(write, m, k, A, B, Z);
  if (!w) return false;
  const { h, at, ld } = w;
  const m4 = m - (m % 4);
  const B4 = B - (B % 4);
  for (let i = 0; i < m; i++) {
    const w0 = at + i * ld;
    for (let b = i < m4 ? B4 : 0; b < B; b++) {
      let s = 0;
      for (let p = 0, a = b; p < k; p++, a += B) s += h[w0 + p] * A[a];
      Z[i * B + b] = s;
    }
  }
  return true;
}

/**
 * G = W^T D in the wasm kernels, W (m x k) written by `write` into their memory; false if they
 * are off or the shape is too small. Each entry is one running sum from +0 over i in order.
 */
export function matmulTransposedWritten(write: WeightWriter, m: number, k: number, D: Float64Array, B: number, G: Float64Array): boolean {
  if (k < 4 || B < 4 || m < 1) return false;
  const w = wasmMatmulTransposedBlocks(write, m, k, D, B, G);
  if (!w) return false;
  const { h, at, ld } = w;
  const k4 = k - (k % 4);
  const B4 = B - (B % 4);
  for (let p = 0; p < k; p++) {
    for (let b = p < k4 ? B4 : 0; b < B; b++) {
      let s = 0;
      for (let i = 0, o = at + p, d = b; i < m; i++, o += ld, d += B) s += h[o] * D[d];
      G[p * B + b] = s;
    }
  }
  return true;
}

/**
 * Z (m x B) = W (m x k) * A (k x B). Z is overwritten. Each entry is one running sum from +0 over
 * p in increasing order, so the wasm path (matmulWritten) gives the JS kernel's bits. JS: blocks
 * of 2 output rows x 4 samples.
 */
export function matmul(W: Float64Array, m: number, k: number, A: Float64Array, B: number, Z: Float64Array): void {
  if (matmulWritten(copyOf(W, m, k), m, k, A, B, Z)) return;
  const B4 = B - (B % 4);
  let i = 0;
  for (; i + 1 < m; i += 2) {
    const w0 = i * k;
    const w1 = w0 + k;
    const z0 = i * B;
    const z1 = z0 + B;
    for (let b = 0; b < B4; b += 4) {
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      for (let p = 0, a = b; p < k; p++, a += B) {
        const x0 = W[w0 + p];
        const x1 = W[w1 + p];
        const a0 = A[a];
        const a1 = A[a + 1];
        const a2 = A[a + 2];
        const a3 = A[a + 3];
        s00 += x0 * a0; s01 += x0 * a1; s02 += x0 * a2; s03 += x0 * a3;
        s10 += x1 * a0; s11 += x1 * a1; s12 += x1 * a2; s13 += x1 * a3;
      }
      Z[z0 + b] = s00; Z[z0 + b + 1] = s01; Z[z0 + b + 2] = s02; Z[z0 + b + 3] = s03;
      Z[z1 + b] = s10; Z[z1 + b + 1] = s11; Z[z1 + b + 2] = s12; Z[z1 + b + 3] = s13;
    }
    for (let b = B4; b < B; b++) {
      let s0 = 0, s1 = 0;
      for (let p = 0, a = b; p < k; p++, a += B) {
        s0 += W[w0 + p] * A[a];
        s1 += W[w1 + p] * A[a];
      }
      Z[z0 + b] = s0;
      Z[z1 + b] = s1;
    }
  }
  for (; i < m; i++) {
    const w0 = i * k;
    for (let b = 0; b < B; b++) {
      let s = 0;
      for (let p = 0, a = b; p < k; p++, a += B) s += W[w0 + p] * A[a];
      Z[i * B + b] = s;
    }
  }
}

/**
 * G (k x B) = W^T * D, with W (m x k) and D (m x B). Each entry is one running sum from +0 over
 * i in increasing order (the wasm path: matmulTransposedWritten). JS: blocks of 2 output rows x
 * 4 samples.
 */
export function matmulTransposed(W: Float64Array, m: number, k: number, D: Float64Array, B: number, G: Float64Array): void {
  if (matmulTransposedWritten(copyOf(W, m, k), m, k, D, B, G)) return;
  const B4 = B - (B % 4);
  let p = 0;
  for (; p + 1 < k; p += 2) {
    const g0 = p * B;
    const g1 = g0 + B;
    for (let b = 0; b < B4; b += 4) {
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      for (let i = 0, w = p, d = b; i < m; i++, w += k, d += B) {
        const x0 = W[w];
        const x1 = W[w + 1];
        const d0 = D[d];
        const d1 = D[d + 1];
        const d2 = D[d + 2];
        const d3 = D[d + 3];
        s00 += x0 * d0; s01 += x0 * d1; s02 += x0 * d2; s03 += x0 * d3;
        s10 += x1 * d0; s11 += x1 * d1; s12 += x1 * d2; s13 += x1 * d3;
      }
      G[g0 + b] = s00; G[g0 + b + 1] = s01; G[g0 + b + 2] = s02; G[g0 + b + 3] = s03;
      G[g1 + b] = s10; G[g1 + b + 1] = s11; G[g1 + b + 2] = s12; G[g1 + b + 3] = s13;
    }
    for (let b = B4; b < B; b++) {
      let s0 = 0, s1 = 0;
      for (let i = 0, w = p, d = b; i < m; i++, w += k, d += B) {
        s0 += W[w] * D[d];
        s1 += W[w + 1] * D[d];
      }
      G[g0 + b] = s0;
      G[g1 + b] = s1;
    }
  }
  for (; p < k; p++) {
    for (let b = 0; b < B; b++) {
      let s = 0;
      for (let i = 0, w = p, d = b; i < m; i++, w += k, d += B) s += W[w] * D[d];
      G[p * B + b] = s;
    }
  }
}

/**
 * Gram matrix G (B x B) = M^T M of M (rows x B), i.e. G[b][c] = sum_r M[r][b] M[r][c]. Blocks of
 * 2 x 4 entries on or above the diagonal are computed, then mirrored. The inner loop walks one
 * offset p down the rows, with the block's other columns at fixed distances from it: fewer index
 * computations than row * B + column per load, which measurably matters in V8. Each entry is
 * one running sum over the rows in order, so any blocking (the wasm kernel's too) gives its bits.
 */
export function gram(M: Float64Array, rows: number, B: number, G: Float64Array): void {
  if (rows > 0 && B >= 4 && wasmGramBlocks(M, rows, B, G)) {
    gramEdges(M, rows, B, G);
    return;
  }
  const end = rows * B;
  let b0 = 0;
  for (; b0 + 1 < B; b0 += 2) {
    let c0 = b0;
    for (; c0 + 3 < B; c0 += 4) {
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      const d = c0 - b0;
      for (let p = b0; p < end; p += B) {
        const q = p + d;
        const y0 = M[q];
        const y1 = M[q + 1];
        const y2 = M[q + 2];
        const y3 = M[q + 3];
        const x0 = M[p];
        s00 += x0 * y0; s01 += x0 * y1; s02 += x0 * y2; s03 += x0 * y3;
        const x1 = M[p + 1];
        s10 += x1 * y0; s11 += x1 * y1; s12 += x1 * y2; s13 += x1 * y3;
      }
      const g = b0 * B + c0;
      G[g] = s00; G[g + 1] = s01; G[g + 2] = s02; G[g + 3] = s03;
      G[g + B] = s10; G[g + B + 1] = s11; G[g + B + 2] = s12; G[g + B + 3] = s13;
    }
    for (; c0 < B; c0++) {
      let s0 = 0, s1 = 0;
      const d = c0 - b0;
      for (let p = b0; p < end; p += B) {
        const y = M[p + d];
        s0 += M[p] * y;
        s1 += M[p + 1] * y;
      }
      G[b0 * B + c0] = s0;
      G[(b0 + 1) * B + c0] = s1;
    }
  }
  if (b0 < B) {
    // Odd B: the last diagonal entry.
    let s = 0;
    for (let p = b0; p < end; p += B) s += M[p] * M[p];
    G[b0 * B + b0] = s;
  }
  mirrorUpper(G, B);
}

/**
 * Completes G = M^T M after the wasm kernel's 4 x 4 blocks: the entries in columns past B & ~3,
 * then the lower triangle. Every entry is one running sum over the rows in order, whatever the
 * blocking, so these match the JS kernel's to the bit.
 */
function gramEdges(M: Float64Array, rows: number, B: number, G: Float64Array): void {
  const B4 = B - (B % 4);
  for (let b = 0; b < B; b++) {
    for (let c = Math.max(b, B4); c < B; c++) {
      let s = 0;
      for (let p = 0; p < rows * B; p += B) s += M[p + b] * M[p + c];
      G[b * B + c] = s;
    }
  }
  mirrorUpper(G, B);
}

/** Copies the upper triangle of G (B x B) onto the lower one. */
function mirrorUpper(G: Float64Array, B: number): void {
  for (let b = 0; b < B; b++) for (let c = b + 1; c < B; c++) G[c * B + b] = G[b * B + c];
}

/**
 * In-place Cholesky of a symmetric positive semidefinite G (n x n): on return G holds the upper
 * factor U (zeros below the diagonal) with U^T U = G. Rank deficiency (zero activations, or more
 * samples than units) shows up as pivots that are zero up to rounding; those are set to exactly
 * zero together with their row, which is the semidefinite Cholesky factor: drawn vectors then lie
 * in the column space of G, as under the exact distribution. No jitter is added, so a full-rank G
 * is factored exactly. `heapAt` >= 0 says G is the wasm scratch memory's view starting at that
 * offset (gramFactorSample): the trailing updates then run in the SIMD kernel, with the same bits.
 */
export function choleskyUpper(G: Float64Array, n: number, heapAt = -1): void {
  let maxDiag = 0;
  for (let i = 0; i < n; i++) maxDiag = Math.max(maxDiag, G[i * n + i]);
  const tol = maxDiag * n * 1e-14;
  // Right-looking in panels of 4 rows: factor the panel (each finished row updates the panel's
  // later rows), then subtract the panel's 4 outer products from the trailing block in one sweep,
  // 4 multiply-adds per load and store of G. The operations and their order are those of the
  // one-row-at-a-time algorithm, so the factor is the same to the bit. Inner loops run along rows.
  for (let j = 0; j < n; j += 4) {
    const panelEnd = Math.min(n, j + 4);
    for (let k = j; k < panelEnd; k++) {
      finishRow(G, n, k, tol);
      const ko = k * n;
      for (let r = k + 1; r < panelEnd; r++) {
        const f = G[ko + r];
        const ro = r * n;
        for (let c = r; c < n; c++) G[ro + c] -= f * G[ko + c];
      }
    }
    if (panelEnd === n) break;
    if (heapAt >= 0) {
      // G is the wasm scratch memory's view at heapAt: the same update in the SIMD kernel.
      wasmCholeskyUpdateAt(heapAt, n, j);
      continue;
    }
    const o0 = j * n;
    const o1 = o0 + n;
    const o2 = o1 + n;
    const o3 = o2 + n;
    for (let r = panelEnd; r < n; r++) {
      const f0 = G[o0 + r];
      const f1 = G[o1 + r];
      const f2 = G[o2 + r];
      const f3 = G[o3 + r];
      const ro = r * n;
      for (let c = r; c < n; c++) G[ro + c] = G[ro + c] - f0 * G[o0 + c] - f1 * G[o1 + c] - f2 * G[o2 + c] - f3 * G[o3 + c];
    }
  }
  for (let r = 1; r < n; r++) for (let c = 0; c < r; c++) G[r * n + c] = 0;
}

/** Row j of the Cholesky factor from its updated row: sqrt of the pivot, then scale; or zeros. */
function finishRow(G: Float64Array, n: number, j: number, tol: number): void {
  const jo = j * n;
  const d = G[jo + j];
  if (!(d > tol)) {
    for (let c = j; c < n; c++) G[jo + c] = 0;
    return;
  }
  const ujj = Math.sqrt(d);
  G[jo + j] = ujj;
  const inv = 1 / ujj;
  for (let c = j + 1; c < n; c++) G[jo + c] *= inv;
}

/**
 * Z (rows x B) = scale * X U, with X (rows x B) i.i.d. N(0, 1) and U upper triangular with zeros
 * below the diagonal: each row of Z is then N(0, scale^2 U^T U). Blocks of 2 rows x 4 columns;
 * for columns b0..b0+3 only c <= b0+3 contributes. That summation range (c < b0 + 4 within the
 * 4-column blocks, c <= b past them) is part of the result, not just of the blocking: the extra
 * terms X * 0 are NaN where X is infinite or NaN. The wasm kernel and the edge code below use
 * the same ranges and order, so both paths give the same bits.
 */
export function multiplyUpper(X: Float64Array, rows: number, U: Float64Array, B: number, scale: number, Z: Float64Array): void {
  if (wasmMultiplyUpperBlocks(X, rows, U, B, scale, Z)) {
    multiplyUpperEdges(X, rows, U, B, scale, Z);
    return;
  }
  const B4 = B - (B % 4);
  let r = 0;
  for (; r + 1 < rows; r += 2) {
    const o0 = r * B;
    const o1 = o0 + B;
    for (let b0 = 0; b0 < B4; b0 += 4) {
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      const cEnd = b0 + 4;
      for (let c = 0, u = b0; c < cEnd; c++, u += B) {
        const x0 = X[o0 + c];
        const x1 = X[o1 + c];
        const u0 = U[u];
        const u1 = U[u + 1];
        const u2 = U[u + 2];
        const u3 = U[u + 3];
        s00 += x0 * u0; s01 += x0 * u1; s02 += x0 * u2; s03 += x0 * u3;
        s10 += x1 * u0; s11 += x1 * u1; s12 += x1 * u2; s13 += x1 * u3;
      }
      Z[o0 + b0] = s00 * scale; Z[o0 + b0 + 1] = s01 * scale; Z[o0 + b0 + 2] = s02 * scale; Z[o0 + b0 + 3] = s03 * scale;
      Z[o1 + b0] = s10 * scale; Z[o1 + b0 + 1] = s11 * scale; Z[o1 + b0 + 2] = s12 * scale; Z[o1 + b0 + 3] = s13 * scale;
    }
    for (let b = B4; b < B; b++) {
      let s0 = 0, s1 = 0;
      for (let c = 0; c <= b; c++) {
        const u = U[c * B + b];
        s0 += X[o0 + c] * u;
        s1 += X[o1 + c] * u;
      }
      Z[o0 + b] = s0 * scale;
      Z[o1 + b] = s1 * scale;
    }
  }
  for (; r < rows; r++) {
    const o = r * B;
    for (let b = 0; b < B; b++) {
      const cEnd = b < B4 ? b - (b % 4) + 4 : b + 1;
      let s = 0;
      for (let c = 0; c < cEnd; c++) s += X[o + c] * U[c * B + b];
      Z[o + b] = s * scale;
    }
  }
}

/** Completes multiplyUpper after the wasm kernel: the rows past rows & ~3 and the columns past B & ~3. */
function multiplyUpperEdges(X: Float64Array, rows: number, U: Float64Array, B: number, scale: number, Z: Float64Array): void {
  const B4 = B - (B % 4);
  const R4 = rows - (rows % 4);
  for (let r = 0; r < rows; r++) {
    const o = r * B;
    for (let b = r < R4 ? B4 : 0; b < B; b++) {
      const cEnd = b < B4 ? b - (b % 4) + 4 : b + 1;
      let s = 0;
      for (let c = 0; c < cEnd; c++) s += X[o + c] * U[c * B + b];
      Z[o + b] = s * scale;
    }
  }
}

/**
 * Z (outRows x B) = scale X U with U the upper Cholesky factor of M^T M (M rows x B) and X
 * i.i.d. N(0, 1) drawn from `rng` as rng.fillNormal(X, 1) would: gram, choleskyUpper, the draw
 * and multiplyUpper, chained inside the wasm kernels' memory so that only M goes in and Z comes
 * out (each step on its own copied in and out; the ziggurat in wasm). Same bits as those four
 * calls. False, with nothing drawn, when the wasm kernels are off or B < 4.
 */
export function gramFactorSample(M: Float64Array, rows: number, B: number, scale: number, outRows: number, rng: Rng, Z: Float64Array): boolean {
  if (rows < 1 || B < 4) return false;
  const nM = rows * B;
  const nX = outRows * B;
  const g = WASM_BASE + even(nM);
  const x = g + even(B * B);
  const z = x + even(nX);
  const h = wasmScratch(z + nX);
  if (!h) return false;
  h.set(M.subarray(0, nM), WASM_BASE);
  wasmGramAt(WASM_BASE, rows, B, g);
  const U = h.subarray(g, g + B * B);
  gramEdges(h.subarray(WASM_BASE, WASM_BASE + nM), rows, B, U);
  choleskyUpper(U, B, g);
  if (!wasmFillNormal(rng, h, 1, Infinity, x, nX)) throw new Error('gramFactorSample: the normals must be drawn into the wasm memory');
  wasmMultiplyUpperAt(x, outRows, g, B, scale, z);
  const Zh = h.subarray(z, z + nX);
  multiplyUpperEdges(h.subarray(x, x + nX), outRows, U, B, scale, Zh);
  wasmCopyOut(h, z, Z, nX);
  return true;
}
