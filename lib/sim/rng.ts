/**
 * The engine's seeded random numbers. Every draw goes through integer ops (Math.imul, shifts,
 * xor), IEEE double arithmetic, Math.sqrt and the pure-arithmetic exp/log of exact-math.ts, so a
 * seed gives bit-identical streams on the server and in every browser.
 *
 * - Generator: xoshiro128** (Blackman & Vigna), 32-bit output, period 2^128 - 1.
 * - Seeding: splitmix32 expands a 32-bit stream key into the four state words.
 * - Streams: `createRng(seed, ...ids)` hashes the seed with ids (layer index, purpose) so each
 *   layer's weights come from their own stream and can be regenerated for the backward pass
 *   without storing them, and so the result does not depend on the order things are drawn in.
 * - Uniforms: one 32-bit output per uniform (resolution 2^-32); plenty for Monte Carlo.
 * - Normals: the 256-layer ziggurat of Marsaglia & Tsang (2000), exact in distribution. Unlike the
 *   original, the layer index (low 8 bits) and the value (the other 24 bits) come from disjoint
 *   bits of each draw, so they are independent (the flaw Doornik 2005 pointed out). 98.5% of
 *   draws take the fast path (one integer draw, one compare, one multiply; 256 layers rather than
 *   128 halve the slow ones); the tables and the rare wedge/tail draws use exact-math's exp/log.
 */
import { exp, log } from './exact-math';

const ZIG_LAYERS = 256;
const ZIG_R = 3.6541528853610088;
const ZIG_V = 4.92867323399e-3;
/** Values are signed 24-bit integers in [-2^23, 2^23). */
const ZIG_M = 8388608; // 2^23

/** Ziggurat tables: kn = fast-path thresholds, wn = value scales, fn = density at layer edges. */
function buildZiggurat(): { kn: Float64Array; wn: Float64Array; fn: Float64Array } {
  const kn = new Float64Array(ZIG_LAYERS);
  const wn = new Float64Array(ZIG_LAYERS);
  const fn = new Float64Array(ZIG_LAYERS);
  let dn = ZIG_R;
  let tn = dn;
  const q = ZIG_V / exp(-0.5 * dn * dn);
  kn[0] = (dn / q) * ZIG_M;
  kn[1] = 0;
  wn[0] = q / ZIG_M;
  wn[ZIG_LAYERS - 1] = dn / ZIG_M;
  fn[0] = 1;
  fn[ZIG_LAYERS - 1] = exp(-0.5 * dn * dn);
  for (let i = ZIG_LAYERS - 2; i >= 1; i--) {
    dn = Math.sqrt(-2 * log(ZIG_V / dn + exp(-0.5 * dn * dn)));
    kn[i + 1] = (dn / tn) * ZIG_M;
    tn = dn;
    fn[i] = exp(-0.5 * dn * dn);
    wn[i] = dn / ZIG_M;
  }
  return { kn, wn, fn };
}

const { kn: KN, wn: WN, fn: FN } = buildZiggurat();

/** The ziggurat's fast-path tables (thresholds, scales), for the wasm fill (wasm-kernels.ts). */
export const ZIGGURAT_FAST_TABLES: { readonly kn: Float64Array; readonly wn: Float64Array } = { kn: KN, wn: WN };

/** splitmix32 finalizer: a bijective 32-bit mix. */
function mix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) | 0;
}

/** Stream purposes, so streams never collide by accident. */
export const STREAM = {
  input: 1,
  weights: 2,
  bias: 3,
  outputGradient: 4,
  backwardWeights: 5,
} as const;

