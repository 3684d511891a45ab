/**
 * Summary statistics of one layer's values (all units x all samples): moments, robust
 * histograms, dead and saturated fractions, and the "all units identical" symmetry check.
 */
import type { Activation } from '../validation/sim-config';
import { ceilLog2, scalbn } from './exact-math';
import type { Histogram, Moments } from './types';

export const HISTOGRAM_BINS = 40;
/** The histogram covers mean ± this many std (clipped to the data's range). */
export const HISTOGRAM_SPAN_STD = 4;
/** Saturation thresholds (see PostMoments.saturatedFraction). */
export const TANH_SATURATION = 0.97;
export const SIGMOID_SATURATION_LOW = 0.03;
export const SIGMOID_SATURATION_HIGH = 0.97;

/** Moments of a layer's values together with their range, which the histogram needs. */
export interface ValueStats {
  moments: Moments;
  /** Smallest and largest value that is not NaN (Infinity / -Infinity when there is none). */
  min: number;
  max: number;
}

/**
 * Mean, population std, RMS and range of x[0..n) in one pass. The variance is accumulated about
 * a shift K = x[0] (the "shifted data" method): a sample lies within a few std of the mean, so
 * E[(x-K)^2] - E[x-K]^2 loses no accuracy to a large mean, unlike the naive E[x^2] - E[x]^2.
 * Every sum has two partial sums (even and odd indices), so the additions are not one serial
 * dependency chain. The range also serves the histogram, which then needs no pass to find it.
 */
export function valueStats(x: Float64Array, n: number): ValueStats {
  const k = n > 0 && Number.isFinite(x[0]) ? x[0] : 0;
  let s0 = 0;
  let s1 = 0;
  let d0 = 0;
  let d1 = 0;
  let q0 = 0;
  let q1 = 0;
  let min = Infinity;
  let max = -Infinity;
  const even = n - (n & 1);
  for (let i = 0; i < even; i += 2) {
    const v = x[i];
    const w = x[i + 1];
    const dv = v - k;
    const dw = w - k;
    s0 += dv;
    s1 += dw;
    d0 += dv * dv;
    d1 += dw * dw;
    q0 += v * v;
    q1 += w * w;
    if (v < min) min = v;
    if (v > max) max = v;
    if (w < min) min = w;
    if (w > max) max = w;
  }
  if (even < n) {
    const v = x[even];
    const dv = v - k;
    s0 += dv;
    d0 += dv * dv;
    q0 += v * v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const shiftedMean = (s0 + s1) / n;
  const variance = (d0 + d1) / n - shiftedMean * shiftedMean;
  // Rounding can leave a tiny negative variance for constant data; NaN and Infinity pass through.
  const std = variance < 0 ? 0 : Math.sqrt(variance);
  const rms = Math.sqrt((q0 + q1) / n);
  const maxAbs = Math.max(-min, max);
  if (Number.isFinite(maxAbs) && maxAbs > 0 && (maxAbs > SQUARE_SAFE_MAX || maxAbs < SQUARE_SAFE_MIN)) {
    // Finite values whose squares overflow (std reads Infinity) or underflow (std reads 0 for
    // values of 1e-300): redo the sums on values scaled by a power of two, which is exact.
    return { moments: scaledMoments(x, n, ceilLog2(maxAbs)), min, max };
  }
  return { moments: { mean: k + shiftedMean, std, rms }, min, max };
}

/**
 * Beyond these magnitudes squares (and sums of a few thousand of them) leave the normal range of
 * a double. Inside them the plain sums are used, so ordinary runs keep their exact bits.
 */
export const SQUARE_SAFE_MAX = 2 ** 500;
export const SQUARE_SAFE_MIN = 1 / 2 ** 400;

/** Moments of x computed on x * 2^-e (exact), scaled back: for finite values of extreme size. */
function scaledMoments(x: Float64Array, n: number, e: number): Moments {
  let s = 0;
  let q = 0;
  for (let i = 0; i < n; i++) {
    const v = scalbn(x[i], -e);
    s += v;
    q += v * v;
  }
  const mean = s / n;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const v = scalbn(x[i], -e) - mean;
    d += v * v;
  }
  return { mean: scalbn(mean, e), std: scalbn(Math.sqrt(d / n), e), rms: scalbn(Math.sqrt(q / n), e) };
}

/**
 * sqrt(mean of x[i]^2) over x[0..n), also for finite values whose squares over- or underflow
 * (then computed on x scaled by a power of two). NaN or Infinity anywhere gives a non-finite
 * result. `sumSq` is the plain sum of squares when the caller already has it.
 */
export function robustRms(x: Float64Array, n: number, sumSq: number): number {
  if (sumSq < Infinity && sumSq > SQUARE_SAFE_MIN * SQUARE_SAFE_MIN) return Math.sqrt(sumSq / n);
  let maxAbs = 0;
  for (let i = 0; i < n; i++) {
    const a = Math.abs(x[i]);
    if (!(a <= maxAbs)) maxAbs = a; // NaN sticks
  }
  if (!Number.isFinite(maxAbs)) return maxAbs;
  if (maxAbs === 0) return 0;
  const e = ceilLog2(maxAbs);
  let q = 0;
  for (let i = 0; i < n; i++) {
    const v = scalbn(x[i], -e);
    q += v * v;
  }
  return scalbn(Math.sqrt(q / n), e);
}

