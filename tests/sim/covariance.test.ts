/**
 * The exact-distribution shortcuts of the covariance path (lib/sim/network.ts), checked against
 * explicit sampling and closed forms: their draws must have the same distribution, not the same
 * numbers. Orthogonal frames must also preserve every sample's norm to rounding.
 */
import { describe, expect, it } from 'vitest';
import { choosePath, simulate } from '../../lib/sim';
import { runSeed, Workspace } from '../../lib/sim/network';
import { OrthogonalWeights } from '../../lib/sim/orthogonal';
import { createRng } from '../../lib/sim/rng';
import { cfg, mean, sd } from './helpers';

function frobenius2(x: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i] * x[i];
  return s;
}

describe('sampleCovarianceSquaredNorm (Bartlett factor) has the law of ||Z||_F^2', () => {
  // M (rows x B) fixed; Z (outRows x B) has rows i.i.d. N(0, std^2 M^T M), so
  // E||Z||^2 = std^2 outRows tr(G) and Var||Z||^2 = 2 std^4 outRows tr(G^2), G = M^T M.
  for (const [rows, B, outRows] of [
    [9, 5, 12],
    [9, 5, 3], // fewer output rows than samples: a trapezoidal Bartlett factor
    [3, 6, 8], // rank-deficient Gram matrix
  ]) {
    it(`rows ${rows}, B ${B}, outRows ${outRows}`, () => {
      const M = new Float64Array(rows * B);
      createRng(1).fillNormal(M, 1);
      for (let i = 0; i < M.length; i += 4) M[i] = Math.abs(M[i]) + 0.5; // not centred
      const G = new Float64Array(B * B);
      for (let b = 0; b < B; b++) for (let c = 0; c < B; c++) for (let r = 0; r < rows; r++) G[b * B + c] += M[r * B + b] * M[r * B + c];
      let trG = 0;
      let trG2 = 0;
      for (let b = 0; b < B; b++) {
        trG += G[b * B + b];
        for (let c = 0; c < B; c++) trG2 += G[b * B + c] * G[c * B + b];
      }
      const std = 0.7;
      const expectedMean = std ** 2 * outRows * trG;
      const expectedSd = Math.sqrt(2 * std ** 4 * outRows * trG2);
      const ws = new Workspace();
      const draws = 20000;
      const shortcut: number[] = [];
      const explicit: number[] = [];
      const Z = new Float64Array(outRows * B);
      for (let k = 0; k < draws; k++) {
        shortcut.push(ws.sampleCovarianceSquaredNorm(M, rows, B, std, outRows, createRng(100, k)));
        ws.sampleCovariance(M, rows, B, std, outRows, createRng(200, k), Z);
        explicit.push(frobenius2(Z, outRows * B));
      }
      for (const xs of [shortcut, explicit]) {
        expect(Math.abs(mean(xs) - expectedMean)).toBeLessThan((5 * expectedSd) / Math.sqrt(draws));
        // sd of the sample sd is about sd * sqrt(kurtosis excess / 4 + 1/2) / sqrt(n) (< 0.03 sd here)
        expect(Math.abs(sd(xs) / expectedSd - 1)).toBeLessThan(0.05);
      }
    });
  }
});

