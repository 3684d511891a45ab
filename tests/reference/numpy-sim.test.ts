/**
 * The engine against an independent numpy implementation (numpy_sim.py: materialized weights,
 * numpy's RNG, written from the definitions). Both are Monte Carlo, so per layer we compare the
 * means over K seeds with a tolerance of 5 combined standard errors (from each side's seed
 * spread), plus 1% of the value for the covariance path's gradients (independent backward weights,
 * an O(1/width) modelling difference).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../lib/sim';
import { simConfigSchema, type SimConfigInput } from '../../lib/validation/sim-config';

const script = path.join(import.meta.dirname, 'numpy_sim.py');
const hasNumpy = spawnSync('python3', ['-c', 'import numpy'], { stdio: 'ignore' }).status === 0;

const SEEDS = Array.from({ length: 8 }, (_, k) => 100 + k);
const base = { layers: 8, width: 128, samples: 32 };
const grid: SimConfigInput[] = [];
for (const scheme of ['he-normal', 'xavier-uniform', 'orthogonal'] as const) {
  for (const activation of ['relu', 'tanh', 'gelu'] as const) grid.push({ ...base, scheme, activation });
}
grid.push({ ...base, layers: 3, scheme: 'lecun-normal', activation: 'selu', widths: [256, 64, 64] });
grid.push({ ...base, layers: 5, scheme: 'truncated-normal-he', activation: 'leaky-relu', activationParam: 0.2, residual: 'scaled' });
grid.push({ ...base, layers: 4, scheme: 'xavier-normal', activation: 'swish', normalization: 'layernorm', biasStd: 0.3 });

const meanSe = (xs: number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  const v = xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1);
  return { m, se: Math.sqrt(v / xs.length) };
};

describe.skipIf(!hasNumpy)('engine vs numpy reference (materialized weights, independent RNG)', () => {
  it('per-layer pre std, post std and gradient norm agree within the Monte Carlo error', () => {
    // One BLAS thread: the matrices are small, and threaded OpenBLAS crawls on a busy 2-core box.
    const env = { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
    const out = execFileSync('python3', [script], { input: JSON.stringify({ configs: grid, seeds: SEEDS }), maxBuffer: 1 << 26, env });
    const ref = JSON.parse(out.toString()) as Record<string, (number | null)[][]>[];
    const failures: string[] = [];
    grid.forEach((input, i) => {
      const config = simConfigSchema.parse(input);
      const runs = SEEDS.map((seed) => simulate({ ...config, seed }, { bandSeeds: 1 }));
      const covariance = runs[0].path === 'covariance';
      const stats: [string, (r: (typeof runs)[number], l: number) => number, string][] = [
        ['pre_std', (r, l) => r.layers[l].pre!.std, 'pre std'],
        ['post_std', (r, l) => r.layers[l].post!.std, 'post std'],
        ['grad', (r, l) => r.layers[l].gradientNorm!, 'gradient'],
      ];
      for (const [key, pick, label] of stats) {
        for (let l = 0; l < config.layers; l++) {
          const refVals = ref[i][key].map((seedRow) => seedRow[l]);
          if (refVals.some((v) => v === null)) continue;
          const e = meanSe(runs.map((r) => pick(r, l)));
          const n = meanSe(refVals as number[]);
          const slack = key === 'grad' && covariance ? 0.01 * Math.abs(n.m) : 0;
          // 5 standard errors: each se is itself estimated from 8 seeds (t with ~14 dof), and
          // there are ~300 comparisons; P(|t_14| > 5) * 300 is about 0.06.
          const tol = 5 * Math.hypot(e.se, n.se) + slack + 1e-12;
          if (!(Math.abs(e.m - n.m) <= tol)) {
            failures.push(`${config.scheme}/${config.activation} layer ${l + 1} ${label}: engine ${e.m.toPrecision(4)} vs numpy ${n.m.toPrecision(4)} (tol ${tol.toPrecision(3)})`);
          }
        }
      }
    });
    expect(failures).toEqual([]);
  });
});

if (!hasNumpy) {
  describe('engine vs numpy reference', () => {
    it.skip('skipped: python3 with numpy is not available on this machine', () => {});
  });
}
