/**
 * lib/train/linalg.ts: the wasm kernel and the JS loops give the same bits (on every shape class:
 * whole 4 x 4 blocks, edge rows and columns, operands outside the wasm memory), a whole training
 * run gives the same digest with the kernel on and off, and the checked-in module is what the
 * generator emits.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createRng } from '../../lib/sim/rng';
import { resultDigest } from '../../lib/sim/digest';
import { Arena, forwardProduct, inputGradientProduct, setTrainWasmEnabled, trainWasmActive, weightGradientProduct } from '../../lib/train/linalg';
import { gemmSource } from '../../lib/train/wasm/build-gemm.mjs';
import { train } from '../../lib/train';
import { trainSpecSchema } from '../../lib/validation/train-config';

afterEach(() => setTrainWasmEnabled(true));

function filled(arena: Arena | null, n: number, seed: number): Float64Array {
  const a = arena ? arena.take(n) : new Float64Array(n);
  createRng(seed, 7).fillNormal(a, 1, 0, n);
  return a;
}

/** Reference: the plain definition, one running sum from +0 in index order. */
function reference(m: number, k: number, B: number, W: Float64Array, A: Float64Array, D: Float64Array) {
  const Z = new Float64Array(m * B);
  const G = new Float64Array(k * B);
  const dW = new Float64Array(m * k);
  for (let i = 0; i < m; i++) for (let b = 0; b < B; b++) { let s = 0; for (let p = 0; p < k; p++) s += W[i * k + p] * A[p * B + b]; Z[i * B + b] = s; }
  for (let p = 0; p < k; p++) for (let b = 0; b < B; b++) { let s = 0; for (let i = 0; i < m; i++) s += W[i * k + p] * D[i * B + b]; G[p * B + b] = s; }
  for (let i = 0; i < m; i++) for (let p = 0; p < k; p++) { let s = 0; for (let b = 0; b < B; b++) s += D[i * B + b] * A[p * B + b]; dW[i * k + p] = s; }
  return { Z, G, dW };
}

describe('training matrix products', () => {
  it('the wasm kernel compiles here', () => {
    expect(trainWasmActive()).toBe(true);
  });

  for (const [m, k, B] of [[8, 12, 16], [9, 7, 13], [64, 64, 64], [3, 5, 2], [17, 2, 6], [2, 64, 64]]) {
    it(`wasm and JS agree bit for bit (${m} x ${k}, batch ${B})`, () => {
      const arena = new Arena(4 * (m * k + k * B + m * B) + 4 * (m * B + k * B + m * k) + 64);
      const off = 3; // W starts at an offset inside the parameter vector, as in training
      const P = filled(arena, m * k + off, 1);
      const A = filled(arena, k * B, 2);
      const D = filled(arena, m * B, 3);
      const scratch = arena.take(k * B);
      const Z = arena.take(m * B);
      const G = arena.take(k * B);
      const Q = arena.take(m * k + off);
      forwardProduct(P, off, m, k, A, B, Z);
      inputGradientProduct(P, off, m, k, D, B, G);
      weightGradientProduct(D, m, A, k, B, Q, off, scratch);
      const ref = reference(m, k, B, P.subarray(off), A, D);
      expect(Array.from(Z)).toEqual(Array.from(ref.Z));
      expect(Array.from(G)).toEqual(Array.from(ref.G));
      expect(Array.from(Q.subarray(off))).toEqual(Array.from(ref.dW));
    });
  }

  it('a whole training run has the same digest with the wasm kernel on and off', () => {
    const spec = trainSpecSchema.parse({
      network: { scheme: 'he-normal', activation: 'tanh', layers: 4, width: 20, normalization: 'layernorm' },
      dataset: 'digits',
      optimizer: 'adam',
      learningRate: 0.001,
      steps: 12,
      batchSize: 16,
      schemes: ['he-normal', 'orthogonal'],
    });
    const on = resultDigest(train(spec));
    setTrainWasmEnabled(false);
    const off = resultDigest(train(spec));
    expect(off).toBe(on);
  });

  it('checked-in module is what build-gemm.mjs emits', () => {
    const checkedIn = readFileSync(new URL('../../lib/train/wasm/gemm-wasm.ts', import.meta.url), 'utf8');
    expect(checkedIn).toBe(gemmSource());
  });
});
