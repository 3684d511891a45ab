/**
 * WebAssembly (SIMD, f64x2) versions of the engine's hot kernels: gram and multiplyUpper (about
 * two thirds of a default covariance-path run in scalar JS), and the dense products W a and W^T d
 * of the materialized path (uniform, truncated-normal, residual and normalized networks). V8 does not vectorise JS, and the scalar JS
 * kernels already run at about one multiply-add per cycle; two-lane f64x2 with 8 accumulators
 * does several times better. This module owns the compiled instance, its memory and the copies
 * into and out of it; linalg.ts decides when to use it and does the edge rows and columns.
 *
 * Determinism: the kernels use only f64x2 add and mul (IEEE-exact, no FMA, no relaxed SIMD) and
 * add the products of every output entry in the same order as the JS kernels, so both paths give
 * the same bits on every engine (tests/sim/wasm-kernels.test.ts checks this). NaN outputs are
 * canonicalised (gram and multiplyUpper on the way out, gemm when it stores), so a NaN's payload
 * never depends on which path ran. The uniform weight fills draw the same values in the same
 * places as Rng.fillUniformSigned, the large ones in four lanes from jumps into the stream.
 *
 * The module (lib/sim/wasm/kernels-wasm.ts, built by lib/sim/wasm/build-kernels.mjs) is about
 * 3 KB, under 4 KB, so it can be compiled synchronously even on a browser's main thread. Where
 * WebAssembly or SIMD is unavailable (or a Content-Security-Policy forbids compiling it), the
 * engine falls back to the JS kernels.
 */
import { ZIGGURAT_FAST_TABLES, type Rng } from './rng';
import { KERNELS_WASM_BASE64 } from './wasm/kernels-wasm';

interface KernelExports {
  memory: WebAssembly.Memory;
  gram(m: number, rows: number, B: number, g: number): void;
  multiplyUpper(x: number, rows: number, u: number, B: number, scale: number, z: number): void;
  choleskyUpdate(g: number, n: number, j: number): void;
  gemm(x: number, sT: number, sR: number, a: number, aT: number, aB: number, z: number, M: number, T: number, N: number, more: number): void;
  fillUniform(out: number, rows: number, len: number, stride: number, scale: number, state: number): void;
  fillNormal(out: number, count: number, std: number, limit: number, state: number, tables: number): number;
  fillUniform4(out: number, q: number, len: number, stride: number, lane: number, scale: number, state: number): void;
}

let exportsOrNull: KernelExports | null | undefined; // undefined: not tried yet
let heap = new Float64Array(0);
let words = new Int32Array(0);
let tablesIn: WebAssembly.Memory | null = null;

/**
 * The heap's fixed part, in doubles: a generator's state and a missed draw (bytes 0 to 19), or
 * the four-lane uniform fill's states (bytes 0 to 63), while a fill runs; then the ziggurat's
 * fast-path tables (KN, WN: 256 doubles each, copied in once). Every kernel's arrays start at BASE.
 */
const TABLES = 8;
const BASE = TABLES + 512;
let enabled = true;

/** Turns the wasm kernels off (or back on), e.g. to test the JS fallback. */
export function setWasmKernelsEnabled(on: boolean): void {
  enabled = on;
}

/** Whether the wasm kernels are in use: enabled, and the module compiled here. */
export function wasmKernelsActive(): boolean {
  return enabled && load() !== null;
}

function load(): KernelExports | null {
  if (exportsOrNull !== undefined) return exportsOrNull;
  exportsOrNull = null;
  try {
    if (typeof WebAssembly === 'object') {
      const bytes = Uint8Array.from(atob(KERNELS_WASM_BASE64), (c) => c.charCodeAt(0));
      const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes));
      exportsOrNull = instance.exports as unknown as KernelExports;
    }
  } catch {
    // No SIMD support, or compilation refused: the JS kernels take over.
  }
  return exportsOrNull;
}

/** The memory as doubles, at least `doubles` long (views go stale when the memory grows). */
function reserve(k: KernelExports, doubles: number): Float64Array {
  const bytes = doubles * 8;
  const have = k.memory.buffer.byteLength;
  if (have < bytes) k.memory.grow(Math.ceil((bytes - have) / 65536));
  if (heap.buffer !== k.memory.buffer) heap = new Float64Array(k.memory.buffer);
  return heap;
}

