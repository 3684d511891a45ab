/**
 * Transcendental functions in pure IEEE-754 arithmetic, so the engine gives bit-identical results
 * in every JavaScript engine.
 *
 * Why: ECMAScript leaves Math.exp, Math.log, Math.tanh, Math.cos, ... implementation-approximated,
 * and V8 versions differ: Node 20 and current Chromium round a fraction of inputs differently in
 * the last bit, which breaks "same config and seed, same numbers in Node and the browser".
 * + - * / and Math.sqrt are correctly rounded by the spec (IEEE-754), so functions built only from
 * them (and from exact bit manipulation through a Float64Array / Uint32Array view) are portable.
 *
 * These are ports of Sun's fdlibm (as in FreeBSD msun and musl; V8's own ieee754.cc is the same
 * code), each accurate to < 1 ulp. The engine may use no other Math function than the exact ones
 * (sqrt, abs, floor, ceil, round, trunc, min, max, sign, fround, imul, clz32) and these;
 * tests/sim/exact-math.test.ts enforces that.
 *
 * ====================================================
 * Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 *
 * Developed at SunPro, a Sun Microsystems, Inc. business.
 * Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice
 * is preserved.
 * ====================================================
 */

/** One scratch double viewed as two 32-bit words; HI indexes the sign/exponent word. */
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LO = 1 - HI;

/** High word (sign, exponent, top 20 fraction bits) as a signed 32-bit integer. */
function highWord(x: number): number {
  f64[0] = x;
  return u32[HI] | 0;
}

function lowWord(x: number): number {
  f64[0] = x;
  return u32[LO];
}

function fromWords(hi: number, lo: number): number {
  u32[HI] = hi;
  u32[LO] = lo;
  return f64[0];
}

/** x with its high word replaced. */
function withHighWord(x: number, hi: number): number {
  f64[0] = x;
  u32[HI] = hi;
  return f64[0];
}

const TWO_P1023 = fromWords(0x7fe00000, 0);
const TWO_M1022 = fromWords(0x00100000, 0);
const TWO_P53 = fromWords(0x43400000, 0);

/** x * 2^n, exact unless the result over- or underflows (musl scalbn). */
export function scalbn(x: number, n: number): number {
  let y = x;
  if (n > 1023) {
    y *= TWO_P1023;
    n -= 1023;
    if (n > 1023) {
      y *= TWO_P1023;
      n -= 1023;
      if (n > 1023) n = 1023;
    }
  } else if (n < -1022) {
    // Scale by 2^-1022 * 2^53 so the intermediate stays normal (no double rounding).
    y *= TWO_M1022 * TWO_P53;
    n += 1022 - 53;
    if (n < -1022) {
      y *= TWO_M1022 * TWO_P53;
      n += 1022 - 53;
      if (n < -1022) n = -1022;
    }
  }
  return y * fromWords((0x3ff + n) << 20, 0);
}

/**
 * ceil(log2(x)) for finite x > 0, exactly (from the exponent bits; no rounding of a logarithm can
 * move it across an integer).
 */
export function ceilLog2(x: number): number {
  let hx = highWord(x);
  let lx = lowWord(x);
  let k = 0;
  if (hx < 0x00100000) {
    // Subnormal: normalize first.
    x *= TWO_P53;
    k = -53;
    hx = highWord(x);
    lx = lowWord(x);
  }
  k += (hx >> 20) - 1023;
  const exactPower = (hx & 0x000fffff) === 0 && lx === 0;
  return exactPower ? k : k + 1;
}

// ---------------------------------------------------------------------------------------------
// exp (e_exp.c)

const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.44269504088896338700e0;
const EXP_O_THRESHOLD = 7.09782712893383973096e2;
const EXP_U_THRESHOLD = -7.45133219101941108420e2;
const EXP_P1 = 1.66666666666666019037e-1;
const EXP_P2 = -2.77777777770155933842e-3;
const EXP_P3 = 6.61375632143793436117e-5;
const EXP_P4 = -1.65339022054652515390e-6;
const EXP_P5 = 4.13813679705723846039e-8;
const TWO_M1000 = fromWords(0x01700000, 0);

/**
 * e^x. Reduce x = k ln2 + r, |r| <= ln2 / 2, approximate e^r with a rational function of r^2
 * (Remez, error < 2^-59), scale by 2^k.
 */
