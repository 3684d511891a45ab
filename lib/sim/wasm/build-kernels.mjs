/**
 * Builds the WebAssembly module behind lib/sim/wasm-kernels.ts and writes it, base64-encoded, to
 * lib/sim/wasm/kernels-wasm.ts. Run `node lib/sim/wasm/build-kernels.mjs` after editing; a test
 * (tests/sim/wasm-kernels.test.ts) checks that the checked-in bytes are what this script emits.
 *
 * Why a hand-written encoder (lib/wasm/encode.mjs): the module is a few small loop nests, and emitting the binary here keeps
 * the build free of a WAT toolchain while the code below still reads like WAT (one instruction per
 * helper call). Only IEEE-exact f64x2 add and mul are used (no FMA, no relaxed SIMD), so results
 * are the same on every engine. The module must stay under 4 KB: Chrome refuses synchronous
 * compilation of larger modules on the main thread.
 *
 * The kernels (gram, multiplyUpper, and gemm for the materialized path's W a and W^T d) compute
 * every output entry as one running sum, starting from +0 and adding the products in increasing
 * order of the summed index, exactly as the JS kernels in linalg.ts do, so the blocking (4 x 4
 * entries here, in 8 two-lane accumulators; gemm may also stop and resume a sum through memory)
 * does not change any bit. fillUniform is Rng.fillUniformSigned (lib/sim/rng.ts) in wasm: the same
 * integer operations, and one multiplication by an exact scale that rounds the same real number,
 * so the same draws; fillUniform4 runs four generators in i32x4 lanes, each started by the caller
 * at its own row of the stream (Rng.advance), so every draw still lands in its place.
 * choleskyUpdate is the trailing update of linalg.ts's choleskyUpper, the same subtractions in the
 * same order per entry, two columns at a time.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  uleb, I32, F64, V128, get, set, tee, i32, add, sub, mul, shl, and, ltU, geU, gtU, xor, rotl,
  i32Load, i32Store, f64Store, f64StoreAt, f64Load, shrS, or, eqz, f64Abs, f64Neg, f64Lt, f64Gt,
  shrU, f64ConvertI32S, f64Mul, f64Sub, block, loop, br, brIf, v128Load, v128Store, load64Splat,
  f64x2Splat, f64x2Mul, f64x2Sub, select, zeroV128, nanV128, f64x2Eq, v128Or, v128Xor, i32x4Shl,
  i32x4ShrU, i32x4Add, f64x2ConvertLowI32x4S, store64Lane, highHalf, bitselect, forLt, madd2,
  assembleModule, base64Source,
} from '../../wasm/encode.mjs';

/**
 * One xoshiro128** step on the state locals s0..s3, as Rng.nextInt32 (lib/sim/rng.ts): the output
 * into h (x 5, rotate 7, x 9, wrapping as Math.imul), t a scratch local.
 */
const xoshiroStep = (s0, s1, s2, s3, t, h) => [
  get(s1), i32(5), mul, i32(7), rotl, i32(9), mul, set(h),
  get(s1), i32(9), shl, set(t),
  get(s2), get(s0), xor, set(s2),
  get(s3), get(s1), xor, set(s3),
  get(s1), get(s2), xor, set(s1),
  get(s0), get(s3), xor, set(s0),
  get(s2), get(t), xor, set(s2),
  get(s3), i32(11), rotl, set(s3),
];

