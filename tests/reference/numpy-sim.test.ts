/**
 * The engine against an independent numpy implementation (numpy_sim.py: materialized weights,
 * numpy's RNG, written from the definitions). Both are Monte Carlo, so per layer we compare the
 * means over K seeds with a tolerance of 5 combined standard errors (from each side's seed
 * spread), plus 1% of the value for the covariance path's gradients (independent backward weights,
 * an O(1/width) modelling difference for plain networks).
 *
 * The grid covers every scheme and every activation, residual and normalized networks forward and
 * backward (which run with the forward weights: before that fix, a plain-residual ReLU network's
 * layer-1 gradient was orders of magnitude below numpy's), and the overflow cases. In CI
 * (CI=true) a missing numpy fails the suite instead of skipping it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../lib/sim';
import { SCHEMES, ACTIVATIONS, simConfigSchema, type SimConfigInput } from '../../lib/validation/sim-config';

const script = path.join(import.meta.dirname, 'numpy_sim.py');
const hasNumpy = spawnSync('python3', ['-c', 'import numpy'], { stdio: 'ignore' }).status === 0;
const inCi = process.env.CI === 'true';

const SEEDS = Array.from({ length: 8 }, (_, k) => 100 + k);
const base = { layers: 8, width: 128, samples: 32 };
const grid: SimConfigInput[] = [];
for (const scheme of ['he-normal', 'xavier-uniform', 'orthogonal'] as const) {
  for (const activation of ['relu', 'tanh', 'gelu'] as const) grid.push({ ...base, scheme, activation });
}
// Every other scheme and activation at least once (with a fan mode, gains and a bias on the way).
grid.push({ ...base, layers: 3, scheme: 'lecun-normal', activation: 'selu', widths: [256, 64, 64] });
grid.push({ ...base, layers: 5, scheme: 'truncated-normal-he', activation: 'leaky-relu', activationParam: 0.2, residual: 'scaled' });
grid.push({ ...base, layers: 4, scheme: 'xavier-normal', activation: 'swish', normalization: 'layernorm', biasStd: 0.3 });
grid.push({ ...base, scheme: 'lecun-uniform', activation: 'selu' });
grid.push({ ...base, scheme: 'he-uniform', activation: 'leaky-relu', fanMode: 'fan_out' });
grid.push({ ...base, scheme: 'truncated-normal-xavier', activation: 'sigmoid', gain: 'activation' });
grid.push({ ...base, scheme: 'custom', customStd: 0.12, activation: 'swish' });
grid.push({ ...base, scheme: 'small-random', activation: 'linear' });
grid.push({ ...base, layers: 4, scheme: 'large-random', activation: 'tanh' });
grid.push({ ...base, layers: 4, scheme: 'zero', activation: 'sigmoid', biasStd: 0.5 });
// Residual and normalized networks, forward and backward, at a depth where fresh backward weights
// are visibly wrong (plain residual ReLU: ~50x at 20 layers; BatchNorm: a factor ~2).
grid.push({ ...base, layers: 20, scheme: 'he-normal', activation: 'relu', residual: 'plain' });
grid.push({ ...base, layers: 12, scheme: 'small-random', activation: 'sigmoid', normalization: 'batchnorm' });
grid.push({ ...base, layers: 12, scheme: 'xavier-normal', activation: 'tanh', normalization: 'layernorm', residual: 'plain' });
// Overflow: values pass 1.8e308 near layer 112 (x566 per layer); before that their squares overflow
// (layer ~56), which must not change any statistic.
const OVERFLOW: SimConfigInput = { scheme: 'custom', customStd: 100, activation: 'linear', layers: 130, width: 32, samples: 8 };
grid.push(OVERFLOW);

const meanSe = (xs: number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  const v = xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1);
  return { m, se: Math.sqrt(v / xs.length) };
};

describe('the grid covers every scheme and activation', () => {
  it('each scheme, each activation, residual, normalization and an overflow appear', () => {
    const configs = grid.map((g) => simConfigSchema.parse(g));
    for (const s of SCHEMES) expect(configs.some((c) => c.scheme === s), s).toBe(true);
    for (const a of ACTIVATIONS) expect(configs.some((c) => c.activation === a), a).toBe(true);
    expect(configs.some((c) => c.residual === 'plain' && c.normalization === 'none')).toBe(true);
    expect(configs.some((c) => c.normalization === 'batchnorm')).toBe(true);
  });
});

describe.skipIf(!hasNumpy)('engine vs numpy reference (materialized weights, independent RNG)', () => {
  // One BLAS thread: the matrices are small, and threaded OpenBLAS crawls on a busy 2-core box.
  const env = { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
  const reference = () => JSON.parse(execFileSync('python3', [script], { input: JSON.stringify({ configs: grid, seeds: SEEDS }), maxBuffer: 1 << 26, env }).toString()) as Record<string, (number | null)[][]>[];

  it('per-layer pre std, post std and gradient norm agree within the Monte Carlo error; overflow at the same depth', () => {
    const ref = reference();
    const failures: string[] = [];
    grid.forEach((input, i) => {
      const config = simConfigSchema.parse(input);
      const label = `${config.scheme}/${config.activation}${config.residual !== 'none' ? `/${config.residual} residual` : ''}${config.normalization !== 'none' ? `/${config.normalization}` : ''}`;
      const runs = SEEDS.map((seed) => simulate({ ...config, seed }, { bandSeeds: 1 }));
      const covariance = runs[0].path === 'covariance';
      const stats: [string, (r: (typeof runs)[number], l: number) => number | null | undefined, string][] = [
        ['pre_std', (r, l) => r.layers[l].pre?.std, 'pre std'],
        ['post_std', (r, l) => r.layers[l].post?.std, 'post std'],
        ['grad', (r, l) => r.layers[l].gradientNorm, 'gradient'],
      ];
      // Overflow: the first null layer, per seed, on both sides (numpy: inf or nan anywhere).
      const firstNull = (xs: (number | null | undefined)[]) => {
        const k = xs.findIndex((x) => x === null || x === undefined);
        return k < 0 ? null : k + 1;
      };
      const engineOverflow = runs.map((r) => r.summary.overflowLayer);
      const numpyOverflow = ref[i].pre_std.map((row) => firstNull(row));
      if (input === OVERFLOW) {
        const e = meanSe(engineOverflow.map((k) => k ?? Number.NaN));
        const n = meanSe(numpyOverflow.map((k) => k ?? Number.NaN));
        if (!(Math.abs(e.m - n.m) <= 1.5)) failures.push(`${label}: overflow layer engine ${e.m} vs numpy ${n.m}`);
        if (!runs.every((r) => r.summary.signalState === 'exploding')) failures.push(`${label}: not exploding`);
      } else if (engineOverflow.some((k) => k !== null) || numpyOverflow.some((k) => k !== null)) {
        failures.push(`${label}: unexpected overflow (engine ${engineOverflow}, numpy ${numpyOverflow})`);
      }
      for (const [key, pick, what] of stats) {
        for (let l = 0; l < config.layers; l++) {
          const refVals = ref[i][key].map((seedRow) => seedRow[l]);
          const engVals = runs.map((r) => pick(r, l));
          // Layers that overflowed in any seed on either side have no mean to compare.
          if (refVals.some((v) => v === null) || engVals.some((v) => v === null || v === undefined)) continue;
          const e = meanSe(engVals as number[]);
          const n = meanSe(refVals as number[]);
          const slack = key === 'grad' && covariance ? 0.01 * Math.abs(n.m) : 0;
          // 5 standard errors: each se is itself estimated from 8 seeds (t with ~14 dof). The
          // seeds are fixed on both sides, so the outcome is deterministic, not a coin toss per
          // run; P(|t_14| > 5) = 2e-4 per comparison is what a genuine bug has to hide under.
          const tol = 5 * Math.hypot(e.se, n.se) + slack + 1e-12 * Math.max(1, Math.abs(n.m));
          if (!(Math.abs(e.m - n.m) <= tol)) {
            failures.push(`${label} layer ${l + 1} ${what}: engine ${e.m.toPrecision(4)} vs numpy ${n.m.toPrecision(4)} (tol ${tol.toPrecision(3)})`);
          }
        }
      }
    });
    expect(failures).toEqual([]);
  });
});

if (!hasNumpy) {
  describe('engine vs numpy reference', () => {
    if (inCi) {
      it('needs python3 with numpy in CI', () => {
        throw new Error('python3 with numpy is required in CI (CI=true): the numpy cross-check must run there, not skip');
      });
    } else {
      it.skip('skipped: python3 with numpy is not available on this machine (CI=true makes this a failure)', () => {});
    }
  });
}
