/**
 * The WebAssembly kernels (lib/sim/wasm-kernels.ts) against the JS fallback in linalg.ts: same
 * bits on every shape (odd sizes exercise the JS edge code around the wasm blocks), with zeros of
 * both signs, NaN and infinities in the inputs; and the checked-in module is what its generator
 * emits.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { simulate } from '../../lib/sim';
import { resultDigest } from '../../lib/sim/digest';
import { gram, multiplyUpper } from '../../lib/sim/linalg';
import { createRng } from '../../lib/sim/rng';
import { setWasmKernelsEnabled, wasmKernelsActive } from '../../lib/sim/wasm-kernels';
import { buildKernels, kernelsSource } from '../../lib/sim/wasm/build-kernels.mjs';
import { cfg } from './helpers';

afterEach(() => setWasmKernelsEnabled(true));

/** Runs f with the wasm kernels on, then off; returns both outputs. */
function bothPaths(f: () => Float64Array): [Float64Array, Float64Array] {
  setWasmKernelsEnabled(true);
  const wasm = f().slice();
  setWasmKernelsEnabled(false);
  const js = f().slice();
  setWasmKernelsEnabled(true);
  return [wasm, js];
}

/** Index of the first entry whose bits differ (NaNs count as equal: payloads are not compared), or -1. */
function firstDifference(a: Float64Array, b: Float64Array): number {
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}

/**
 * Normals with some exact zeros of both signs, and optionally NaN and infinities (an infinite X
 * times a zero of U is NaN, so these also check that both paths sum over the same range).
 */
function randomMatrix(n: number, seed: number, special: boolean): Float64Array {
  const x = new Float64Array(n);
  createRng(seed).fillNormal(x, 1);
  for (let i = 0; i < n; i += 7) x[i] = 0;
  for (let i = 3; i < n; i += 11) x[i] = -0;
  if (special && n > 5) {
    x[n >> 1] = NaN;
    x[n - 1] = Infinity;
    x[1] = -Infinity;
  }
  return x;
}

const SHAPES: [number, number][] = [
  [1, 1], [1, 4], [2, 3], [3, 5], [4, 4], [5, 8], [7, 7], [8, 9], [9, 13], [16, 6], [33, 17], [256, 64], [255, 66],
];

describe('wasm kernels', () => {
  it('are active in Node', () => {
    expect(wasmKernelsActive()).toBe(true);
    setWasmKernelsEnabled(false);
    expect(wasmKernelsActive()).toBe(false);
  });

  it('checked-in module is what build-kernels.mjs emits, and stays under 4 KB', () => {
    const checkedIn = readFileSync(new URL('../../lib/sim/wasm/kernels-wasm.ts', import.meta.url), 'utf8');
    expect(checkedIn).toBe(kernelsSource());
    expect(buildKernels().length).toBeLessThan(4096);
  });

  for (const special of [false, true]) {
    for (const [rows, B] of SHAPES) {
      it(`gram matches the JS kernel bit for bit: rows ${rows}, B ${B}${special ? ', NaN/Inf' : ''}`, () => {
        const M = randomMatrix(rows * B, rows * 1000 + B, special);
        const G = new Float64Array(B * B).fill(7);
        const [wasm, js] = bothPaths(() => (gram(M, rows, B, G), G));
        expect(firstDifference(wasm, js)).toBe(-1);
      });

      it(`multiplyUpper matches the JS kernel bit for bit: rows ${rows}, B ${B}${special ? ', NaN/Inf' : ''}`, () => {
        const X = randomMatrix(rows * B, rows * 1000 + B + 1, special);
        const U = randomMatrix(B * B, B + 2, special);
        for (let r = 0; r < B; r++) for (let c = 0; c < r; c++) U[r * B + c] = 0;
        const Z = new Float64Array(rows * B).fill(7);
        const [wasm, js] = bothPaths(() => (multiplyUpper(X, rows, U, B, 0.75, Z), Z));
        expect(firstDifference(wasm, js)).toBe(-1);
      });
    }
  }

  it('wasm NaN outputs are the canonical NaN', () => {
    const rows = 8;
    const B = 8;
    const M = randomMatrix(rows * B, 5, true);
    const G = new Float64Array(B * B);
    gram(M, rows, B, G);
    const bits = new BigUint64Array(G.buffer);
    const canonical = new BigUint64Array(new Float64Array([NaN]).buffer)[0];
    let nans = 0;
    for (let i = 0; i < G.length; i++) if (Number.isNaN(G[i])) (nans++, expect(bits[i]).toBe(canonical));
    expect(nans).toBeGreaterThan(0);
  });

  for (const input of [
    {},
    { samples: 13, width: 37, layers: 4 },
    { scheme: 'orthogonal' as const, samples: 10, width: 50, layers: 3 },
    { activation: 'tanh' as const, samples: 7, width: 9, layers: 3 },
  ]) {
    it(`simulate() gives the same digest on both paths: ${JSON.stringify(input)}`, () => {
      const config = cfg(input);
      setWasmKernelsEnabled(true);
      const wasm = resultDigest(simulate(config, { bandSeeds: 2 }));
      setWasmKernelsEnabled(false);
      const js = resultDigest(simulate(config, { bandSeeds: 2 }));
      expect(wasm).toBe(js);
    });
  }
});