// --- gram(m, rows, B, g) ------------------------------------------------------------------------
// G[b][c] = sum_r M[r][b] M[r][c] for the 4 x 4 blocks with b0 = 0, 4, ..., c0 = b0, b0 + 4, ...
// below B & ~3 (on-diagonal blocks also fill a few entries below the diagonal). Byte addresses;
// rows >= 1. The caller does the columns past B & ~3 and mirrors the upper triangle.
function gramFunction() {
  const [m, rows, B, g] = [0, 1, 2, 3];
  const [stride, B4, b0, c0, p, end, q, x, y0, y1] = [4, 5, 6, 7, 8, 9, 10, 11, 12, 13];
  const acc = [14, 15, 16, 17, 18, 19, 20, 21];
  const locals = [[7, I32], [11, V128]].map(([n, t]) => [...uleb(n), t]);
  const body = [
    get(B), i32(3), shl, set(stride),
    get(B), i32(-4), and, set(B4),
    i32(0), set(b0),
    forLt(b0, get(B4), 4,
      get(b0), set(c0),
      forLt(c0, get(B4), 4,
        ...acc.map((a) => [...zeroV128, ...set(a)]),
        // p walks column b0 down the rows; q = p + (c0 - b0) * 8 is column c0 of the same row.
        get(m), get(b0), i32(3), shl, add, tee(p),
        get(rows), get(stride), mul, add, set(end),
        loop(
          get(p), get(c0), get(b0), sub, i32(3), shl, add, tee(q), v128Load(0), set(y0),
          get(q), v128Load(16), set(y1),
          get(p), load64Splat(0), set(x), madd2(x, acc[0], y0, acc[1], y1),
          get(p), load64Splat(8), set(x), madd2(x, acc[2], y0, acc[3], y1),
          get(p), load64Splat(16), set(x), madd2(x, acc[4], y0, acc[5], y1),
          get(p), load64Splat(24), set(x), madd2(x, acc[6], y0, acc[7], y1),
          get(p), get(stride), add, tee(p), get(end), ltU, brIf(0),
        ),
        // Store the block: rows b0..b0+3 of G, columns c0..c0+3.
        get(g), get(b0), get(B), mul, get(c0), add, i32(3), shl, add, set(q),
        ...[0, 1, 2, 3].map((k) => [
          get(q), get(acc[2 * k]), v128Store(0),
          get(q), get(acc[2 * k + 1]), v128Store(16),
          get(q), get(stride), add, set(q),
        ]),
      ),
    ),
  ];
  return { params: [I32, I32, I32, I32], locals, body };
}

// --- multiplyUpper(x, rows, u, B, scale, z) -----------------------------------------------------
// Z[r][b] = scale * sum_{c < b0 + 4} X[r][c] U[c][b] for b in the 4-column block starting at b0
// (U is zero below the diagonal, as in the JS kernel), for rows below rows & ~3 and columns below
// B & ~3. Byte addresses. The caller does the remaining rows and columns.
function multiplyUpperFunction() {
  const [X, rows, U, B, scale, Z] = [0, 1, 2, 3, 4, 5];
  const [stride, R4, B4, r, b0, px, pu, pend, xr, zr] = [6, 7, 8, 9, 10, 11, 12, 13, 14, 15];
  const [x, y0, y1, s] = [16, 17, 18, 19];
  const acc = [20, 21, 22, 23, 24, 25, 26, 27];
  const locals = [[10, I32], [12, V128]].map(([n, t]) => [...uleb(n), t]);
  const rowSplat = (k) => [get(px), ...(k ? [get(stride), i32(k), mul, add] : []), load64Splat(0)];
  const body = [
    get(B), i32(3), shl, set(stride),
    get(rows), i32(-4), and, set(R4),
    get(B), i32(-4), and, set(B4),
    get(scale), f64x2Splat, set(s),
    i32(0), set(r),
    forLt(r, get(R4), 4,
      get(X), get(r), get(stride), mul, add, set(xr),
      get(Z), get(r), get(stride), mul, add, set(zr),
      i32(0), set(b0),
      forLt(b0, get(B4), 4,
        ...acc.map((a) => [...zeroV128, ...set(a)]),
        // px walks row r of X along c, pu walks rows c of U at columns b0..b0+3.
        get(xr), tee(px), get(b0), i32(3), shl, add, i32(32), add, set(pend),
        get(U), get(b0), i32(3), shl, add, set(pu),
        loop(
          get(pu), v128Load(0), set(y0),
          get(pu), v128Load(16), set(y1),
          ...[0, 1, 2, 3].map((k) => [rowSplat(k), set(x), madd2(x, acc[2 * k], y0, acc[2 * k + 1], y1)]),
          get(pu), get(stride), add, set(pu),
          get(px), i32(8), add, tee(px), get(pend), ltU, brIf(0),
        ),
        get(zr), get(b0), i32(3), shl, add, set(pu),
        ...[0, 1, 2, 3].map((k) => [
          get(pu), get(acc[2 * k]), get(s), f64x2Mul, v128Store(0),
          get(pu), get(acc[2 * k + 1]), get(s), f64x2Mul, v128Store(16),
          get(pu), get(stride), add, set(pu),
        ]),
      ),
    ),
  ];
  return { params: [I32, I32, I32, I32, F64, I32], locals, body };
}