export function exp(x: number): number {
  let hx = highWord(x);
  const negative = hx < 0;
  hx &= 0x7fffffff;
  if (hx >= 0x40862e42) {
    // |x| >= 709.78...
    if (hx >= 0x7ff00000) {
      if (((hx & 0xfffff) | lowWord(x)) !== 0) return x + x; // NaN
      return negative ? 0 : x; // exp(+-inf) = inf, 0
    }
    if (x > EXP_O_THRESHOLD) return Infinity;
    if (x < EXP_U_THRESHOLD) return 0;
  }
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (hx > 0x3fd62e42) {
    // |x| > 0.5 ln2
    if (hx < 0x3ff0a2b2) {
      // |x| < 1.5 ln2. The reduction below gets the last bit of e wrong (as V8 notes), so
      // return the correctly rounded constant for x = 1.
      if (x === 1) return Math.E;
      hi = negative ? x + LN2_HI : x - LN2_HI;
      lo = negative ? -LN2_LO : LN2_LO;
      k = negative ? -1 : 1;
    } else {
      k = (INV_LN2 * x + (negative ? -0.5 : 0.5)) | 0;
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    // |x| < 2^-28: e^x = 1 + x, inexact.
    return 1 + x;
  }
  const t = x * x;
  const c = x - t * (EXP_P1 + t * (EXP_P2 + t * (EXP_P3 + t * (EXP_P4 + t * EXP_P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2) - x);
  const y = 1 - (lo - (x * c) / (2 - c) - hi);
  if (k >= -1021) {
    if (k === 1024) return y * 2 * TWO_P1023;
    return y * fromWords((0x3ff + k) << 20, 0);
  }
  return y * fromWords((0x3ff + k + 1000) << 20, 0) * TWO_M1000;
}

// ---------------------------------------------------------------------------------------------
// expm1 (s_expm1.c)

const EXPM1_Q1 = -3.33333333333331316428e-2;
const EXPM1_Q2 = 1.58730158725481460165e-3;
const EXPM1_Q3 = -7.93650757867487942473e-5;
const EXPM1_Q4 = 4.00821782732936239552e-6;
const EXPM1_Q5 = -2.01099218183624371326e-7;

/**
 * e^x - 1, accurate near 0 where exp(x) - 1 cancels. Same reduction as exp, with a rational
 * approximation of r (e^r - 1) designed for the subtraction, and the correction term c of the
 * reduction carried through.
 */
export function expm1(x: number): number {
  let hx = highWord(x);
  const negative = hx < 0;
  hx &= 0x7fffffff;
  if (hx >= 0x4043687a) {
    // |x| >= 56 ln2
    if (hx >= 0x40862e42) {
      if (hx >= 0x7ff00000) {
        if (((hx & 0xfffff) | lowWord(x)) !== 0) return x + x; // NaN
        return negative ? -1 : x;
      }
      if (x > EXP_O_THRESHOLD) return Infinity;
    }
    if (negative) return -1; // e^x < 2^-56: -1 + tiny rounds to -1
  }
  let k = 0;
  let c = 0;
  if (hx > 0x3fd62e42) {
    // |x| > 0.5 ln2
    let hi: number;
    let lo: number;
    if (hx < 0x3ff0a2b2) {
      hi = negative ? x + LN2_HI : x - LN2_HI;
      lo = negative ? -LN2_LO : LN2_LO;
      k = negative ? -1 : 1;
    } else {
      k = (INV_LN2 * x + (negative ? -0.5 : 0.5)) | 0;
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    }
    x = hi - lo;
    c = hi - x - lo;
  } else if (hx < 0x3c900000) {
    // |x| < 2^-54: expm1(x) = x (keeps -0 and subnormals exact).
    return x;
  }
  const hfx = 0.5 * x;
  const hxs = x * hfx;
  const r1 = 1 + hxs * (EXPM1_Q1 + hxs * (EXPM1_Q2 + hxs * (EXPM1_Q3 + hxs * (EXPM1_Q4 + hxs * EXPM1_Q5))));
  let t = 3 - r1 * hfx;
  let e = hxs * ((r1 - t) / (6 - x * t));
  if (k === 0) return x - (x * e - hxs);
  e = x * (e - c) - c;
  e -= hxs;
  if (k === -1) return 0.5 * (x - e) - 0.5;
  if (k === 1) {
    if (x < -0.25) return -2 * (e - (x + 0.5));
    return 1 + 2 * (x - e);
  }
  if (k <= -2 || k > 56) {
    // Suffices to return exp(x) - 1.
    let y = 1 - (e - x);
    y = k === 1024 ? y * 2 * TWO_P1023 : y * fromWords((0x3ff + k) << 20, 0);
    return y - 1;
  }
  const twopk = fromWords((0x3ff + k) << 20, 0);
  if (k < 20) {
    t = fromWords(0x3ff00000 - (0x200000 >> k), 0); // 1 - 2^-k
    return (t - (e - x)) * twopk;
  }
  t = fromWords((0x3ff - k) << 20, 0); // 2^-k
  return (x - (e + t) + 1) * twopk;
}

// ---------------------------------------------------------------------------------------------
// log (e_log.c)

const LG1 = 6.666666666666735130e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;

/**
 * Natural logarithm. x = 2^k (1 + f) with sqrt(2)/2 < 1 + f < sqrt(2); log(1 + f) = 2s + s R(s^2)
 * with s = f / (2 + f) and a Remez polynomial R (error < 2^-58.45); then k ln2 added in two parts.
 */
export function log(x: number): number {
  let hx = highWord(x);
  const lx = lowWord(x);
  let k = 0;
  if (hx < 0x00100000) {
    // x < 2^-1022: zero, negative or subnormal
    if (((hx & 0x7fffffff) | lx) === 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= 1.80143985094819840000e16; // 2^54
    hx = highWord(x);
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  let i = (hx + 0x95f64) & 0x100000;
  x = withHighWord(x, hx | (i ^ 0x3ff00000)); // normalize x or x/2
  k += i >> 20;
  const f = x - 1;
  if ((0x000fffff & (2 + hx)) < 3) {
    // -2^-20 <= f < 2^-20
    if (f === 0) return k === 0 ? 0 : k * LN2_HI + k * LN2_LO;
    const R = f * f * (0.5 - 0.33333333333333333 * f);
    return k === 0 ? f - R : k * LN2_HI - (R - k * LN2_LO - f);
  }
  const s = f / (2 + f);
  const dk = k;
  const z = s * s;
  i = hx - 0x6147a;
  const w = z * z;
  const j = 0x6b851 - hx;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  i |= j;
  const R = t2 + t1;
  if (i > 0) {
    const hfsq = 0.5 * f * f;
    if (k === 0) return f - (hfsq - s * (hfsq + R));
    return dk * LN2_HI - (hfsq - (s * (hfsq + R) + dk * LN2_LO) - f);
  }
  if (k === 0) return f - s * (f - R);
  return dk * LN2_HI - (s * (f - R) - dk * LN2_LO - f);
}

// ---------------------------------------------------------------------------------------------
// tanh (s_tanh.c)

/**
 * Hyperbolic tangent through expm1: for |x| >= 1, 1 - 2 / (expm1(2|x|) + 2); below,
 * -expm1(-2|x|) / (expm1(-2|x|) + 2); 1 beyond |x| = 22 (tanh rounds to 1 there).
 */
export function tanh(x: number): number {
  const jx = highWord(x);
  const ix = jx & 0x7fffffff;
  if (ix >= 0x7ff00000) {
    // tanh(+-inf) = +-1, tanh(NaN) = NaN
    return jx >= 0 ? 1 / x + 1 : 1 / x - 1;
  }
  let z: number;
  if (ix < 0x40360000) {
    // |x| < 22
    if (ix < 0x3e300000) return x; // |x| < 2^-28: tanh(x) = x (keeps -0)
    const ax = Math.abs(x);
    if (ix >= 0x3ff00000) {
      const t = expm1(2 * ax);
      z = 1 - 2 / (t + 2);
    } else {
      const t = expm1(-2 * ax);
      z = -t / (t + 2);
    }
  } else {
    z = 1;
  }
  return jx >= 0 ? z : -z;
}

// ---------------------------------------------------------------------------------------------
// cos (s_cos.c, k_cos.c, k_sin.c, e_rem_pio2.c, k_rem_pio2.c)

const C1 = 4.16666666666666019037e-2;
const C2 = -1.38888888888741095749e-3;
const C3 = 2.48015872894767294178e-5;
const C4 = -2.75573143513906633035e-7;
const C5 = 2.08757232129817482790e-9;
const C6 = -1.13596475577881948265e-11;

/** cos(x + y) on [-pi/4, pi/4], y the tail of x (|y| < ulp(x) / 2). */
function kernelCos(x: number, y: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x3e400000) return 1; // |x| < 2^-27
  const z = x * x;
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  if (ix < 0x3fd33333) return 1 - (0.5 * z - (z * r - x * y)); // |x| < 0.3
  // Split 1 - z/2 as (1 - qx) - (z/2 - qx) with qx exact, to keep the rounding error small.
  const qx = ix > 0x3fe90000 ? 0.28125 : fromWords(ix - 0x00200000, 0);
  const hz = 0.5 * z - qx;
  const a = 1 - qx;
  return a - (hz - (z * r - x * y));
}

const S1 = -1.66666666666666324348e-1;
const S2 = 8.33333333332248946124e-3;
const S3 = -1.98412698298579493134e-4;
const S4 = 2.75573137070700676789e-6;
const S5 = -2.50507602534068634195e-8;
const S6 = 1.58969099521155010221e-10;

/** sin(x + y) on [-pi/4, pi/4], y the tail of x. */
function kernelSin(x: number, y: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x3e400000) return x; // |x| < 2^-27
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  return x - (z * (0.5 * y - v * r) - y - v * S1);
}

const INV_PIO2 = 6.36619772367581382433e-1;
const PIO2_1 = 1.57079632673412561417e0; // first 33 bits of pi/2
const PIO2_1T = 6.07710050650619224932e-11; // pi/2 - PIO2_1
const PIO2_2 = 6.07710050630396597660e-11; // second 33 bits of pi/2
const PIO2_2T = 2.02226624879595063154e-21; // pi/2 - (PIO2_1 + PIO2_2)
const PIO2_3 = 2.02226624871116645580e-21; // third 33 bits of pi/2
const PIO2_3T = 8.47842766036889956997e-32; // pi/2 - (PIO2_1 + PIO2_2 + PIO2_3)

/** Reduced argument x - n pi/2 = y0 + y1, written by remPio2. */
const reduced = new Float64Array(2);

/**
 * Returns n (mod 8 for huge x) and sets reduced = x - n pi/2 as a double-double. Cody-Waite with
 * up to three parts of pi/2 for |x| < 2^20 pi/2; Payne-Hanek (remPio2Large) above.
 */
function remPio2(x: number): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix < 0x4002d97c) {
    // |x| < 3pi/4: n = +-1 (the caller handles |x| <= pi/4)
    const s = hx > 0 ? 1 : -1;
    let z = x - s * PIO2_1;
    if (ix !== 0x3ff921fb) {
      reduced[0] = z - s * PIO2_1T;
      reduced[1] = z - reduced[0] - s * PIO2_1T;
    } else {
      // x is near pi/2: 33 + 53 bits of pi/2 are not enough.
      z -= s * PIO2_2;
      reduced[0] = z - s * PIO2_2T;
      reduced[1] = z - reduced[0] - s * PIO2_2T;
    }
    return s;
  }
  if (ix <= 0x413921fb) {
    // |x| <= 2^19 (pi/2): medium size
    const t = Math.abs(x);
    const n = (t * INV_PIO2 + 0.5) | 0;
    const fn = n;
    let r = t - fn * PIO2_1;
    let w = fn * PIO2_1T; // 1st round, good to 85 bits
    const j = ix >> 20;
    let y0 = r - w;
    let i = j - ((highWord(y0) >> 20) & 0x7ff);
    if (i > 16) {
      // 2nd round, good to 118 bits (cancellation ate more than 16 bits)
      const t2 = r;
      w = fn * PIO2_2;
      r = t2 - w;
      w = fn * PIO2_2T - (t2 - r - w);
      y0 = r - w;
      i = j - ((highWord(y0) >> 20) & 0x7ff);
      if (i > 49) {
        // 3rd round, 151 bits
        const t3 = r;
        w = fn * PIO2_3;
        r = t3 - w;
        w = fn * PIO2_3T - (t3 - r - w);
        y0 = r - w;
      }
    }
    const y1 = r - y0 - w;
    if (hx < 0) {
      reduced[0] = -y0;
      reduced[1] = -y1;
      return -n;
    }
    reduced[0] = y0;
    reduced[1] = y1;
    return n;
  }
  // Huge |x| (infinity and NaN are handled by the caller): split into three 24-bit chunks.
  const e0 = (ix >> 20) - 1046; // e0 = ilogb(|x|) - 23
  let z = fromWords(ix - (e0 << 20), lowWord(x));
  const tx = [0, 0, 0];
  for (let i = 0; i < 2; i++) {
    tx[i] = z | 0;
    z = (z - tx[i]) * 16777216; // 2^24
  }
  tx[2] = z;
  let nx = 3;
  while (tx[nx - 1] === 0) nx--;
  const n = remPio2Large(tx, e0, nx);
  if (hx < 0) {
    reduced[0] = -reduced[0];
    reduced[1] = -reduced[1];
    return -n;
  }
  return n;
}

/** 2/pi in 24-bit chunks (enough for any double exponent). */
const IPIO2 = [
  0xa2f983, 0x6e4e44, 0x1529fc, 0x2757d1, 0xf534dd, 0xc0db62, 0x95993c, 0x439041, 0xfe5163, 0xabdebb, 0xc561b7, 0x246e3a,
  0x424dd2, 0xe00649, 0x2eea09, 0xd1921c, 0xfe1deb, 0x1cb129, 0xa73ee8, 0x8235f5, 0x2ebb44, 0x84e99c, 0x7026b4, 0x5f7e41,
  0x3991d6, 0x398353, 0x39f49c, 0x845f8b, 0xbdf928, 0x3b1ff8, 0x97ffde, 0x05980f, 0xef2f11, 0x8b5a0a, 0x6d1f6d, 0x367ecf,
  0x27cb09, 0xb74f46, 0x3f669e, 0x5fea2d, 0x7527ba, 0xc7ebe5, 0xf17b3d, 0x0739f7, 0x8a5292, 0xea6bfb, 0x5fb11f, 0x8d5d08,
  0x560330, 0x46fc7b, 0x6babf0, 0xcfbc20, 0x9af436, 0x1da9e3, 0x91615e, 0xe61b08, 0x659985, 0x5f14a0, 0x68408d, 0xffd880,
  0x4d7327, 0x310606, 0x1556ca, 0x73a8c9, 0x60e27b, 0xc08c6b,
];

/** pi/2 in 24-bit pieces. */
const PIO2 = [
  1.57079625129699707031e0, 7.54978941586159635335e-8, 5.39030252995776476554e-15, 3.28200341580791294123e-22,
  1.27065575308067607349e-29, 1.22933308981111328932e-36, 2.73370053816464559624e-44, 2.16741683877804819444e-51,
];

/**
 * Payne-Hanek reduction (k_rem_pio2.c with prec = 2, i.e. a double-double result): multiplies the
 * 24-bit chunks x of |x| / 2^e0 by just the bits of 2/pi that matter for the fraction, in exact
 * integer-valued double arithmetic, recomputing with more bits when cancellation leaves zeros.
 * Returns n mod 8 and sets `reduced`.
 */
function remPio2Large(x: number[], e0: number, nx: number): number {
  const jk = 4; // initial number of terms of 2/pi for double precision
  const jp = jk;
  const iq = new Int32Array(20);
  const f = new Float64Array(20);
  const fq = new Float64Array(20);
  const q = new Float64Array(20);

  const jx = nx - 1;
  let jv = ((e0 - 3) / 24) | 0;
  if (jv < 0) jv = 0;
  let q0 = e0 - 24 * (jv + 1);

  // f[0..jx+jk] = IPIO2[jv-jx .. jv+jk] (0 before the start)
  let j = jv - jx;
  const m = jx + jk;
  for (let i = 0; i <= m; i++, j++) f[i] = j < 0 ? 0 : IPIO2[j];
  for (let i = 0; i <= jk; i++) {
    let fw = 0;
    for (j = 0; j <= jx; j++) fw += x[j] * f[jx + i - j];
    q[i] = fw;
  }

  let jz = jk;
  let z: number;
  let n: number;
  let ih: number;
  for (;;) {
    // Distill q[] into 24-bit integers iq[], lowest first.
    let i = 0;
    z = q[jz];
    for (j = jz; j > 0; i++, j--) {
      const fw = (5.9604644775390625e-8 * z) | 0; // trunc(z / 2^24)
      iq[i] = (z - 16777216 * fw) | 0;
      z = q[j - 1] + fw;
    }
    // n = integer part (mod 8); z = fraction.
    z = scalbn(z, q0);
    z -= 8 * Math.floor(z * 0.125);
    n = z | 0;
    z -= n;
    ih = 0;
    if (q0 > 0) {
      // iq[jz-1] holds low bits of the integer part
      i = iq[jz - 1] >> (24 - q0);
      n += i;
      iq[jz - 1] -= i << (24 - q0);
      ih = iq[jz - 1] >> (23 - q0);
    } else if (q0 === 0) {
      ih = iq[jz - 1] >> 23;
    } else if (z >= 0.5) {
      ih = 2;
    }
    if (ih > 0) {
      // fraction > 0.5: use 1 - fraction and round n up
      n += 1;
      let carry = 0;
      for (i = 0; i < jz; i++) {
        const v = iq[i];
        if (carry === 0) {
          if (v !== 0) {
            carry = 1;
            iq[i] = 0x1000000 - v;
          }
        } else {
          iq[i] = 0xffffff - v;
        }
      }
      if (q0 === 1) iq[jz - 1] &= 0x7fffff;
      else if (q0 === 2) iq[jz - 1] &= 0x3fffff;
      if (ih === 2) {
        z = 1 - z;
        if (carry !== 0) z -= scalbn(1, q0);
      }
    }
    // A zero fraction so far means the leading bits cancelled: take more terms of 2/pi.
    if (z === 0) {
      let any = 0;
      for (i = jz - 1; i >= jk; i--) any |= iq[i];
      if (any === 0) {
        let k = 1;
        while (iq[jk - k] === 0) k++;
        for (i = jz + 1; i <= jz + k; i++) {
          f[jx + i] = IPIO2[jv + i];
          let fw = 0;
          for (j = 0; j <= jx; j++) fw += x[j] * f[jx + i - j];
          q[i] = fw;
        }
        jz += k;
        continue;
      }
    }
    break;
  }

  // Chop off zero terms, or split z into 24-bit pieces.
  if (z === 0) {
    jz -= 1;
    q0 -= 24;
    while (iq[jz] === 0) {
      jz--;
      q0 -= 24;
    }
  } else {
    z = scalbn(z, -q0);
    if (z >= 16777216) {
      const fw = (5.9604644775390625e-8 * z) | 0;
      iq[jz] = (z - 16777216 * fw) | 0;
      jz += 1;
      q0 += 24;
      iq[jz] = fw;
    } else {
      iq[jz] = z | 0;
    }
  }

  // Back to floating point: q[i] = iq[i] 2^(q0 - 24 (jz - i)).
  let fw = scalbn(1, q0);
  for (let i = jz; i >= 0; i--) {
    q[i] = fw * iq[i];
    fw *= 5.9604644775390625e-8;
  }
  // fq = PIO2 * q, then compress into a double-double.
  for (let i = jz; i >= 0; i--) {
    fw = 0;
    for (let k = 0; k <= jp && k <= jz - i; k++) fw += PIO2[k] * q[i + k];
    fq[jz - i] = fw;
  }
  fw = 0;
  for (let i = jz; i >= 0; i--) fw += fq[i];
  reduced[0] = ih === 0 ? fw : -fw;
  fw = fq[0] - fw;
  for (let i = 1; i <= jz; i++) fw += fq[i];
  reduced[1] = ih === 0 ? fw : -fw;
  return n & 7;
}

/** Cosine: reduce modulo pi/2 exactly enough, then the kernel polynomials by quadrant. */
export function cos(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) return kernelCos(x, 0); // |x| <= pi/4
  if (ix >= 0x7ff00000) return x - x; // NaN for inf and NaN
  const n = remPio2(x);
  const y0 = reduced[0];
  const y1 = reduced[1];
  switch (n & 3) {
    case 0:
      return kernelCos(y0, y1);
    case 1:
      return -kernelSin(y0, y1);
    case 2:
      return -kernelCos(y0, y1);
    default:
      return kernelSin(y0, y1);
  }
}
