/**
 * Builds the WebAssembly module behind lib/train/wasm-gemm.ts and writes it, base64-encoded, to
 * lib/train/wasm/gemm-wasm.ts. Run `node lib/train/wasm/build-gemm.mjs` after editing; a test
 * (tests/train/kernels.test.ts) checks that the checked-in bytes are what this script emits.
 *
 * One kernel, a strided matrix product in 4 x 4 blocks with f64x2 SIMD (the encoding helpers are
 * a copy of lib/sim/wasm/build-kernels.mjs's, kept separate so the two modules can change
 * independently):
 *   Z[r][b] = sum_{t < T} X[t * sT + r * sR] * A[t * N + b]     (r < M & ~3, b < N & ~3)
 * With (sT, sR) = (1, k) it is Z = W A; with (k, 1), Z = W^T D; with A transposed by the caller,
 * the weight gradient D A^T. Every entry is one running sum from +0 over t in increasing order,
 * with IEEE-exact f64x2 mul and add (no FMA), so the result equals the JS kernels' to the bit.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// --- Encoding helpers -------------------------------------------------------------------------

function uleb(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

function sleb(n) {
  const out = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

const vec = (items) => [...uleb(items.length), ...items.flat()];
const section = (id, body) => [id, ...uleb(body.length), ...body];
const name = (s) => vec([...Buffer.from(s, 'utf8')]);

const I32 = 0x7f;
const F64 = 0x7c;
const V128 = 0x7b;

// Instructions (memarg alignment is only a hint; 8-byte alignment is what the data has).
const get = (i) => [0x20, ...uleb(i)];
const set = (i) => [0x21, ...uleb(i)];
const tee = (i) => [0x22, ...uleb(i)];
const i32 = (n) => [0x41, ...sleb(n)];
const add = [0x6a];
const sub = [0x6b];
const mul = [0x6c];
const shl = [0x74];
const and = [0x71];
const ltU = [0x49];
const geS = [0x4e];
const block = (...body) => [0x02, 0x40, ...body.flat(), 0x0b];
const loop = (...body) => [0x03, 0x40, ...body.flat(), 0x0b];
const br = (depth) => [0x0c, ...uleb(depth)];
const brIf = (depth) => [0x0d, ...uleb(depth)];
const simd = (op, ...imm) => [0xfd, ...uleb(op), ...imm];
const v128Load = (offset) => simd(0x00, 3, ...uleb(offset));
const v128Store = (offset) => simd(0x0b, 3, ...uleb(offset));
const load64Splat = (offset) => simd(0x0a, 3, ...uleb(offset));
const f64x2Splat = simd(0x14);
const f64x2Add = simd(0xf0);
const f64x2Mul = simd(0xf2);
const zeroV128 = simd(0x0c, ...new Array(16).fill(0)); // +0 in both lanes, like `let s = 0`

/** `for (; i < limit; i += step) body` with a signed compare; i must be initialised before. */
const forLt = (i, limit, step, ...body) =>
  block(loop(get(i), limit, geS, brIf(1), ...body, get(i), i32(step), add, set(i), br(0)));

/** acc[k] += splat(x) * y, with x already splatted on the stack, for two (acc, y) pairs. */
const madd2 = (x, accA, yA, accB, yB) => [
  get(accA), get(x), get(yA), f64x2Mul, f64x2Add, set(accA),
  get(accB), get(x), get(yB), f64x2Mul, f64x2Add, set(accB),
];

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
  const fns = [gemmFunction()];
  const types = section(1, vec(fns.map((f) => [0x60, ...vec(f.params.map((ty) => [ty])), 0x00])));
  const funcs = section(3, vec(fns.map((_, i) => uleb(i))));
  const memory = section(5, vec([[0x00, 0x01]])); // one memory, min 1 page, no maximum
  const exports = section(7, vec([[...name('memory'), 0x02, 0x00], [...name('gemm'), 0x00, 0x00]]));
  const code = section(
    10,
    vec(
      fns.map((f) => {
        const body = [...vec(f.locals), ...f.body.flat(Infinity), 0x0b];
        return [...uleb(body.length), ...body];
      }),
    ),
  );
  return new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...types, ...funcs, ...memory, ...exports, ...code]);
}

/** The generated TypeScript source holding the module. */
export function gemmSource() {
  const b64 = Buffer.from(buildGemm()).toString('base64');
  return (
    '// Generated by lib/train/wasm/build-gemm.mjs; do not edit. Run `node lib/train/wasm/build-gemm.mjs`.\n' +
    `export const GEMM_WASM_BASE64 =\n  '${b64}';\n`
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = fileURLToPath(new URL('./gemm-wasm.ts', import.meta.url));
  writeFileSync(out, gemmSource());
  console.log(`wrote ${out} (${buildGemm().length} bytes of wasm)`);
}
