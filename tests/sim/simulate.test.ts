import { describe, expect, it } from 'vitest';
import { describeSummary } from '../../lib/present/summary-words';
import { ENGINE_VERSION, resultDigest, simulate, SimulationCancelled, meanField } from '../../lib/sim';
import { runSeed } from '../../lib/sim/network';
import { cfg, mean, sd } from './helpers';

/** Average over seeds of a per-layer statistic from the raw Monte Carlo pass. */
function seedAverage(c: ReturnType<typeof cfg>, path: 'materialized' | 'covariance', seeds: number, pick: (l: ReturnType<typeof runSeed>['layers'][number]) => number) {
  const runs = Array.from({ length: seeds }, (_, k) => runSeed(c, 500 + k, { path, histograms: false }));
  return c.layers === 0 ? [] : runs[0].layers.map((_, l) => {
    const xs = runs.map((r) => pick(r.layers[l]));
    return { mean: mean(xs), se: sd(xs) / Math.sqrt(seeds) };
  });
}

describe('product requirements', () => {
  it('ReLU + He (default gain) over 30 layers is stable', () => {
    const r = simulate(cfg({ layers: 30 }));
    expect(r.summary.signalState).toBe('stable');
    expect(r.summary.verdict).toBe('match');
    expect(r.summary.formula).toBe('Var(W) = 2 / fan_in');
  });
  it('ReLU + Xavier (default gain), 12 x 256 vanishes to about 1/60-1/80 of the input', () => {
    const r = simulate(cfg({ scheme: 'xavier-normal' }));
    expect(r.summary.signalState).toBe('vanishing');
    expect(r.summary.verdict).toBe('mismatch');
    // Mean field: post std = 0.584 * 2^(-11/2) = 1/77 (post RMS 1/64).
    const predicted = Math.sqrt(0.5 - 1 / (2 * Math.PI)) * 2 ** (-11 / 2);
    expect(r.summary.theoryFinalStd).toBeCloseTo(predicted, 10);
    expect(r.summary.ratio).toBeGreaterThan(1 / 120);
    expect(r.summary.ratio).toBeLessThan(1 / 40);
  });
  it('large random explodes', () => {
    expect(simulate(cfg({ scheme: 'large-random' }), { bandSeeds: 1 }).summary.signalState).toBe('exploding');
  });
  it('linear + orthogonal is stable and preserves the norm exactly through square layers', () => {
    const r = simulate(cfg({ scheme: 'orthogonal', activation: 'linear', layers: 6, width: 64 }), { bandSeeds: 1 });
    expect(r.summary.signalState).toBe('stable');
    expect(r.summary.verdict).toBe('match');
    for (const l of r.layers) expect(l.post!.rms / r.input.rms).toBeCloseTo(1, 10);
  });
  it('zero init: vanishing, symmetry not broken, verdict names the symmetry problem', () => {
    const r = simulate(cfg({ scheme: 'zero' }), { bandSeeds: 1 });
    expect(r.summary.signalState).toBe('vanishing');
    expect(r.summary.symmetryBroken).toBe(false);
    expect(r.summary.verdict).toBe('mismatch');
    expect(r.summary.changes).toEqual([{ field: 'scheme', to: 'he-normal', gain: null }]);
    expect(describeSummary(r.summary, r.config).verdictText).toMatch(/same value/i);
  });
  it('SELU + LeCun normal is stable', () => {
    const r = simulate(cfg({ scheme: 'lecun-normal', activation: 'selu', layers: 30 }));
    expect(r.summary.signalState).toBe('stable');
    expect(r.summary.verdict).toBe('match');
  });
  it('random init breaks symmetry', () => {
    expect(simulate(cfg({ layers: 3 }), { bandSeeds: 1 }).summary.symmetryBroken).toBe(true);
  });
});