// --- gemm(x, sT, sR, a, aT, aB, z, M, T, N, more) ------------------------------------------------
// Z[r][b] (+)= sum_{t < T} X[t sT + r sR] * A[t aT + b aB] for rows below M & ~3 and columns
// below N & ~3 (Z row-major with N columns), in 4 x 4 blocks. Byte addresses and strides: a
// row-major W with row stride ld gives W a with (sT, sR) = (8, 8 ld) and W^T d with (8 ld, 8).
// A's 4-column groups must be contiguous: row-major (aT = 8 N, aB = 8) or panels of 4 columns
// (aT = 32, aB = 8 T_total). T >= 1. With more = 0 each entry starts from +0, otherwise from Z's
// value, so a caller can split the sum over t into chunks (storing and reloading is exact). A NaN
// is stored as JS's NaN (a chunk's NaN stays NaN through the later chunks), so the caller can copy
// Z out as it is.
function gemmFunction() {
  const [X, sT, sR, A, aT, aB, Z, M, T, N, more] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const [stride, M4, N4, r, b0, px, pa, pz, xr, zr, r2, r3, t] = [11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23];
  const [x, y0, y1, nan] = [24, 25, 26, 35];
  const acc = [27, 28, 29, 30, 31, 32, 33, 34];
  const locals = [[13, I32], [12, V128]].map(([n, ty]) => [...uleb(n), ty]);
  // acc with any NaN lane replaced by JS's NaN (the f64x2.eq mask is all ones where acc == acc).
  const canonical = (a) => [get(a), get(nan), get(a), get(a), f64x2Eq, bitselect];
  const rowOffset = [null, sR, r2, r3];
  const splatRow = (k) => [get(px), ...(k ? [get(rowOffset[k]), add] : []), load64Splat(0)];
  const body = [
    ...nanV128, set(nan),
    get(N), i32(3), shl, set(stride),
    get(M), i32(-4), and, set(M4),
    get(N), i32(-4), and, set(N4),
    get(sR), i32(1), shl, set(r2),
    get(r2), get(sR), add, set(r3),
    i32(0), set(r),
    forLt(r, get(M4), 4,
      get(X), get(r), get(sR), mul, add, set(xr),
      get(Z), get(r), get(stride), mul, add, set(zr),
      i32(0), set(b0),
      forLt(b0, get(N4), 4,
        get(zr), get(b0), i32(3), shl, add, set(pz),
        ...[0, 1, 2, 3].map((k) => [
          get(pz), v128Load(0), ...zeroV128, get(more), select, set(acc[2 * k]),
          get(pz), v128Load(16), ...zeroV128, get(more), select, set(acc[2 * k + 1]),
          get(pz), get(stride), add, set(pz),
        ]),
        get(xr), set(px),
        get(A), get(b0), get(aB), mul, add, set(pa),
        get(T), set(t),
        loop(
          get(pa), v128Load(0), set(y0),
          get(pa), v128Load(16), set(y1),
          ...[0, 1, 2, 3].map((k) => [splatRow(k), set(x), madd2(x, acc[2 * k], y0, acc[2 * k + 1], y1)]),
          get(pa), get(aT), add, set(pa),
          get(px), get(sT), add, set(px),
          get(t), i32(1), sub, tee(t), brIf(0),
        ),
        get(zr), get(b0), i32(3), shl, add, set(pz),
        ...[0, 1, 2, 3].map((k) => [
          get(pz), canonical(acc[2 * k]), v128Store(0),
          get(pz), canonical(acc[2 * k + 1]), v128Store(16),
          get(pz), get(stride), add, set(pz),
        ]),
      ),
    ),
  ];
  return { params: new Array(11).fill(I32), locals, body };
}

