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