describe('determinism, progress and cancellation', () => {
  it('same config and seed give bit-identical results and digests', () => {
    for (const c of [cfg({ layers: 5, width: 64 }), cfg({ scheme: 'xavier-uniform', activation: 'gelu', layers: 4, width: 32, normalization: 'batchnorm' })]) {
      const a = simulate(c);
      const b = simulate(c);
      expect(b).toEqual(a);
      expect(resultDigest(b)).toBe(resultDigest(a));
      expect(resultDigest(simulate({ ...c, seed: c.seed + 1 }))).not.toBe(resultDigest(a));
      expect(a.engineVersion).toBe(ENGINE_VERSION);
    }
  });
  it('reports monotone progress up to 1 and cancels when the callback returns false', () => {
    const seen: number[] = [];
    simulate(cfg({ layers: 4, width: 32 }), { bandSeeds: 2, onProgress: (f) => void seen.push(f) });
    expect(seen.at(-1)).toBe(1);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(() => simulate(cfg({ layers: 4, width: 32 }), { onProgress: (f) => f < 0.3 })).toThrow(SimulationCancelled);
  });
  it('band holds min/max over the seeds and brackets the main seed', () => {
    const r = simulate(cfg({ layers: 6, width: 64 }), { bandSeeds: 4 });
    for (const l of r.layers) {
      expect(l.band.preStd!.min).toBeLessThanOrEqual(l.pre!.std);
      expect(l.band.preStd!.max).toBeGreaterThanOrEqual(l.pre!.std);
      expect(l.band.preStd!.max).toBeGreaterThan(l.band.preStd!.min);
    }
  });
});

describe('Monte Carlo against closed forms (averaged over seeds)', () => {
  const seeds = 24;
  for (const path of ['materialized', 'covariance'] as const) {
    it(`${path}: ReLU with Var(W) = 1/n halves the second moment per layer`, () => {
      const c = cfg({ scheme: 'lecun-normal', layers: 6, width: 128, samples: 32 });
      const q = seedAverage(c, path, seeds, (l) => l.pre!.rms ** 2);
      q.forEach((s, l) => expect(Math.abs(s.mean - 2 ** -l)).toBeLessThan(4 * s.se + 1e-3 * 2 ** -l));
    });
    it(`${path}: linear multiplies the variance by n Var(W) per layer`, () => {
      const c = cfg({ scheme: 'custom', customStd: 0.1, activation: 'linear', layers: 4, width: 128, samples: 32 });
      const q = seedAverage(c, path, seeds, (l) => l.pre!.rms ** 2);
      q.forEach((s, l) => expect(Math.abs(s.mean - 1.28 ** (l + 1))).toBeLessThan(4 * s.se + 1e-3));
    });
    it(`${path}: gradient second moment matches mean field (He + ReLU keeps it at 1)`, () => {
      const c = cfg({ layers: 6, width: 128, samples: 32 });
      const g = seedAverage(c, path, seeds, (l) => l.gradientNorm! ** 2);
      g.forEach((s) => expect(Math.abs(s.mean - 1)).toBeLessThan(4 * s.se + 0.01));
    });
  }
  it('post-ReLU std is sqrt(1/2 - 1/(2 pi)) of the pre std (Gaussian pre-activations)', () => {
    const r = simulate(cfg({ layers: 4, width: 512, samples: 128 }), { bandSeeds: 1 });
    for (const l of r.layers) expect(Math.abs(l.post!.std / l.pre!.std - Math.sqrt(0.5 - 1 / (2 * Math.PI)))).toBeLessThan(0.02);
  });
  it('dead and saturated fractions follow their definitions', () => {
    const relu = simulate(cfg({ layers: 2, width: 256, samples: 4 }), { bandSeeds: 1 });
    // Per unit, 4 samples all <= 0 with probability ~1/16 (less with sample correlation).
    expect(relu.layers[0].post!.deadFraction).toBeGreaterThan(0.02);
    expect(relu.layers[0].post!.deadFraction).toBeLessThan(0.2);
    const t = simulate(cfg({ scheme: 'large-random', activation: 'tanh', layers: 2, width: 256 }), { bandSeeds: 1 });
    // pre std 16: |tanh z| > 0.97 iff |z| > atanh(0.97) = 2.09, probability ~0.9.
    const z = Math.atanh(0.97) / t.layers[0].pre!.std;
    const expected = 1 - (2 / Math.sqrt(Math.PI)) * (z / Math.SQRT2); // small-z expansion of erfc
    expect(Math.abs(t.layers[0].post!.saturatedFraction - expected)).toBeLessThan(0.03);
    expect(simulate(cfg({ layers: 2, width: 32 }), { bandSeeds: 1 }).layers[0].post!.saturatedFraction).toBe(0);
  });
  it('LayerNorm and BatchNorm give unit pre-activation std; widths and residual run', () => {
    for (const normalization of ['layernorm', 'batchnorm'] as const) {
      const r = simulate(cfg({ scheme: 'large-random', normalization, layers: 5, width: 64 }), { bandSeeds: 1 });
      for (const l of r.layers) expect(l.pre!.std).toBeCloseTo(1, 3);
    }
    const r = simulate(cfg({ layers: 3, width: 64, widths: [128, 32, 32], residual: 'plain' }), { bandSeeds: 1 });
    expect(r.layers.map((l) => l.width)).toEqual([128, 32, 32]);
    const mf = meanField(r.config);
    expect(mf[2].postRms).toBeGreaterThan(mf[1].postRms); // the skip adds the branch on equal widths
  });
  it('histograms have 40 bins and count every value', () => {
    const r = simulate(cfg({ layers: 2, width: 64, samples: 16 }), { bandSeeds: 1 });
    for (const l of r.layers) {
      expect(l.histogram!.pre!.counts).toHaveLength(40);
      expect(l.histogram!.pre!.edges).toHaveLength(41);
      expect(l.histogram!.pre!.counts.reduce((a, b) => a + b, 0)).toBe(64 * 16);
    }
  });
  it('auto picks covariance for Gaussian schemes when cheaper, materialized otherwise', () => {
    expect(simulate(cfg({ layers: 2 }), { bandSeeds: 1 }).path).toBe('covariance');
    expect(simulate(cfg({ scheme: 'he-uniform', layers: 2 }), { bandSeeds: 1 }).path).toBe('materialized');
    expect(simulate(cfg({ layers: 2, width: 16, samples: 512 }), { bandSeeds: 1 }).path).toBe('materialized');
  });
});