// --- fillUniform(out, rows, len, stride, scale, state) ---------------------------------------
// rows rows of len doubles, row i from byte address out + i stride on: scale * h for successive
// xoshiro128** outputs h, the generator's four state words at byte address state (read, then
// written back). Rng.fillUniformSigned computes bound * (h * 2^-31); the caller passes
// scale = bound * 2^-31 only when that product is exact, and then scale * h is the same real
// number rounded once, so the same bits (h * 2^-31 is exact: h has at most 31 bits). The loop
// draws two values per pass (one multiplication each, no constant to materialise).
function fillUniformFunction() {
  const [out, rows, len, stride, scale, state] = [0, 1, 2, 3, 4, 5];
  const [s0, s1, s2, s3, t, h, p, end] = [6, 7, 8, 9, 10, 11, 12, 13];
  const locals = [[8, I32]].map(([n, ty]) => [...uleb(n), ty]);
  const draw = (offset) => [
    xoshiroStep(s0, s1, s2, s3, t, h),
    get(p), get(scale), get(h), f64ConvertI32S, f64Mul, f64StoreAt(offset),
  ];
  const body = [
    get(state), i32Load(0), set(s0),
    get(state), i32Load(4), set(s1),
    get(state), i32Load(8), set(s2),
    get(state), i32Load(12), set(s3),
    block(loop(
      get(rows), eqz, brIf(1),
      get(out), tee(p), get(len), i32(3), shl, add, i32(-8), add, set(end),
      // Pairs while two fit (p < end - 8 + 8 = p + 8 <= last), then the odd one out.
      block(loop(get(p), get(end), geU, brIf(1), ...draw(0), ...draw(8), get(p), i32(16), add, set(p), br(0))),
      block(get(p), get(end), i32(8), add, geU, brIf(0), ...draw(0)),
      get(out), get(stride), add, set(out),
      get(rows), i32(1), sub, set(rows),
      br(0),
    )),
    get(state), get(s0), i32Store(0),
    get(state), get(s1), i32Store(4),
    get(state), get(s2), i32Store(8),
    get(state), get(s3), i32Store(12),
  ];
  return { params: [I32, I32, I32, I32, F64, I32], locals, body };
}

