/**
 * A small WebAssembly binary encoder shared by the engines' kernel generators
 * (lib/sim/wasm/build-kernels.mjs, lib/train/wasm/build-gemm.mjs): one helper per instruction, so
 * a kernel reads like WAT, and one function that assembles a module from its functions. The
 * generators' checked-in bytes are pinned by tests, so a change here that alters any encoding
 * fails them.
 */
export function uleb(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

export function sleb(n) {
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

export const vec = (items) => [...uleb(items.length), ...items.flat()];
export const section = (id, body) => [id, ...uleb(body.length), ...body];
export const name = (s) => vec([...Buffer.from(s, 'utf8')]);

export const I32 = 0x7f;
export const F64 = 0x7c;
export const V128 = 0x7b;

// Instructions (memarg alignment is only a hint; 8-byte alignment is what the data has).
export const get = (i) => [0x20, ...uleb(i)];
export const set = (i) => [0x21, ...uleb(i)];
export const tee = (i) => [0x22, ...uleb(i)];
export const i32 = (n) => [0x41, ...sleb(n)];
export const add = [0x6a];
export const sub = [0x6b];
export const mul = [0x6c];
export const shl = [0x74];
export const and = [0x71];
export const ltU = [0x49];
export const geS = [0x4e];
export const geU = [0x4f];
export const gtU = [0x4b];
export const xor = [0x73];
export const rotl = [0x77];
export const i32Load = (offset) => [0x28, 2, ...uleb(offset)];
export const i32Store = (offset) => [0x36, 2, ...uleb(offset)];
export const f64Store = [0x39, 3, 0];
export const f64StoreAt = (offset) => [0x39, 3, ...uleb(offset)];
export const f64Load = (offset) => [0x2b, 3, ...uleb(offset)];
export const shrS = [0x75];
export const or = [0x72];
export const eqz = [0x45];
export const f64Abs = [0x99];
export const f64Neg = [0x9a];
export const f64Lt = [0x63];
export const f64Gt = [0x64];
export const shrU = [0x76];
export const f64ConvertI32S = [0xb7];
export const f64Mul = [0xa2];
export const f64Sub = [0xa1];
export const f64Const = (x) => [0x44, ...new Uint8Array(new Float64Array([x]).buffer)];
export const block = (...body) => [0x02, 0x40, ...body.flat(), 0x0b];
export const loop = (...body) => [0x03, 0x40, ...body.flat(), 0x0b];
export const br = (depth) => [0x0c, ...uleb(depth)];
export const brIf = (depth) => [0x0d, ...uleb(depth)];
export const simd = (op, ...imm) => [0xfd, ...uleb(op), ...imm];
export const v128Load = (offset) => simd(0x00, 3, ...uleb(offset));
export const v128Store = (offset) => simd(0x0b, 3, ...uleb(offset));
export const load64Splat = (offset) => simd(0x0a, 3, ...uleb(offset));
export const f64x2Splat = simd(0x14);
export const f64x2Add = simd(0xf0);
export const f64x2Mul = simd(0xf2);
export const f64x2Sub = simd(0xf1);
export const select = [0x1b]; // the first operand if the i32 on top is nonzero, else the second
export const zeroV128 = simd(0x0c, ...new Array(16).fill(0)); // +0 in both lanes, like `let s = 0`
export const nanV128 = simd(0x0c, ...new Uint8Array(new Float64Array([NaN, NaN]).buffer)); // JS's NaN, both lanes
export const f64x2Eq = simd(0x47);
export const v128Or = simd(0x50);
export const v128Xor = simd(0x51);
export const i32x4Shl = simd(0xab);
export const i32x4ShrU = simd(0xad);
export const i32x4Add = simd(0xae);
export const f64x2ConvertLowI32x4S = simd(0xfe);
export const store64Lane = (offset, lane) => simd(0x5b, 3, ...uleb(offset), lane);
// Lanes 2 and 3 of an i32x4 moved to lanes 0 and 1 (i8x16.shuffle of the vector with itself).
export const highHalf = simd(0x0d, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7);
export const bitselect = simd(0x52); // (a & mask) | (b & ~mask) for a, b, mask on the stack

/** `for (; i < limit; i += step) body` with a signed compare; i must be initialised before. */
export const forLt = (i, limit, step, ...body) =>
  block(loop(get(i), limit, geS, brIf(1), ...body, get(i), i32(step), add, set(i), br(0)));

/** acc[k] += splat(x) * y, with x already splatted on the stack, for two (acc, y) pairs. */
export const madd2 = (x, accA, yA, accB, yB) => [
  get(accA), get(x), get(yA), f64x2Mul, f64x2Add, set(accA),
  get(accB), get(x), get(yB), f64x2Mul, f64x2Add, set(accB),
];

/**
 * A module of `fns` ({ params, results?, locals, body }), one memory (min 1 page, no maximum)
 * exported as "memory", and function i exported under names[i].
 */
export function assembleModule(fns, names) {
  const types = section(1, vec(fns.map((f) => [0x60, ...vec(f.params.map((t) => [t])), ...vec((f.results ?? []).map((t) => [t]))])));
  const funcs = section(3, vec(fns.map((_, i) => uleb(i))));
  const memory = section(5, vec([[0x00, 0x01]]));
  const exports = section(7, vec([[...name('memory'), 0x02, 0x00], ...names.map((n, i) => [...name(n), 0x00, ...uleb(i)])]));
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

/** The generated TypeScript source holding a module as base64 in `constant`. */
export function base64Source(generator, constant, bytes) {
  const b64 = Buffer.from(bytes).toString('base64');
  return `// Generated by ${generator}; do not edit. Run \`node ${generator}\`.\n` + `export const ${constant} =\n  '${b64}';\n`;
}