describe('onFirstSeed', () => {
  // A covariance run, a materialized one (uniform weights, histograms), and one that overflows.
  const configs = [
    cfg({ layers: 6, width: 48, samples: 16, seed: 7 }),
    cfg({ scheme: 'he-uniform', activation: 'tanh', layers: 5, width: 40, samples: 12, seed: 3 }),
    cfg({ scheme: 'large-random', activation: 'linear', layers: 40, width: 32, samples: 8, seed: 11 }),
  ];
  it.each(configs.map((c) => [`${c.scheme}/${c.activation}`, c] as const))('%s: the preview is the one-seed run, bit for bit, and the band is unchanged', (_, c) => {
    const previews: ReturnType<typeof simulate>[] = [];
    let fractionAtPreview = -1;
    let fraction = 0;
    const full = simulate(c, {
      bandSeeds: 5,
      onProgress: (f) => void (fraction = f),
      onFirstSeed: (r) => {
        previews.push(r);
        fractionAtPreview = fraction;
      },
    });
    expect(previews).toHaveLength(1);
    const alone = simulate(c, { bandSeeds: 1 });
    expect(previews[0]).toEqual(alone);
    expect(resultDigest(previews[0])).toBe(resultDigest(alone));
    expect(previews[0].bandSeeds).toBe(1);
    // Posted after the first of five seeds, not at the end.
    expect(fractionAtPreview).toBeCloseTo(1 / 5, 10);
    expect(resultDigest(full)).toBe(resultDigest(simulate(c, { bandSeeds: 5 })));
    expect(full.bandSeeds).toBe(5);
  });
});
