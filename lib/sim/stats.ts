/**
 * Summary statistics of one layer's values (all units x all samples): moments, robust
 * histograms, dead and saturated fractions, and the "all units identical" symmetry check.
 */
import type { Activation } from '../validation/sim-config';
import type { Histogram, Moments } from './types';

export const HISTOGRAM_BINS = 40;
/** The histogram covers mean ± this many std (clipped to the data's range). */
export const HISTOGRAM_SPAN_STD = 4;
/** Saturation thresholds (see PostMoments.saturatedFraction). */
export const TANH_SATURATION = 0.97;
export const SIGMOID_SATURATION_LOW = 0.03;
export const SIGMOID_SATURATION_HIGH = 0.97;

/** Mean, population std and RMS of x[0..n), two-pass so a large mean does not eat the std. */
export function moments(x: Float64Array, n = x.length): Moments {
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i];
  const mean = s / n;
  let d2 = 0;
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i];
    const d = v - mean;
    d2 += d * d;
    m2 += v * v;
  }
  return { mean, std: Math.sqrt(d2 / n), rms: Math.sqrt(m2 / n) };
}

/**
 * HISTOGRAM_BINS equal bins over [max(min, mean - 4 std), min(max, mean + 4 std)] of the finite
 * values; values outside that range are counted in the first or last bin, so the counts always
 * sum to the number of values that are not NaN (infinities land in the end bins). Constant data gets a unit-wide range around its value.
 */
export function histogram(x: Float64Array, n: number, m: Moments): Histogram {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
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
  const counts = new Float64Array(bins);
  const scale = bins / (hi - lo);
  const last = bins - 1;
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (v !== v) continue; // NaN
    const t = (v - lo) * scale;
    // t < 0 lands in bin 0 (truncation of (-1, 0) gives 0 too); compare before truncating so huge
    // values cannot overflow the int conversion.
    counts[t >= last ? last : t > 0 ? t | 0 : 0]++;
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
