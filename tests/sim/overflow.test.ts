/**
 * Overflow is never silent and underflow is named (issue 8, points 1 and 4).
 * Before the fix: on the covariance path a Gram matrix whose squares overflowed zeroed the whole
 * Cholesky factor, so large-random linear networks read final std 0, "vanishing", no overflow
 * layer and the zero-init verdict; layer statistics of values around 1e-300 read 0 (squares
 * underflow); overflowed layers came out as NaN/Infinity typed as numbers.
 */
import { describeSummary } from '../../lib/present/summary-words';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../lib/sim';
import { valueStats } from '../../lib/sim/stats';
import { formatTable } from '../../lib/cli/main';
import { describeSignal } from '../../components/network-view/describe-signal';
import { resultToCsv } from '../../components/simulator/export';
import { cfg } from './helpers';

describe('overflow and underflow', () => {
  it('a Gram matrix with huge entries does not zero the covariance path (large-random, linear)', () => {
    // Var(W) fan_in = 256 per layer: the std grows 16x per layer, ~1e154 (squares overflow) by
    // layer 128, still finite at layer 140.
    const c = cfg({ scheme: 'large-random', activation: 'linear', layers: 140, width: 256, samples: 16 });
    const cov = simulate(c, { bandSeeds: 1, path: 'covariance' });
    const mat = simulate(c, { bandSeeds: 1, path: 'materialized' });
    for (const r of [cov, mat]) {
      expect(r.summary.signalState).toBe('exploding');
      expect(r.summary.symmetryBroken).toBe(true);
      expect(r.summary.finalStd).toBeGreaterThan(1e150);
      expect(r.summary.underflowLayer).toBeNull();
      expect(describeSummary(r.summary, r.config).verdictText).not.toContain('symmetry');
      // Each layer multiplies the std by about sqrt(256) = 16, on both paths.
      const growth = Math.log2(r.summary.finalStd!) / c.layers;
      expect(growth).toBeGreaterThan(3.9);
      expect(growth).toBeLessThan(4.1);
      expect(r.layers[0].gradientNorm).toBeGreaterThan(1e150);
    }
  });

  it('values past the double range mark the first overflowed layer and leave later layers null', () => {
    // std x sqrt(32) * 100 = 566 per layer: past 1.8e308 near layer 112.
    const c = cfg({ scheme: 'custom', customStd: 100, activation: 'linear', layers: 200, width: 32, samples: 8 });
    for (const path of ['covariance', 'materialized'] as const) {
      const r = simulate(c, { bandSeeds: 2, path });
      const k = r.summary.overflowLayer;
      expect(k, path).toBeGreaterThan(100);
      expect(k, path).toBeLessThan(125);
      expect(r.overflowLayer).toBe(k);
      expect(r.summary.signalState).toBe('exploding');
      expect(r.summary.finalStd).toBeNull();
      expect(r.summary.ratio).toBeNull();
      for (const l of r.layers.slice(k! - 1)) {
        expect(l.pre).toBeNull();
        expect(l.post).toBeNull();
        expect(l.histogram).toBeNull();
        expect(l.band.postStd).toBeNull();
      }
      for (const l of r.layers.slice(0, k! - 1)) expect(Number.isFinite(l.post!.std) && l.post!.std > 0).toBe(true);
      expect(r.layers.every((l) => l.gradientNorm === null)).toBe(true);
      // No 0 anywhere a value is missing: the JSON says null, the CLI and CSV say overflow.
      const json = JSON.parse(JSON.stringify(r));
      expect(json.layers[c.layers - 1].post).toBeNull();
      expect(formatTable(r)).toContain(`overflowed at layer ${k}`);
      expect(resultToCsv(r).trim().split('\n').at(-1)).toContain('overflow');
      expect(describeSignal(r)).toContain(`overflows the range of 64-bit numbers at layer ${k}`);
    }
  });

  it('an exploding gradient that overflows names its layer; the layers below it are null', () => {
    // Linear, x40 per layer both ways (std 5, width 64), input std 1e-6: the forward output ends
    // near 1e306 (finite) while the gradient, which starts at 1 at the output, passes 1e308 about
    // two layers before layer 1.
    const c = cfg({ scheme: 'custom', customStd: 5, activation: 'linear', layers: 195, width: 64, samples: 8, inputStd: 1e-6 });
    const r = simulate(c, { bandSeeds: 1, path: 'materialized' });
    expect(r.summary.overflowLayer).toBeNull();
    const g = r.summary.gradientOverflowLayer;
    expect(g).not.toBeNull();
    expect(r.summary.signalState).toBe('exploding');
    for (const l of r.layers.slice(0, g!)) expect(l.gradientNorm).toBeNull();
    for (const l of r.layers.slice(g!)) expect(Number.isFinite(l.gradientNorm)).toBe(true);
  });

  it('an underflow to exactly 0 is named, and is not the zero-init verdict', () => {
    // custom std 1e-300: layer 1 values ~1e-299 (finite), layer 2 ~1e-597 -> exactly 0.
    for (const path of ['covariance', 'materialized'] as const) {
      const r = simulate(cfg({ scheme: 'custom', customStd: 1e-300, activation: 'tanh', layers: 4, width: 64, samples: 8 }), { bandSeeds: 1, path });
      // Layer 1 is computed correctly although its squares underflow: std ~ 1e-300 sqrt(64) = 8e-300.
      expect(r.layers[0].pre!.std / 8e-300).toBeGreaterThan(0.8);
      expect(r.layers[0].pre!.std / 8e-300).toBeLessThan(1.2);
      expect(r.summary.underflowLayer).toBe(2);
      expect(r.summary.signalState).toBe('vanishing');
      expect(r.summary.symmetryBroken).toBe(true);
      expect(r.summary.overflowLayer).toBeNull();
      expect(describeSummary(r.summary, r.config).verdictText).toContain('underflowed to exactly 0 at layer 2');
      expect(describeSignal(r)).toContain('underflows to exactly 0 at layer 2');
    }
    const zero = simulate(cfg({ scheme: 'zero', activation: 'tanh', layers: 4, width: 64, samples: 8 }), { bandSeeds: 1 });
    expect(zero.summary.underflowLayer).toBeNull();
    expect(zero.summary.symmetryBroken).toBe(false);
  });

  it('valueStats computes moments of values whose squares leave the double range', () => {
    for (const scale of [1e-300, 1e-200, 1e200, 1e300]) {
      const x = new Float64Array([1, -2, 3, 0.5].map((v) => v * scale));
      const m = valueStats(x, 4).moments;
      const mean = 0.625;
      const rms = Math.sqrt((1 + 4 + 9 + 0.25) / 4);
      const std = Math.sqrt(rms * rms - mean * mean);
      expect(m.mean / scale).toBeCloseTo(mean, 12);
      expect(m.rms / scale).toBeCloseTo(rms, 12);
      expect(m.std / scale).toBeCloseTo(std, 12);
    }
  });
});