/** Rounds a length in doubles up to an even number, so every array starts 16-byte aligned. */
export const even = (n: number) => n + (n & 1);

/**
 * Copies n doubles out of the heap (from `from`, in doubles), replacing any NaN with the canonical
 * NaN. A block copy, then
 * one pass of x * 0 (NaN exactly when x is NaN or infinite) to learn whether any entry needs the
 * fix: about 5 times faster than testing every entry while copying, since V8 reads a typed array
 * on wasm memory slowly in a loop (measured 11 against 69 microseconds for 16K doubles).
 */
export function wasmCopyOut(h: Float64Array, from: number, to: Float64Array, n: number): void {
  to.set(h.subarray(from, from + n));
  let s = 0;
  for (let i = 0; i < n; i++) s += to[i] * 0;
  if (s === s) return;
  for (let i = 0; i < n; i++) if (to[i] !== to[i]) to[i] = NaN;
}

/**
 * The 4 x 4 blocks of G = M^T M (M rows x B, rows >= 1) on or above the diagonal, columns below
 * B & ~3 (and the entries below the diagonal inside diagonal blocks); G's other entries get
 * stale values for the caller to overwrite. False if the wasm kernels are off.
 */
export function wasmGramBlocks(M: Float64Array, rows: number, B: number, G: Float64Array): boolean {
  const k = enabled ? load() : null;
  if (!k) return false;
  const nM = rows * B;
  const g = BASE + even(nM);
  const h = reserve(k, g + B * B);
  h.set(M.subarray(0, nM), BASE);
  k.gram(BASE * 8, rows, B, g * 8);
  wasmCopyOut(h, g, G, B * B);
  return true;
}

/**
 * Z = scale * X U (X rows x B, U B x B upper triangular) for rows below rows & ~3 and columns
 * below B & ~3, each 4-column block summing over c < its end; other entries of those rows are
 * overwritten with stale values for the caller to redo. False if the wasm kernels are off.
 */
export function wasmMultiplyUpperBlocks(X: Float64Array, rows: number, U: Float64Array, B: number, scale: number, Z: Float64Array): boolean {
  const k = enabled ? load() : null;
  if (!k) return false;
  const nX = rows * B;
  const u = BASE + even(nX);
  const z = u + even(B * B);
  const h = reserve(k, z + nX);
  h.set(X.subarray(0, nX), BASE);
  h.set(U.subarray(0, B * B), u);
  k.multiplyUpper(BASE * 8, rows, u * 8, B, scale, z * 8);
  wasmCopyOut(h, z, Z, (rows & ~3) * B);
  return true;
}

/**
 * The kernels' memory as doubles, with room for arrays up to `doubles` (arrays start at
 * WASM_BASE), for a caller that chains kernels without copying between them; null if the wasm
 * kernels are off. The view goes stale at the next reserve (any other wasm-kernels call).
 */
export function wasmScratch(doubles: number): Float64Array | null {
  const k = enabled ? load() : null;
  return k ? reserve(k, doubles) : null;
}

/** Where arrays in wasmScratch's memory may start (in doubles). */
export const WASM_BASE = BASE;

/** wasmGramBlocks on arrays already in the scratch memory (offsets in doubles, even). */
export function wasmGramAt(m: number, rows: number, B: number, g: number): void {
  load()!.gram(m * 8, rows, B, g * 8);
}

/** wasmMultiplyUpperBlocks on arrays already in the scratch memory (offsets in doubles, even). */
export function wasmMultiplyUpperAt(x: number, rows: number, u: number, B: number, scale: number, z: number): void {
  load()!.multiplyUpper(x * 8, rows, u * 8, B, scale, z * 8);
}

/**
 * choleskyUpper's trailing update after the panel of rows j..j+3 (linalg.ts), on G (n x n) already
 * in the scratch memory at offset g (in doubles): the same subtractions in the same order, two
 * columns at a time.
 */
export function wasmCholeskyUpdateAt(g: number, n: number, j: number): void {
  load()!.choleskyUpdate(g * 8, n, j);
}

/**
 * Writes a weight matrix W (m x k) into `out`, row i at out[at + i ld .. at + i ld + k): a copy
 * of a stored W, or the sampler itself, so fresh weights go straight into the kernels' memory.
 */
