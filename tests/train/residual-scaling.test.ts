/**
 * Depth-aware residual scaling in both engines: branches scaled by 1/sqrt(2L) (GPT-2) and a branch
 * gain initialized to zero (ResNet's zero-gamma trick, Fixup). Simulation: the zero-gain stack is
 * exactly the identity at initialization, and the 1/sqrt(2L) stream grows less than the 1/sqrt(L)
 * one, which grows less than the plain one (measured and predicted). Training: gradients of the
 * branch gain match finite differences, and a zero-gain network leaves the identity and learns.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../lib/sim';
import { simConfigSchema } from '../../lib/validation/sim-config';
import { trainSpecSchema } from '../../lib/validation/train-config';
import { trainScheme } from '../../lib/train';
import { loadDataset } from '../../lib/train/datasets';
import { Arena, arenaSize } from '../../lib/train/linalg';
import { backward, Buffers, buildModel, crossEntropy, forward, gatherBatch, initParams } from '../../lib/train/model';
import { createRng } from '../../lib/sim/rng';

const sim = (residual: 'plain' | 'scaled' | 'scaled-2l' | 'zero-init') =>
  simulate(simConfigSchema.parse({ scheme: 'he-normal', activation: 'relu', layers: 20, width: 128, residual }), { bandSeeds: 1 });

describe('residual scaling in the simulation engine', () => {
  it('a zero-initialized branch gain makes every block the identity at initialization', () => {
    const r = sim('zero-init');
    for (const l of r.layers) {
      expect(l.post!.std).toBe(r.input.std);
      expect(l.post!.rms).toBe(r.input.rms);
    }
    expect(r.summary.finalStd).toBe(r.input.std); // the ratio divides by the nominal input std
    // The gradient passes through the skips unchanged, and theory says the same.
    for (const l of r.layers) expect(l.gradientNorm).toBe(r.layers[r.layers.length - 1].gradientNorm);
    for (const l of r.layers) expect(l.theory.postRms).toBeCloseTo(1, 12);
  });

  it('1/sqrt(2L) grows the stream less than 1/sqrt(L), which grows it less than plain, as theory predicts', () => {
    const [plain, scaled, scaled2] = (['plain', 'scaled', 'scaled-2l'] as const).map(sim);
    expect(plain.summary.ratio!).toBeGreaterThan(scaled.summary.ratio!);
    expect(scaled.summary.ratio!).toBeGreaterThan(scaled2.summary.ratio!);
    expect(scaled2.summary.ratio!).toBeGreaterThan(1);
    for (const r of [scaled, scaled2]) {
      const last = r.layers[r.layers.length - 1];
      expect(Math.abs(last.post!.rms / last.theory.postRms! - 1)).toBeLessThan(0.1);
    }
  });
});

describe('residual scaling in the training engine', () => {
  it('gradients of W, b and the branch gain match finite differences (gain moved off zero)', () => {
    const network = simConfigSchema.parse({ scheme: 'he-normal', activation: 'tanh', layers: 4, width: 8, residual: 'zero-init', biasStd: 0.1 });
    const data = loadDataset('digits');
    const model = buildModel(network, 'he-normal', data.inputs, data.classes);
    expect(model.gOff.filter((o) => o >= 0)).toHaveLength(3); // layer 1 changes width: no skip
    const B = 8;
    const arena = new Arena(arenaSize([model.size, model.size, ...Buffers.lengths(model, B, false)]));
    const params = initParams(model, arena.take(model.size));
    for (const o of model.gOff) if (o >= 0) createRng(3, 9, o).fillNormal(params, 0.5, o, model.dims[1]);
    const grads = arena.take(model.size);
    const bufs = new Buffers(model, B, false, arena);
    const idx = Array.from({ length: B }, (_, i) => 5 * i);
    const loss = (withGrad: boolean) => {
      gatherBatch(data.train.x, data.inputs, idx, B, bufs.acts[0]);
      forward(model, params, bufs, B);
      const r = crossEntropy(model, bufs, data.train.y, idx, B, withGrad ? bufs.dLogits : null);
      if (withGrad) backward(model, params, bufs, B, bufs.dLogits, grads);
      return r.loss;
    };
    loss(true);
    const analytic = Float64Array.from(grads);
    let diff = 0;
    let norm = 0;
    for (let i = 0; i < model.size; i++) {
      const keep = params[i];
      params[i] = keep + 1e-6;
      const up = loss(false);
      params[i] = keep - 1e-6;
      const down = loss(false);
      params[i] = keep;
      const fd = (up - down) / 2e-6;
      diff += (analytic[i] - fd) ** 2;
      norm += analytic[i] ** 2;
    }
    expect(Math.sqrt(diff / norm)).toBeLessThan(1e-6);
  });

  it('a zero-gain residual network starts as the identity yet learns', () => {
    const spec = trainSpecSchema.parse({
      network: { scheme: 'he-normal', activation: 'relu', layers: 12, width: 32, residual: 'zero-init' },
      steps: 150,
      schemes: ['he-normal'],
    });
    const run = trainScheme(spec, 0);
    expect(run.final).not.toBeNull();
    expect(run.final!.trainLoss).toBeLessThan(0.9 * run.loss[0]);
    expect(run.symmetryBroken).toBe(true);
  });
});