/**
 * HISTOGRAM_BINS equal bins over [max(min, mean - 4 std), min(max, mean + 4 std)] of the finite
 * values; values outside that range are counted in the first or last bin, so the counts always
 * sum to the number of values that are not NaN (infinities land in the end bins). Constant data
 * gets a unit-wide range around its value.
 */
export function histogram(x: Float64Array, n: number, stats: ValueStats): Histogram {
  const m = stats.moments;
  let lo = stats.min;
  let hi = stats.max;
  if (Number.isFinite(m.mean) && Number.isFinite(m.std)) {
    lo = Math.max(lo, m.mean - HISTOGRAM_SPAN_STD * m.std);
    hi = Math.min(hi, m.mean + HISTOGRAM_SPAN_STD * m.std);
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
    lo = -1;
    hi = 1;
  }
  if (!(hi > lo)) {
    const half = 0.5 * Math.max(1, Math.abs(lo));
    lo -= half;
    hi += half;
  }
  const bins = HISTOGRAM_BINS;
  const width = (hi - lo) / bins;
  const edges = new Array<number>(bins + 1);
  for (let i = 0; i <= bins; i++) edges[i] = lo + i * width;
  edges[bins] = hi;
  const counts = new Int32Array(bins);
  const scale = bins / (hi - lo);
  const last = bins - 1;
  if (Number.isFinite(m.mean) && (stats.min - lo) * scale > -2147483648 && (stats.max - lo) * scale < 2147483647) {
    // Finite data with every bin position t = (v - lo) * scale inside int32 (always, in fact:
    // |v - mean| <= std sqrt(n) and hi - lo >= 2 std): truncate first, then clamp with integer
    // ops, without a data-dependent branch (ReLU's zeros would mispredict half the time).
    // Two interleaved sub-histograms: runs of equal values (ReLU's zeros) would otherwise make
    // every increment wait for the previous store to the same counter.
    const sub = new Int32Array(2 * bins);
    const n2 = n - (n & 1);
    let i = 0;
    for (; i < n2; i += 2) {
      let k = ((x[i] - lo) * scale) | 0;
      let q = ((x[i + 1] - lo) * scale) | 0;
      k &= ~(k >> 31); // below the range: bin 0
      q &= ~(q >> 31);
      k -= (k - last) & ((last - k) >> 31); // above: the last bin
      q -= (q - last) & ((last - q) >> 31);
      sub[k]++;
      sub[bins + q]++;
    }
    if (i < n) {
      let k = ((x[i] - lo) * scale) | 0;
      k &= ~(k >> 31);
      k -= (k - last) & ((last - k) >> 31);
      sub[k]++;
    }
    for (let k = 0; k < bins; k++) counts[k] = sub[k] + sub[bins + k];
  } else {
    for (let i = 0; i < n; i++) {
      const v = x[i];
      if (v !== v) continue; // NaN
      const t = (v - lo) * scale;
      // Compare before truncating so huge values cannot overflow the int conversion.
      counts[t >= last ? last : t > 0 ? t | 0 : 0]++;
    }
  }
  return { edges, counts: Array.from(counts) };
}

/** Fraction of units (rows of z, units x B) whose pre-activation is <= 0 for every sample. */
export function deadFraction(z: Float64Array, units: number, B: number): number {
  let dead = 0;
  for (let i = 0; i < units; i++) {
    const o = i * B;
    let alive = false;
    for (let b = 0; b < B; b++) {
      if (z[o + b] > 0) {
        alive = true;
        break;
      }
    }
    if (!alive) dead++;
  }
  return dead / units;
}

/** Fraction of activation values phi(z) in the saturated region of tanh or sigmoid; 0 otherwise. */
export function saturatedFraction(act: Activation, phi: Float64Array, n: number): number {
  if (act !== 'tanh' && act !== 'sigmoid') return 0;
  let count = 0;
  if (act === 'tanh') {
    for (let i = 0; i < n; i++) if (Math.abs(phi[i]) > TANH_SATURATION) count++;
  } else {
    for (let i = 0; i < n; i++) {
      const v = phi[i];
      if (v < SIGMOID_SATURATION_LOW || v > SIGMOID_SATURATION_HIGH) count++;
    }
  }
  return count / n;
}

/** True when every row (unit) of x equals the first row exactly: the units cannot be told apart. */
export function unitsIdentical(x: Float64Array, units: number, B: number): boolean {
  if (units < 2) return false;
  for (let i = 1; i < units; i++) {
    const o = i * B;
    for (let b = 0; b < B; b++) if (x[o + b] !== x[b]) return false;
  }
  return true;
}