export type WeightWriter = (out: Float64Array, at: number, ld: number) => void;

/** Where a dense product left W in the heap (row i at h[at + i ld]), for the caller's edge code. */
export interface PlacedWeights {
  h: Float64Array;
  at: number;
  ld: number;
}

/**
 * Row stride (in doubles) for W in the heap: even, so rows stay 16-byte aligned, and padded
 * when a multiple of 64 (512 bytes), so that walking down a column (W^T d, and the four rows of
 * W a) does not land on the same few cache sets every row (1024 columns is exactly 8 KB a row).
 */
function paddedStride(k: number): number {
  const ld = even(k);
  return ld % 64 === 0 ? ld + 8 : ld;
}

/** Where dense products put W (in doubles). */
const W_AT = BASE;

/** 2^-31, the scale of Rng.uniformSigned. */
const TWO_POW_M31 = 4.656612873077393e-10;

/**
 * Fills `rows` rows of `count` doubles, row i at out[offset + i stride ..], with
 * bound * rng.uniformSigned() draws in that order, as Rng.fillUniformSigned does row by row (same
 * stream, same bits; rng is left where that leaves it), in the wasm module, when `out` is its
 * memory (a dense product's W, written by the sampler). The kernel multiplies each draw once, by
 * bound * 2^-31, which gives the same bits when that scale is exact (the same real number is
 * rounded once); a bound too small for it (below 2^-991) or NaN goes to the JS fill. False, with
 * nothing drawn, when the wasm path is not taken.
 */
export function wasmFillUniformSigned(rng: Rng, out: Float64Array, bound: number, offset: number, count: number, rows = 1, stride = count): boolean {
  const km = enabled ? load() : null;
  if (!km || out.buffer !== km.memory.buffer || out.byteOffset !== 0 || offset < BASE) return false;
  const scale = bound * TWO_POW_M31;
  if (scale * 2147483648 !== bound) return false;
  if (words.buffer !== km.memory.buffer) words = new Int32Array(km.memory.buffer);
  let done = 0;
  if (rows >= 8 && rows * count >= LANES_MIN_DRAWS) {
    // Four lanes, lane j from the start of row j q: the stream advanced by j q count draws.
    const q = rows >> 2;
    for (let j = 0; j < 4; j++) {
      if (j > 0) rng.advance(q * count);
      rng.saveState(laneWords, 0);
      for (let w = 0; w < 4; w++) words[4 * w + j] = laneWords[w];
    }
    km.fillUniform4(offset * 8, q, count, stride * 8, q * stride * 8, scale, 0);
    // Lane 3 ends where the stream is after the 4 q rows.
    for (let w = 0; w < 4; w++) laneWords[w] = words[4 * w + 3];
    rng.loadState(laneWords, 0);
    done = 4 * q;
  }
  if (done < rows) {
    rng.saveState(words, 0);
    km.fillUniform((offset + done * stride) * 8, rows - done, count, stride * 8, scale, 0);
    rng.loadState(words, 0);
  }
  return true;
}

/** Below this many draws the one-lane fill is used (the four lanes' jumps cost about 128 draws each). */
const LANES_MIN_DRAWS = 1 << 14;
const laneWords = new Int32Array(4);

/**
 * Fills out[offset .. offset+count) with std * x for standard normals x, skipping draws with
 * x > limit or x < -limit (Infinity: none), exactly as Rng.fillNormal (limit Infinity) and
 * Rng.fillTruncatedNormal do: the ziggurat's fast path in wasm, the rare draws that miss it
 * through Rng's own slow path. Only when `out` is the wasm memory (a dense product's W being
 * written); false, with nothing drawn, otherwise.
 */