// --- fillUniform4(out, q, len, stride, lane, scale, state) ------------------------------------
// fillUniform's draws from four generators at once, one per i32x4 lane: lane j writes rows
// j q .. j q + q - 1 (row i at byte address out + i stride, len doubles each) from its own state,
// which the caller has set to the stream's state at the start of row j q (Rng.advance), so every
// draw lands where the one-generator fill puts it. lane = q stride. The states are four v128 at
// byte address state (s0 of lanes 0..3, then s1, s2, s3), read and written back. Integer ops wrap
// as Math.imul and the shifts do (x 5 and x 9 as shift-and-add), the conversion is exact, and the
// one multiplication by scale is fillUniform's, so the same bits.
function fillUniform4Function() {
  const [out, q, len, stride, lane, scale, state] = [0, 1, 2, 3, 4, 5, 6];
  const [p, end, l2, l3] = [7, 8, 9, 10];
  const [S0, S1, S2, S3, H, T, SC] = [11, 12, 13, 14, 15, 16, 17];
  const locals = [[4, I32], [7, V128]].map(([n, ty]) => [...uleb(n), ty]);
  const vshl = (v, n) => [get(v), i32(n), i32x4Shl];
  const vshr = (v, n) => [get(v), i32(n), i32x4ShrU];
  const body = [
    ...[S0, S1, S2, S3].map((v, w) => [get(state), v128Load(16 * w), set(v)]),
    get(scale), f64x2Splat, set(SC),
    get(lane), i32(1), shl, tee(l2), get(lane), add, set(l3),
    block(loop(
      get(q), eqz, brIf(1),
      get(out), tee(p), get(len), i32(3), shl, add, set(end),
      block(loop(
        get(p), get(end), geU, brIf(1),
        get(S1), vshl(S1, 2), i32x4Add, set(H), // s1 * 5
        vshl(H, 7), vshr(H, 25), v128Or, set(H),
        get(H), vshl(H, 3), i32x4Add, set(H), // * 9
        vshl(S1, 9), set(T),
        get(S2), get(S0), v128Xor, set(S2),
        get(S3), get(S1), v128Xor, set(S3),
        get(S1), get(S2), v128Xor, set(S1),
        get(S0), get(S3), v128Xor, set(S0),
        get(S2), get(T), v128Xor, set(S2),
        vshl(S3, 11), vshr(S3, 21), v128Or, set(S3),
        get(H), f64x2ConvertLowI32x4S, get(SC), f64x2Mul, set(T),
        get(p), get(T), store64Lane(0, 0),
        get(p), get(lane), add, get(T), store64Lane(0, 1),
        get(H), get(H), highHalf, f64x2ConvertLowI32x4S, get(SC), f64x2Mul, set(T),
        get(p), get(l2), add, get(T), store64Lane(0, 0),
        get(p), get(l3), add, get(T), store64Lane(0, 1),
        get(p), i32(8), add, set(p),
        br(0),
      )),
      get(out), get(stride), add, set(out),
      get(q), i32(1), sub, set(q),
      br(0),
    )),
    ...[S0, S1, S2, S3].map((v, w) => [get(state), get(v), v128Store(16 * w)]),
  ];
  return { params: [I32, I32, I32, I32, I32, F64, I32], locals, body };
}

// --- fillNormal(out, count, std, limit, state, tables) -> written -----------------------------
// The fast path of Rng.fillNormal / fillTruncatedNormal (lib/sim/rng.ts): per xoshiro128** draw h,
// u = h >> 8 and layer iz = h & 255; if |u| < KN[iz], x = u WN[iz], skipped when x > limit or
// x < -limit, else stored as x * std. A draw that misses the fast test stops the loop with h
// stored at state + 16, for the caller's slow path (wedges and tail, exact-math exp and log).
// KN and WN are 256 doubles each at byte address tables. Returns the number of values written;
// the state words at state are written back.
function fillNormalFunction() {
  const [out, count, std, limit, state, tables] = [0, 1, 2, 3, 4, 5];
  const [s0, s1, s2, s3, t, h, end, start, iz] = [6, 7, 8, 9, 10, 11, 12, 13, 14];
  const x = 15;
  const locals = [[9, I32], [1, F64]].map(([n, ty]) => [...uleb(n), ty]);
  const body = [
    get(state), i32Load(0), set(s0),
    get(state), i32Load(4), set(s1),
    get(state), i32Load(8), set(s2),
    get(state), i32Load(12), set(s3),
    get(out), tee(start), get(count), i32(3), shl, add, set(end),
    block(
      block(
        loop(
          get(out), get(end), geU, brIf(2),
          xoshiroStep(s0, s1, s2, s3, t, h),
          get(h), i32(255), and, i32(3), shl, get(tables), add, set(iz),
          get(h), i32(8), shrS, f64ConvertI32S, set(x),
          get(x), f64Abs, get(iz), f64Load(0), f64Lt, eqz, brIf(1),
          get(x), get(iz), f64Load(2048), f64Mul, set(x),
          get(x), get(limit), f64Gt, get(x), get(limit), f64Neg, f64Lt, or, brIf(0),
          get(out), get(x), get(std), f64Mul, f64Store,
          get(out), i32(8), add, set(out),
          br(0),
        ),
      ),
      get(state), get(h), i32Store(16),
    ),
    get(state), get(s0), i32Store(0),
    get(state), get(s1), i32Store(4),
    get(state), get(s2), i32Store(8),
    get(state), get(s3), i32Store(12),
    get(out), get(start), sub, i32(3), shrU,
  ];
  return { params: [I32, I32, F64, F64, I32, I32], results: [I32], locals, body };
}

