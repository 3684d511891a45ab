/**
 * The training engine's gradients against central finite differences of its own loss, for
 * networks covering every activation family, LayerNorm, BatchNorm, residual connections (plain and
 * scaled), biases, per-layer widths and both datasets; small layers (JS kernels) and layers of 8
 * (the wasm kernel's blocks plus edges).
 */
import { describe, expect, it } from 'vitest';
import { simConfigSchema, type Scheme, type SimConfigInput } from '../../lib/validation/sim-config';
import { loadDataset } from '../../lib/train/datasets';
import { Arena, arenaSize } from '../../lib/train/linalg';
import { backward, Buffers, buildModel, crossEntropy, forward, gatherBatch, initParams } from '../../lib/train/model';
import type { DatasetName } from '../../lib/validation/train-config';

interface Case {
  name: string;
  network: SimConfigInput;
  scheme?: Scheme;
  dataset: DatasetName;
  B: number;
}

const CASES: Case[] = [
  { name: 'tanh, plain stack', network: { scheme: 'xavier-normal', activation: 'tanh', layers: 3, width: 5 }, dataset: 'spirals', B: 6 },
  { name: 'GELU + LayerNorm + bias', network: { scheme: 'he-normal', activation: 'gelu', layers: 3, width: 6, normalization: 'layernorm', biasStd: 0.3 }, dataset: 'spirals', B: 5 },
  { name: 'SELU + BatchNorm', network: { scheme: 'lecun-normal', activation: 'selu', layers: 2, width: 5, normalization: 'batchnorm' }, dataset: 'spirals', B: 7 },
  { name: 'Swish + residual', network: { scheme: 'orthogonal', activation: 'swish', layers: 4, width: 5, residual: 'plain' }, dataset: 'spirals', B: 4 },
  { name: 'sigmoid + scaled residual, digits', network: { scheme: 'xavier-uniform', activation: 'sigmoid', layers: 3, width: 8, residual: 'scaled', biasStd: 0.1 }, dataset: 'digits', B: 8 },
  { name: 'leaky ReLU, per-layer widths, wasm-sized', network: { scheme: 'he-uniform', activation: 'leaky-relu', activationParam: 0.2, layers: 3, width: 8, widths: [8, 12, 9] }, dataset: 'digits', B: 9 },
  { name: 'ReLU + LayerNorm + residual, wasm-sized', network: { scheme: 'he-normal', activation: 'relu', layers: 3, width: 8, normalization: 'layernorm', residual: 'plain', biasStd: 0.2 }, dataset: 'digits', B: 12 },
];

function setup(c: Case) {
  const network = simConfigSchema.parse(c.network);
  const data = loadDataset(c.dataset);
  const model = buildModel(network, c.scheme ?? network.scheme, data.inputs, data.classes);
  const arena = new Arena(arenaSize([model.size, model.size, ...Buffers.lengths(model, c.B, false)]));
  const params = initParams(model, arena.take(model.size));
  const grads = arena.take(model.size);
  const bufs = new Buffers(model, c.B, false, arena);
  const idx = Array.from({ length: c.B }, (_, i) => 3 * i + 1);
  const loss = (withGrad: boolean) => {
    gatherBatch(data.train.x, data.inputs, idx, c.B, bufs.acts[0]);
    forward(model, params, bufs, c.B);
    const r = crossEntropy(model, bufs, data.train.y, idx, c.B, withGrad ? bufs.dLogits : null);
    if (withGrad) backward(model, params, bufs, c.B, bufs.dLogits, grads);
    return r.loss;
  };
  return { model, params, grads, loss };
}

describe('training gradients match finite differences', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const { model, params, grads, loss } = setup(c);
      loss(true);
      const analytic = Float64Array.from(grads);
      const numeric = new Float64Array(model.size);
      const h = 1e-6;
      for (let i = 0; i < model.size; i++) {
        const keep = params[i];
        params[i] = keep + h;
        const up = loss(false);
        params[i] = keep - h;
        const down = loss(false);
        params[i] = keep;
        numeric[i] = (up - down) / (2 * h);
      }
      let diff = 0;
      let norm = 0;
      let worst = 0;
      for (let i = 0; i < model.size; i++) {
        const d = analytic[i] - numeric[i];
        diff += d * d;
        norm += analytic[i] * analytic[i];
        worst = Math.max(worst, Math.abs(d));
      }
      expect(norm).toBeGreaterThan(1e-6); // a vanishing gradient would pass any check
      expect(Math.sqrt(diff / norm)).toBeLessThan(1e-6);
      expect(worst).toBeLessThan(1e-6);
    });
  }
});
