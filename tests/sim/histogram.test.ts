/** The fast histogram bins every value exactly as a plain per-value loop would. */
import { describe, expect, it } from 'vitest';
import { histogram, valueStats } from '../../lib/sim/stats';

function naive(x: Float64Array, edges: number[]): number[] {
  const bins = edges.length - 1;
  const counts = new Array<number>(bins).fill(0);
  const lo = edges[0];
  const scale = bins / (edges[bins] - lo);
  for (const v of x) {
    const k = Math.min(bins - 1, Math.max(0, Math.floor((v - lo) * scale)));
    counts[k]++;
  }
  return counts;
}

describe('histogram', () => {
  it.each([1, 2, 7, 1000, 1001])('matches a per-value count for n = %i, with outliers and runs of zeros', (n) => {
    const x = new Float64Array(n);
    let state = 12345;
    for (let i = 0; i < n; i++) {
      state = (state * 1103515245 + 12345) >>> 0;
      const u = state / 2 ** 32;
      // ReLU-like: a third exact zeros, the rest spread wide, with a few far outliers.
      x[i] = i % 3 === 0 ? 0 : i % 97 === 0 ? 50 * (u - 0.5) : u * 2 - 0.3;
    }
    const h = histogram(x, n, valueStats(x, n));
    expect(h.counts).toEqual(naive(x, h.edges));
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(n);
  });
});

describe('valueStats', () => {
  it('keeps the std accurate under a mean a billion times larger (shifted one-pass sums)', () => {
    const n = 4097;
    const x = new Float64Array(n);
    let state = 99;
    for (let i = 0; i < n; i++) {
      state = (state * 1103515245 + 12345) >>> 0;
      x[i] = 1e6 + 1e-3 * (state / 2 ** 32 - 0.5);
    }
    // Reference: two passes in plain arithmetic.
    let mean = 0;
    for (const v of x) mean += v / n;
    let ss = 0;
    for (const v of x) ss += (v - mean) ** 2;
    const std = Math.sqrt(ss / n);
    const s = valueStats(x, n);
    expect(Math.abs(s.moments.std - std) / std).toBeLessThan(1e-6);
    expect(s.moments.mean).toBeCloseTo(mean, 6);
    expect(s.min).toBe(Math.min(...x));
    expect(s.max).toBe(Math.max(...x));
  });

  it('gives std 0 for constant data and passes overflow through', () => {
    expect(valueStats(new Float64Array(10).fill(3.7), 10).moments).toMatchObject({ mean: 3.7, std: 0 });
    const big = new Float64Array([1, Infinity, 2]);
    expect(Number.isFinite(valueStats(big, 3).moments.std)).toBe(false);
  });
});