export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(key: number) {
    let k = key | 0;
    k = mix32(k);
    this.s0 = k;
    k = mix32(k);
    this.s1 = k;
    k = mix32(k);
    this.s2 = k;
    k = mix32(k);
    this.s3 = k;
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** Copies the four state words to s[at .. at+4) (so the wasm uniform fill can continue the stream). */
  saveState(s: Int32Array, at: number): void {
    s[at] = this.s0;
    s[at + 1] = this.s1;
    s[at + 2] = this.s2;
    s[at + 3] = this.s3;
  }

  /** Sets the four state words from s[at .. at+4) (the inverse of saveState). */
  loadState(s: Int32Array, at: number): void {
    this.s0 = s[at] | 0;
    this.s1 = s[at + 1] | 0;
    this.s2 = s[at + 2] | 0;
    this.s3 = s[at + 3] | 0;
  }

  /**
   * Moves the stream n draws on, to where n calls of nextInt32 would leave it, in about 128 steps
   * however large n is (see jumpPolynomial): so several parts of one stream can be drawn side by
   * side (the wasm uniform fill's four lanes) and still give every draw in its place.
   */
  advance(n: number): void {
    if (n < 128) {
      for (let i = 0; i < n; i++) this.nextInt32();
      return;
    }
    const J = jumpPolynomial(n);
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    for (let i = 0; i < 128; i++) {
      if ((J[i >> 5] >>> (i & 31)) & 1) {
        a0 ^= this.s0;
        a1 ^= this.s1;
        a2 ^= this.s2;
        a3 ^= this.s3;
      }
      this.nextInt32();
    }
    this.s0 = a0;
    this.s1 = a1;
    this.s2 = a2;
    this.s3 = a3;
  }

  /** Next raw output as a signed 32-bit integer. */
  nextInt32(): number {
    const s0 = this.s0;
    const s1 = this.s1;
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9);
    const t = s1 << 9;
    let s2 = this.s2 ^ s0;
    let s3 = this.s3 ^ s1;
    this.s1 = s1 ^ s2;
    this.s0 = s0 ^ s3;
    s2 ^= t;
    this.s2 = s2;
    this.s3 = (s3 << 11) | (s3 >>> 21);
    return result | 0;
  }

  /** Uniform on [0, 1). */
  uniform(): number {
    return (this.nextInt32() >>> 0) * 2.3283064365386963e-10;
  }

  /** Uniform on [-1, 1). */
  uniformSigned(): number {
    return this.nextInt32() * 4.656612873077393e-10;
  }

  /** Uniform on (0, 1), never 0 (for logarithms). */
  private uniformOpen(): number {
    return ((this.nextInt32() >>> 0) + 0.5) * 2.3283064365386963e-10;
  }

  /** The ziggurat's slow path for a draw h that missed the fast test (wedges and tail). */
  private normalSlow(h: number): number {
    for (;;) {
      const iz = h & 255;
      const u = h >> 8;
      const x = u * WN[iz];
      if (iz === 0) {
        let t: number;
        let y: number;
        do {
          t = -log(this.uniformOpen()) / ZIG_R;
          y = -log(this.uniformOpen());
        } while (y + y < t * t);
        return u > 0 ? ZIG_R + t : -ZIG_R - t;
      }
      if (FN[iz] + this.uniformOpen() * (FN[iz - 1] - FN[iz]) < exp(-0.5 * x * x)) return x;
      h = this.nextInt32();
      const u2 = h >> 8;
      const iz2 = h & 255;
      if (Math.abs(u2) < KN[iz2]) return u2 * WN[iz2];
    }
  }

  /** The normal that a draw h missing the ziggurat's fast test turns into (the wasm fill's slow path). */
  normalAfterMiss(h: number): number {
    return this.normalSlow(h);
  }

  /** One standard normal. */
  normal(): number {
    const h = this.nextInt32();
    const u = h >> 8;
    const iz = h & 255;
    if (Math.abs(u) < KN[iz]) return u * WN[iz];
    return this.normalSlow(h);
  }

  /**
   * Fills out[offset .. offset+count) with N(0, std^2): the same stream as repeated normal()
   * calls, with the generator's state held in locals on the fast path (the hot loop of weight
   * sampling).
   */
  fillNormal(out: Float64Array, std: number, offset = 0, count = out.length - offset): void {
    const end = offset + count;
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    // Locals: V8 reloads module-level bindings inside loops (12% of this loop's time).
    const kn = KN;
    const wn = WN;
    let i = offset;
    while (i < end) {
      // The fast path runs in a call-free inner loop, so the state stays in registers; a draw
      // that misses leaves it for the slow path below.
      let h = 0;
      for (; i < end; i++) {
        const m = Math.imul(s1, 5);
        h = Math.imul((m << 7) | (m >>> 25), 9);
        const t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = (s3 << 11) | (s3 >>> 21);
        const u = h >> 8;
        const iz = h & 255;
        if (!(Math.abs(u) < kn[iz])) break;
        out[i] = u * wn[iz] * std;
      }
      if (i === end) break;
      this.s0 = s0;
      this.s1 = s1;
      this.s2 = s2;
      this.s3 = s3;
      out[i++] = this.normalSlow(h) * std;
      s0 = this.s0;
      s1 = this.s1;
      s2 = this.s2;
      s3 = this.s3;
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
  }

  /**
   * Fills out[offset .. offset+count) with bound * uniformSigned(): the same values as that loop,
   * with the state in locals (uniform weights).
   */
  fillUniformSigned(out: Float64Array, bound: number, offset = 0, count = out.length - offset): void {
    const end = offset + count;
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    for (let i = offset; i < end; i++) {
      const m = Math.imul(s1, 5);
      const h = Math.imul((m << 7) | (m >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      out[i] = bound * ((h | 0) * 4.656612873077393e-10);
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
  }

  /**
   * Fills out[offset .. offset+count) with scale * x, x a normal() redrawn while |x| > limit: the
   * same values and stream as that loop (truncated-normal weights), with fillNormal's fast path.
   */
  fillTruncatedNormal(out: Float64Array, scale: number, limit: number, offset = 0, count = out.length - offset): void {
    const end = offset + count;
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    const kn = KN;
    const wn = WN;
    let i = offset;
    while (i < end) {
      let h = 0;
      for (; i < end; ) {
        const m = Math.imul(s1, 5);
        h = Math.imul((m << 7) | (m >>> 25), 9);
        const t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = (s3 << 11) | (s3 >>> 21);
        const u = h >> 8;
        const iz = h & 255;
        if (!(Math.abs(u) < kn[iz])) break;
        const x = u * wn[iz];
        if (x > limit || x < -limit) continue;
        out[i++] = x * scale;
      }
      if (i === end) break;
      this.s0 = s0;
      this.s1 = s1;
      this.s2 = s2;
      this.s3 = s3;
      const x = this.normalSlow(h);
      s0 = this.s0;
      s1 = this.s1;
      s2 = this.s2;
      s3 = this.s3;
      if (!(x > limit || x < -limit)) out[i++] = x * scale;
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
  }
}

/**
 * Jumping ahead. xoshiro128's state update is a linear map M over GF(2) (xors, shifts and a
 * rotation of the 128 state bits), so the state n steps on is M^n s = J(M) s with J = x^n mod P,
 * P the map's characteristic polynomial (degree 128): J(M) s is the sum (xor) of the states
 * s, M s, M^2 s, ... picked by J's bits. P is found once by Berlekamp-Massey from 256 successive
 * values of one state bit (the period 2^128 - 1 makes P primitive, so that bit's sequence has P
 * as its minimal polynomial); polynomials are BigInts, bit i the coefficient of x^i.
 */
let charPoly: bigint | null = null;
const jumpPolys = new Map<number, Uint32Array>();

function characteristicPolynomial(): bigint {
  const rng = new Rng(0x5eed);
  const word = new Int32Array(4);
  const bits = new Uint8Array(256);
  for (let i = 0; i < 256; i++) {
    rng.saveState(word, 0);
    bits[i] = word[0] & 1;
    rng.nextInt32();
  }
  // Berlekamp-Massey over GF(2): the shortest C (c_0 = 1) with sum_i c_i bits[n - i] = 0.
  let C = new Uint8Array(257);
  let B = new Uint8Array(257);
  C[0] = 1;
  B[0] = 1;
  let L = 0;
  let m = 1;
  for (let n = 0; n < 256; n++) {
    let d = bits[n];
    for (let i = 1; i <= L; i++) d ^= C[i] & bits[n - i];
    if (d === 0) {
      m++;
      continue;
    }
    const T = C.slice();
    for (let i = 0; i + m < 257; i++) C[i + m] ^= B[i];
    if (2 * L <= n) {
      L = n + 1 - L;
      B = T;
      m = 1;
    } else {
      m++;
    }
  }
  if (L !== 128) throw new Error(`xoshiro128: unexpected linear complexity ${L}`);
  // The recurrence's characteristic polynomial is C reversed: P(x) = x^128 C(1/x).
  let P = 0n;
  for (let i = 0; i <= L; i++) if (C[i]) P |= 1n << BigInt(L - i);
  C = B = new Uint8Array(0);
  return P;
}

/** a b mod P for polynomials below degree 128. */
function mulMod(a: bigint, b: bigint, P: bigint): bigint {
  let r = 0n;
  while (b) {
    if (b & 1n) r ^= a;
    b >>= 1n;
    a <<= 1n;
    if (a >> 128n) a ^= P;
  }
  return r;
}

/** x^n mod P as four 32-bit words (bit i: x^i), cached per n (a network has few distinct n). */
function jumpPolynomial(n: number): Uint32Array {
  let J = jumpPolys.get(n);
  if (J) return J;
  charPoly ??= characteristicPolynomial();
  let result = 1n;
  let base = 2n;
  for (let e = n; e > 0; e = Math.floor(e / 2)) {
    if (e % 2) result = mulMod(result, base, charPoly);
    base = mulMod(base, base, charPoly);
  }
  J = new Uint32Array(4);
  for (let w = 0; w < 4; w++) J[w] = Number((result >> BigInt(32 * w)) & 0xffffffffn);
  if (jumpPolys.size > 64) jumpPolys.clear();
  jumpPolys.set(n, J);
  return J;
}

/** A generator for one purpose of one seed, e.g. createRng(seed, STREAM.weights, layer). */
export function createRng(seed: number, ...ids: number[]): Rng {
  let key = mix32(seed | 0);
  for (const id of ids) key = mix32(key ^ mix32(id | 0));
  return new Rng(key);
}
