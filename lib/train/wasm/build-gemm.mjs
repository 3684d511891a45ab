/**
 * Builds the WebAssembly module behind lib/train/wasm-gemm.ts and writes it, base64-encoded, to
 * lib/train/wasm/gemm-wasm.ts. Run `node lib/train/wasm/build-gemm.mjs` after editing; a test
 * (tests/train/kernels.test.ts) checks that the checked-in bytes are what this script emits.
 *
 * One kernel, a strided matrix product in 4 x 4 blocks with f64x2 SIMD (encoded with
 * lib/wasm/encode.mjs, as the simulation engine's kernels are):
 *   Z[r][b] = sum_{t < T} X[t * sT + r * sR] * A[t * N + b]     (r < M & ~3, b < N & ~3)
 * With (sT, sR) = (1, k) it is Z = W A; with (k, 1), Z = W^T D; with A transposed by the caller,
 * the weight gradient D A^T. Every entry is one running sum from +0 over t in increasing order,
 * with IEEE-exact f64x2 mul and add (no FMA), so the result equals the JS kernels' to the bit.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  uleb, I32, V128, get, set, tee, i32, add, sub, mul, shl, and, loop, brIf, v128Load, v128Store,
  load64Splat, zeroV128, forLt, madd2, assembleModule, base64Source,
} from '../../wasm/encode.mjs';

// --- gemm(x, sT, sR, a, z, M, T, N) -------------------------------------------------------------
// Byte addresses x, a, z; sT and sR in bytes. Rows below M & ~3, columns below N & ~3; T >= 1.
function gemmFunction() {
  const [X, sT, sR, A, Z, M, T, N] = [0, 1, 2, 3, 4, 5, 6, 7];
  const [stride, M4, N4, r, b0, px, pa, pend, xr, zr, r2, r3, t] = [8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20];
  const [x, y0, y1] = [21, 22, 23];
  const acc = [24, 25, 26, 27, 28, 29, 30, 31];
  const locals = [[13, I32], [11, V128]].map(([n, ty]) => [...uleb(n), ty]);
  const rowOffset = [null, sR, r2, r3];
  const splatRow = (k) => [get(px), ...(k ? [get(rowOffset[k]), add] : []), load64Splat(0)];
  const body = [
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
        ...acc.map((a) => [...zeroV128, ...set(a)]),
        get(xr), set(px),
        get(A), get(b0), i32(3), shl, add, set(pa),
        get(T), set(t),
        loop(
          get(pa), v128Load(0), set(y0),
          get(pa), v128Load(16), set(y1),
          ...[0, 1, 2, 3].map((k) => [splatRow(k), set(x), madd2(x, acc[2 * k], y0, acc[2 * k + 1], y1)]),
          get(pa), get(stride), add, set(pa),
          get(px), get(sT), add, set(px),
          get(t), i32(1), sub, tee(t), brIf(0),
        ),
        get(zr), get(b0), i32(3), shl, add, set(pend),
        ...[0, 1, 2, 3].map((k) => [
          get(pend), get(acc[2 * k]), v128Store(0),
          get(pend), get(acc[2 * k + 1]), v128Store(16),
          get(pend), get(stride), add, set(pend),
        ]),
      ),
    ),
  ];
  return { params: [I32, I32, I32, I32, I32, I32, I32, I32], locals, body };
}

// --- Module -----------------------------------------------------------------------------------

export function buildGemm() {
  return assembleModule([gemmFunction()], ['gemm']);
}

/** The generated TypeScript source holding the module. */
export function gemmSource() {
  return base64Source('lib/train/wasm/build-gemm.mjs', 'GEMM_WASM_BASE64', buildGemm());
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = fileURLToPath(new URL('./gemm-wasm.ts', import.meta.url));
  writeFileSync(out, gemmSource());
  console.log(`wrote ${out} (${buildGemm().length} bytes of wasm)`);
}
