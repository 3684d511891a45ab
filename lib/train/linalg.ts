/**
 * The training engine's three matrix products, each run as WebAssembly SIMD (wasm/build-gemm.mjs:
 * 4 x 4 blocks of f64x2 accumulators) where it compiles, with JavaScript for the edge rows and
 * columns and as the whole fallback (plain loops, register-blocking buys little next to the wasm path). Every output entry is one running sum from +0 in increasing
 * order of the summed index on both paths, so wasm, JS, Node and every browser give the same bits
 * (tests/train/kernels.test.ts). Training spends nearly all its time here: per layer and step,
 * Z = W A (forward), G = W^T D (input gradient) and dW = D A^T (weight gradient).
 */
import { GEMM_WASM_BASE64 } from './wasm/gemm-wasm';

interface GemmExports {
  memory: WebAssembly.Memory;
  gemm(x: number, sT: number, sR: number, a: number, z: number, M: number, T: number, N: number): void;
}

let exportsOrNull: GemmExports | null | undefined;
let enabled = true;

/** Turns the wasm kernel off (or back on), e.g. to test the JS fallback. */
export function setTrainWasmEnabled(on: boolean): void {
  enabled = on;
}

export function trainWasmActive(): boolean {
  return enabled && load() !== null;
}

function load(): GemmExports | null {
  if (exportsOrNull !== undefined) return exportsOrNull;
  exportsOrNull = null;
  try {
    if (typeof WebAssembly === 'object') {
      const bytes = Uint8Array.from(atob(GEMM_WASM_BASE64), (c) => c.charCodeAt(0));
      exportsOrNull = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports as unknown as GemmExports;
    }
  } catch {
    // No SIMD, or compilation refused: the JS kernels take over.
  }
  return exportsOrNull;
}

/**
 * Buffers for one training run, all inside the wasm module's memory when it compiled (so the
 * kernel reads and writes them in place: copying in and out cost as much as the arithmetic for
 * 64-unit layers), plain arrays otherwise. Sized once up front: growing the memory would detach
 * every view taken before. One arena is live at a time (a new one reuses the memory).
 */
export class Arena {
  private readonly memory: Float64Array | null;
  private used = 0;

  constructor(readonly capacity: number) {
    const k = enabled ? load() : null;
    if (k) {
      const bytes = capacity * 8 + 64;
      const have = k.memory.buffer.byteLength;
      if (have < bytes) k.memory.grow(Math.ceil((bytes - have) / 65536));
      this.memory = new Float64Array(k.memory.buffer);
    } else {
      this.memory = null;
    }
  }

  /** A zeroed array of n doubles (16-byte aligned in the wasm memory). */
  take(n: number): Float64Array {
    if (!this.memory) return new Float64Array(n);
    const start = this.used;
    this.used += n + (n & 1);
    if (this.used > this.capacity) throw new Error('Arena: capacity exceeded');
    const view = this.memory.subarray(start, start + n);
    view.fill(0);
    return view;
  }
}

/** Doubles an Arena needs for arrays of these lengths (alignment included). */
export function arenaSize(lengths: number[]): number {
  return lengths.reduce((s, n) => s + n + (n & 1), 0);
}

/** The kernel, if every array lives in its memory (then byte addresses are byteOffsets). */
function kernelFor(...arrays: Float64Array[]): GemmExports | null {
  const k = enabled ? load() : null;
  if (!k) return null;
  const buf = k.memory.buffer;
  for (const a of arrays) if (a.buffer !== buf) return null;
  return k;
}

/** Z (m x B) = W A, W the m x k matrix at P[w..], A (k x B). */
export function forwardProduct(P: Float64Array, w: number, m: number, k: number, A: Float64Array, B: number, Z: Float64Array): void {
  const g = m >= 4 && B >= 4 ? kernelFor(P, A, Z) : null;
  const m4 = g ? m & ~3 : 0;
  const B4 = g ? B & ~3 : 0;
  if (g) g.gemm(P.byteOffset + w * 8, 8, k * 8, A.byteOffset, Z.byteOffset, m, k, B);
  for (let i = 0; i < m; i++) {
    const wo = w + i * k;
    for (let b = i < m4 ? B4 : 0; b < B; b++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += P[wo + p] * A[p * B + b];
      Z[i * B + b] = s;
    }
  }
}

/** G (k x B) = W^T D, W the m x k matrix at P[w..], D (m x B). */
export function inputGradientProduct(P: Float64Array, w: number, m: number, k: number, D: Float64Array, B: number, G: Float64Array): void {
  const g = k >= 4 && B >= 4 ? kernelFor(P, D, G) : null;
  const k4 = g ? k & ~3 : 0;
  const B4 = g ? B & ~3 : 0;
  if (g) g.gemm(P.byteOffset + w * 8, k * 8, 8, D.byteOffset, G.byteOffset, k, m, B);
  for (let p = 0; p < k; p++) {
    for (let b = p < k4 ? B4 : 0; b < B; b++) {
      let s = 0;
      for (let i = 0; i < m; i++) s += P[w + i * k + p] * D[i * B + b];
      G[p * B + b] = s;
    }
  }
}

/**
 * dW (m x k, at Q[w..]) = D (m x B) A^T, A (k x B). `scratch` (at least B x k, in the arena)
 * receives A transposed: the kernel wants its second factor row-major (B x k).
 */
export function weightGradientProduct(D: Float64Array, m: number, A: Float64Array, k: number, B: number, Q: Float64Array, w: number, scratch: Float64Array): void {
  const g = m >= 4 && k >= 4 ? kernelFor(D, A, Q, scratch) : null;
  const m4 = g ? m & ~3 : 0;
  const k4 = g ? k & ~3 : 0;
  if (g) {
    for (let p = 0; p < k; p++) {
      const o = p * B;
      for (let b = 0; b < B; b++) scratch[b * k + p] = A[o + b];
    }
    g.gemm(D.byteOffset, 8, B * 8, scratch.byteOffset, Q.byteOffset + w * 8, m, B, k);
  }
  for (let i = 0; i < m; i++) {
    const o = i * B;
    for (let p = i < m4 ? k4 : 0; p < k; p++) {
      let s = 0;
      for (let b = 0; b < B; b++) s += D[o + b] * A[p * B + b];
      Q[w + i * k + p] = s;
    }
  }
}