describe('orthogonal frame path (square orthogonal layers on the covariance path)', () => {
  /** A (n x B) with nonnegative entries (like ReLU outputs) and optionally only `rank` independent columns. */
  function activations(n: number, B: number, seed: number, rank = B): Float64Array {
    const basis = new Float64Array(n * rank);
    createRng(seed).fillNormal(basis, 1);
    const mix = new Float64Array(rank * B);
    createRng(seed, 1).fillNormal(mix, 1);
    const A = new Float64Array(n * B);
    for (let i = 0; i < n; i++) {
      for (let b = 0; b < B; b++) {
        let s = 0;
        for (let k = 0; k < rank; k++) s += basis[i * rank + k] * mix[k * B + b];
        A[i * B + b] = rank === B ? Math.max(0, s) : s;
      }
    }
    return A;
  }

  function columnNorms(X: Float64Array, n: number, B: number): number[] {
    return Array.from({ length: B }, (_, b) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += X[i * B + b] * X[i * B + b];
      return Math.sqrt(s);
    });
  }

  // 2B <= n takes the Cholesky-QR frame, 2B > n the Householder reflectors; rank < B exercises
  // the semidefinite Cholesky.
  for (const [n, B, rank] of [
    [64, 16, 16],
    [64, 32, 32],
    [512, 256, 256],
    [64, 40, 40],
    [64, 64, 64],
    [64, 16, 5],
    [48, 40, 7],
  ]) {
    it(`preserves every sample's norm: ||z_b|| = gain ||a_b|| (n ${n}, B ${B}, rank ${rank})`, () => {
      const A = activations(n, B, n + B + rank, rank);
      const Z = new Float64Array(n * B);
      const gain = 5 / 3;
      const ws = new Workspace();
      const before = columnNorms(A, n, B);
      for (let k = 0; k < 5; k++) {
        ws.sampleFrame(A, n, B, gain, createRng(7, k), Z);
        const after = columnNorms(Z, n, B);
        after.forEach((v, b) => expect(Math.abs(v - gain * before[b])).toBeLessThanOrEqual(1e-12 * gain * before[b]));
      }
    });
  }

  // For W Haar-orthogonal (n x n), z = W a has E[z_i z_i'] = 0 (i != i'), E[z_0b z_0c] = gain^2
  // <a_b, a_c> / n, and z_0b / (gain ||a_b||) is a coordinate u of a uniform unit vector:
  // E[u^4] = 3 / (n (n + 2)). Both the frame path and materialized orthogonal weights must match.
  it('has the law of W A for Haar W: second and fourth moments, frame (both kinds) vs materialized', () => {
    const draws = 20000;
    const gain = 1.3;
    for (const [n, B] of [
      [8, 3],
      [8, 6],
    ]) {
      const A = activations(n, B, 3);
      const norms = columnNorms(A, n, B);
      let dot01 = 0;
      for (let i = 0; i < n; i++) dot01 += A[i * B] * A[i * B + 1];
      const samplers: [string, (k: number, Z: Float64Array) => void][] = [
        ['frame', (k, Z) => new Workspace().sampleFrame(A, n, B, gain, createRng(11, k), Z)],
        ['materialized', (k, Z) => new OrthogonalWeights(n, n, gain, createRng(12, k)).forward(A, B, Z)],
      ];
      for (const [label, sample] of samplers) {
        const Z = new Float64Array(n * B);
        const u2: number[] = [];
        const u4: number[] = [];
        const cross: number[] = [];
        const rows: number[] = [];
        for (let k = 0; k < draws; k++) {
          sample(k, Z);
          const u = Z[0] / (gain * norms[0]);
          u2.push(u * u);
          u4.push(u ** 4);
          cross.push((Z[0] * Z[1]) / (gain * gain));
          rows.push((Z[0] * Z[B]) / (gain * gain * norms[0] * norms[0]));
        }
        const check = (xs: number[], expected: number, what: string) =>
          expect(Math.abs(mean(xs) - expected), `${label} n ${n} B ${B}: ${what}`).toBeLessThan((5 * sd(xs)) / Math.sqrt(draws));
        check(u2, 1 / n, 'E[u^2]');
        check(u4, 3 / (n * (n + 2)), 'E[u^4]');
        check(cross, dot01 / n, 'E[z_0,0 z_0,1]');
        check(rows, 0, 'E[z_0,0 z_1,0]');
      }
    }
  });

  it('choosePath takes it for square orthogonal layers with B <= n, not otherwise', () => {
    const c = (input: Parameters<typeof cfg>[0]) => cfg({ scheme: 'orthogonal', activation: 'tanh', ...input });
    expect(choosePath(c({ layers: 50, width: 512, samples: 64 }))).toBe('covariance');
    expect(choosePath(c({ layers: 8, width: 128, samples: 32 }))).toBe('covariance');
    expect(choosePath(c({ layers: 3, width: 32, samples: 64 }))).toBe('materialized'); // B > n
    expect(choosePath(c({ layers: 3, width: 64, widths: [96, 48, 80], samples: 16 }))).toBe('materialized'); // no square layer
    expect(simulate(c({ layers: 4, width: 64, samples: 16 }), { bandSeeds: 1 }).path).toBe('covariance');
  });

  it('agrees with the materialized orthogonal path in distribution over seeds', () => {
    const c = cfg({ scheme: 'orthogonal', activation: 'tanh', gain: 'activation', layers: 6, width: 64, samples: 16 });
    const seeds = 40;
    const run = (path: 'covariance' | 'materialized') => Array.from({ length: seeds }, (_, k) => runSeed(c, 900 + k, { path, histograms: false }));
    const frame = run('covariance');
    const mat = run('materialized');
    for (let l = 0; l < c.layers; l++) {
      for (const [what, pick, slack] of [
        ['pre std', (p: (typeof frame)[number]) => p.layers[l].pre!.std, 0],
        ['post std', (p: (typeof frame)[number]) => p.layers[l].post!.std, 0],
        // Independent backward weights on the frame path: an O(1/width) modelling difference.
        ['gradient', (p: (typeof frame)[number]) => p.layers[l].gradientNorm!, 0.02],
      ] as const) {
        const a = frame.map(pick);
        const b = mat.map(pick);
        const tol = 4 * Math.hypot(sd(a), sd(b)) / Math.sqrt(seeds) + slack * mean(b);
        expect(Math.abs(mean(a) - mean(b)), `layer ${l + 1} ${what}`).toBeLessThan(tol);
      }
    }
  });
});