export function wasmFillNormal(rng: Rng, out: Float64Array, std: number, limit: number, offset: number, count: number): boolean {
  const km = enabled ? load() : null;
  if (!km || out.buffer !== km.memory.buffer || out.byteOffset !== 0 || offset < BASE) return false;
  if (words.buffer !== km.memory.buffer) words = new Int32Array(km.memory.buffer);
  if (tablesIn !== km.memory) {
    out.set(ZIGGURAT_FAST_TABLES.kn, TABLES);
    out.set(ZIGGURAT_FAST_TABLES.wn, TABLES + 256);
    tablesIn = km.memory;
  }
  const end = offset + count;
  let i = offset;
  rng.saveState(words, 0);
  for (;;) {
    i += km.fillNormal(i * 8, end - i, std, limit, 0, TABLES * 8);
    if (i === end) break;
    rng.loadState(words, 0);
    const x = rng.normalAfterMiss(words[4]);
    rng.saveState(words, 0);
    if (!(x > limit || x < -limit)) out[i++] = x * std;
    if (i === end) break;
  }
  rng.loadState(words, 0);
  return true;
}

/** The sum over t is split into chunks of this many terms, so each chunk's rows stay in cache. */
const GEMM_CHUNK = 256;

/**
 * Copies columns below B & ~3 of A (k x B, row-major) into the heap at `at` in panels of 4
 * columns, each k x 4 row-major, so the kernel reads each panel as one contiguous stream.
 */
function copyColumnPanels(h: Float64Array, A: Float64Array, k: number, B: number, at: number): void {
  const B4 = B & ~3;
  for (let b = 0; b < B4; b += 4) {
    let o = at + b * k;
    for (let p = 0, a = b; p < k; p++, a += B, o += 4) {
      h[o] = A[a];
      h[o + 1] = A[a + 1];
      h[o + 2] = A[a + 2];
      h[o + 3] = A[a + 3];
    }
  }
}

/**
 * Z (m x B) = W (m x k) A (k x B) for rows below m & ~3 and columns below B & ~3, W written into
 * the heap by `write`; Z's other entries are left alone, for the caller, who finds W where the
 * result says. Null if the wasm kernels are off. m >= 4, k >= 1.
 */
export function wasmMatmulBlocks(write: WeightWriter, m: number, k: number, A: Float64Array, B: number, Z: Float64Array): PlacedWeights | null {
  const km = enabled ? load() : null;
  if (!km) return null;
  const ld = paddedStride(k);
  const a = W_AT + m * ld;
  const z = a + even(k * B);
  const h = reserve(km, z + m * B);
  write(h, W_AT, ld);
  copyColumnPanels(h, A, k, B, a);
  for (let t = 0; t < k; t += GEMM_CHUNK) {
    km.gemm((W_AT + t) * 8, 8, ld * 8, (a + t * 4) * 8, 32, k * 8, z * 8, m, Math.min(GEMM_CHUNK, k - t), B, t > 0 ? 1 : 0);
  }
  copyOutBlocks(h, z, Z, m & ~3, B);
  return { h, at: W_AT, ld };
}

/**
 * G (k x B) = W^T D, W (m x k) written into the heap by `write` and D (m x B), for rows below
 * k & ~3 and columns below B & ~3; G's other entries are left alone, for the caller. Null if the
 * wasm kernels are off. k >= 4, m >= 1.
 */
export function wasmMatmulTransposedBlocks(write: WeightWriter, m: number, k: number, D: Float64Array, B: number, G: Float64Array): PlacedWeights | null {
  const km = enabled ? load() : null;
  if (!km) return null;
  const ld = paddedStride(k);
  const d = W_AT + m * ld;
  const g = d + even(m * B);
  const h = reserve(km, g + k * B);
  write(h, W_AT, ld);
  copyColumnPanels(h, D, m, B, d);
  for (let t = 0; t < m; t += GEMM_CHUNK) {
    km.gemm((W_AT + t * ld) * 8, ld * 8, 8, (d + t * 4) * 8, 32, m * 8, g * 8, k, Math.min(GEMM_CHUNK, m - t), B, t > 0 ? 1 : 0);
  }
  copyOutBlocks(h, g, G, k & ~3, B);
  return { h, at: W_AT, ld };
}

/**
 * Copies the first `rows` rows, columns below B & ~3, of a rows x B heap matrix written by the
 * gemm kernel (which already stores any NaN as the canonical NaN).
 */
function copyOutBlocks(h: Float64Array, from: number, to: Float64Array, rows: number, B: number): void {
  const B4 = B & ~3;
  if (B4 === B) {
    to.set(h.subarray(from, from + rows * B));
    return;
  }
  for (let r = 0, o = 0; r < rows; r++, o += B) to.set(h.subarray(from + o, from + o + B4), o);
}