// --- choleskyUpdate(g, n, j) -------------------------------------------------------------------
// The trailing update after choleskyUpper (lib/sim/linalg.ts) has factored the panel of rows
// j..j+3 of G (n x n, row-major, byte address g): for every row r >= j + 4 and column c >= r,
// G[r][c] = G[r][c] - f0 G[j][c] - f1 G[j+1][c] - f2 G[j+2][c] - f3 G[j+3][c] with fk = G[j+k][r],
// subtracting in that order as the JS loop does, two columns at a time, the last one alone.
function choleskyUpdateFunction() {
  const [g, n, j] = [0, 1, 2];
  const [stride, r, pr, end, p0, p1, p2, p3] = [3, 4, 5, 6, 7, 8, 9, 10];
  const sf = [11, 12, 13, 14];
  const vf = [15, 16, 17, 18];
  const v = 19;
  const p = [p0, p1, p2, p3];
  const locals = [[8, I32], [4, F64], [5, V128]].map(([k, t]) => [...uleb(k), t]);
  const body = [
    get(n), i32(3), shl, set(stride),
    get(j), i32(4), add, set(r),
    forLt(r, get(n), 1,
      // p0 is G[j][r]; p1..p3 the same column of the next three rows: the factors, and then the
      // rows' entries from column r on.
      get(g), get(j), get(stride), mul, add, get(r), i32(3), shl, add, set(p0),
      get(p0), get(stride), add, set(p1),
      get(p1), get(stride), add, set(p2),
      get(p2), get(stride), add, set(p3),
      ...[0, 1, 2, 3].map((k) => [get(p[k]), f64Load(0), tee(sf[k]), f64x2Splat, set(vf[k])]),
      // pr walks row r from its diagonal entry to the row's end.
      get(g), get(r), get(stride), mul, add, tee(end), get(r), i32(3), shl, add, set(pr),
      get(end), get(stride), add, set(end),
      block(loop(
        get(pr), i32(16), add, get(end), gtU, brIf(1),
        get(pr), v128Load(0),
        ...[0, 1, 2, 3].map((k) => [get(vf[k]), get(p[k]), v128Load(0), f64x2Mul, f64x2Sub]),
        set(v), get(pr), get(v), v128Store(0),
        get(pr), i32(16), add, set(pr),
        ...p.map((q) => [get(q), i32(16), add, set(q)]),
        br(0),
      )),
      block(
        get(pr), get(end), geU, brIf(0),
        get(pr),
        get(pr), f64Load(0),
        ...[0, 1, 2, 3].map((k) => [get(sf[k]), get(p[k]), f64Load(0), f64Mul, f64Sub]),
        f64Store,
      ),
    ),
  ];
  return { params: [I32, I32, I32], locals, body };
}

// --- Module -----------------------------------------------------------------------------------

export function buildKernels() {
  const fns = [gramFunction(), multiplyUpperFunction(), gemmFunction(), fillUniformFunction(), fillNormalFunction(), fillUniform4Function(), choleskyUpdateFunction()];
  return assembleModule(fns, ['gram', 'multiplyUpper', 'gemm', 'fillUniform', 'fillNormal', 'fillUniform4', 'choleskyUpdate']);
}

/** The generated TypeScript source holding the module. */
export function kernelsSource() {
  return base64Source('lib/sim/wasm/build-kernels.mjs', 'KERNELS_WASM_BASE64', buildKernels());
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = fileURLToPath(new URL('./kernels-wasm.ts', import.meta.url));
  writeFileSync(out, kernelsSource());
  console.log(`wrote ${out} (${buildKernels().length} bytes of wasm)`);
}
