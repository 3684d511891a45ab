/**
 * Backward passes beyond plain networks: with a skip connection or a normalization the
 * gradient-independence assumption (fresh backward weights) is measurably wrong, so those
 * networks must run with the forward pass's own weights on every path request.
 * (Before the fix the covariance path was chosen for them, and a 50-layer plain-residual He/ReLU
 * network's layer-1 gradient came out ~900x too small; the numpy cross-check shows the values.)
 */
import { describe, expect, it } from 'vitest';
import { choosePath, estimatePathCost, meanField, simulate } from '../../lib/sim';
import { cfg } from './helpers';

describe('residual and normalized networks share forward and backward weights', () => {
  const cases = [
    cfg({ layers: 30, width: 64, samples: 16, residual: 'plain' }),
    cfg({ scheme: 'small-random', activation: 'sigmoid', layers: 12, width: 64, samples: 16, normalization: 'batchnorm' }),
    cfg({ scheme: 'xavier-normal', activation: 'tanh', layers: 12, width: 64, samples: 16, normalization: 'layernorm' }),
  ];
  for (const c of cases) {
    it(`${c.residual} residual, ${c.normalization} normalization: materialized on every request, same numbers`, () => {
      expect(choosePath(c)).toBe('materialized');
      expect(choosePath(c, 'covariance')).toBe('materialized');
      const cost = estimatePathCost(c);
      expect(cost.covariance).toBe(cost.materialized);
      const auto = simulate(c, { bandSeeds: 1 });
      const mat = simulate(c, { bandSeeds: 1, path: 'materialized' });
      expect(auto.path).toBe('materialized');
      expect(auto.layers.map((l) => l.gradientNorm)).toEqual(mat.layers.map((l) => l.gradientNorm));
    });
  }

  it('a plain-residual He/ReLU network keeps the large layer-1 gradient of shared weights', () => {
    // Fresh backward weights give v_{l-1} = 2 v_l exactly in expectation (mean field: 2^((L-1)/2)
    // for the RMS); shared weights are correlated with the skip term and grow faster.
    const c = cfg({ layers: 30, width: 64, samples: 16, residual: 'plain' });
    const r = simulate(c, { bandSeeds: 3 });
    const fresh = 2 ** ((c.layers - 1) / 2);
    expect(r.layers[0].band.gradientNorm!.min).toBeGreaterThan(10 * fresh);
  });

  it('plain networks still take the covariance path when it is cheaper', () => {
    expect(choosePath(cfg({ layers: 50, width: 512 }))).toBe('covariance');
    expect(choosePath(cfg({ layers: 3, width: 64, widths: [128, 32, 64], samples: 8, residual: 'plain' }))).toBe('covariance'); // no square layer: no skip
  });
});

describe('the mean-field gradient of residual networks', () => {
  // Before: gradient independence alone, 2^((L-1)/2) = 2.4e7 at layer 1 of a 50-layer
  // plain-residual He/ReLU net, against ~2.6e10 simulated with shared weights (width 128).
  it('follows the shared-weights simulation at layer 1 within the seed band (x1.5)', () => {
    for (const [layers, activation, residual] of [
      [50, 'relu', 'plain'],
      [30, 'gelu', 'plain'],
      [30, 'relu', 'scaled'],
      [30, 'linear', 'plain'],
    ] as const) {
      const c = cfg({ layers, width: 128, samples: 32, activation, residual });
      const r = simulate(c, { bandSeeds: 3 });
      const band = r.layers[0].band.gradientNorm!;
      const theory = r.layers[0].theory.gradientNorm!;
      expect(theory, `${layers} ${activation} ${residual}`).toBeGreaterThan(band.min / 1.5);
      expect(theory, `${layers} ${activation} ${residual}`).toBeLessThan(band.max * 1.5);
    }
  });

  it('leaves plain networks on gradient independence', () => {
    const c = cfg({ layers: 20, width: 128, activation: 'tanh', scheme: 'xavier-normal' });
    const mf = meanField(c);
    let v = 1;
    for (let l = c.layers - 1; l >= 0; l--) {
      expect(mf[l].gradientNorm).toBeCloseTo(Math.sqrt(v), 12);
      v *= mf[l].gradientFactor;
    }
  });
});
