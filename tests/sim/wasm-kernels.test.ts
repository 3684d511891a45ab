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
import { choleskyUpper, gram, gramFactorSample, matmul, matmulTransposed, matmulWritten, multiplyUpper } from '../../lib/sim/linalg';
import { createRng } from '../../lib/sim/rng';
import { setWasmKernelsEnabled, wasmFillUniformSigned, wasmKernelsActive } from '../../lib/sim/wasm-kernels';
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

  // The covariance draw chained in wasm memory against its four steps on the JS kernels: same
  // bits in Z, and the generator left at the same place (its next draw agrees).
  const CHAINED: [number, number, number][] = [[4, 4, 4], [7, 5, 9], [33, 17, 40], [256, 64, 256], [255, 66, 130], [10, 12, 3]];
  for (const special of [false, true]) {
    for (const [rows, B, outRows] of CHAINED) {
      it(`gramFactorSample equals gram, choleskyUpper, fillNormal and multiplyUpper: rows ${rows}, B ${B}, out ${outRows}${special ? ', NaN/Inf' : ''}`, () => {
        const M = randomMatrix(rows * B, rows * 13 + B, special);
        const chained = new Float64Array(outRows * B).fill(7);
        const rngA = createRng(99, 3, 4);
        expect(gramFactorSample(M, rows, B, 0.6, outRows, rngA, chained)).toBe(true);
        setWasmKernelsEnabled(false);
        const rngB = createRng(99, 3, 4);
        const G = new Float64Array(B * B);
        const X = new Float64Array(outRows * B);
        const Z = new Float64Array(outRows * B).fill(7);
        gram(M, rows, B, G);
        choleskyUpper(G, B);
        rngB.fillNormal(X, 1);
        multiplyUpper(X, outRows, G, B, 0.6, Z);
        setWasmKernelsEnabled(true);
        expect(firstDifference(chained, Z)).toBe(-1);
        expect(rngA.normal()).toBe(rngB.normal());
        if (!special) expect(Z.every((v) => Number.isFinite(v)) && Z.some((v) => v !== 0)).toBe(true);
      });
    }
  }
  it('gramFactorSample declines when the wasm kernels are off or B < 4', () => {
    const Z = new Float64Array(16);
    expect(gramFactorSample(new Float64Array(12), 4, 3, 1, 4, createRng(1), Z)).toBe(false);
    setWasmKernelsEnabled(false);
    expect(gramFactorSample(new Float64Array(16), 4, 4, 1, 4, createRng(1), Z)).toBe(false);
  });

  // Dense products: m x k weights, B samples. Odd m, k and B leave edge rows and columns to JS;
  // k and m above 256 split the wasm sum into chunks; 1030 has a row stride padded in the heap.
  const DENSE: [number, number, number][] = [
    [1, 1, 1], [4, 1, 4], [1, 7, 9], [4, 4, 4], [5, 3, 7], [7, 9, 5], [8, 8, 13], [12, 5, 4], [17, 33, 6],
    [64, 64, 64], [63, 65, 66], [300, 257, 12], [9, 513, 8], [520, 11, 5], [130, 1030, 9],
  ];
  for (const special of [false, true]) {
    for (const [m, k, B] of DENSE) {
      it(`matmul and matmulTransposed match the JS kernels bit for bit: ${m} x ${k}, B ${B}${special ? ', NaN/Inf' : ''}`, () => {
        const W = randomMatrix(m * k, m * 7919 + k, special);
        const A = randomMatrix(k * B, k * 31 + B, special);
        const D = randomMatrix(m * B, m * 17 + B, special);
        const Z = new Float64Array(m * B).fill(7);
        const G = new Float64Array(k * B).fill(7);
        const [zWasm, zJs] = bothPaths(() => (matmul(W, m, k, A, B, Z), Z));
        expect(firstDifference(zWasm, zJs)).toBe(-1);
        const [gWasm, gJs] = bothPaths(() => (matmulTransposed(W, m, k, D, B, G), G));
        expect(firstDifference(gWasm, gJs)).toBe(-1);
        if (special && m * k > 5 && k * B > 5 && m * B > 5) {
          // The NaN and infinities reach some outputs (the test would be vacuous otherwise).
          expect(zWasm.some((v) => Number.isNaN(v))).toBe(true);
          expect(gWasm.some((v) => Number.isNaN(v))).toBe(true);
        }
      });
    }
  }

  it('dense products agree on huge and tiny values: overflow, underflow, subnormals and signed zeros', () => {
    const m = 9;
    const k = 300;
    const B = 7;
    const W = randomMatrix(m * k, 3, false);
    const A = randomMatrix(k * B, 4, false);
    for (let i = 0; i < W.length; i += 3) W[i] *= 1e200;
    for (let i = 1; i < W.length; i += 5) W[i] *= 1e-300;
    for (let i = 0; i < A.length; i += 4) A[i] *= 1e150;
    for (let i = 2; i < A.length; i += 6) A[i] = 5e-324 * (i % 4 === 2 ? -1 : 1);
    const D = A.slice(0, m * B);
    const Z = new Float64Array(m * B);
    const G = new Float64Array(k * B);
    const [zWasm, zJs] = bothPaths(() => (matmul(W, m, k, A, B, Z), Z));
    expect(firstDifference(zWasm, zJs)).toBe(-1);
    const [gWasm, gJs] = bothPaths(() => (matmulTransposed(W, m, k, D, B, G), G));
    expect(firstDifference(gWasm, gJs)).toBe(-1);
    // Overflow reached some outputs: the path through Infinity (and Inf - Inf = NaN) is exercised.
    expect(zWasm.some((v) => !Number.isFinite(v))).toBe(true);
    // A column of all-zero products gives +0 on both paths (0 + -0 = +0).
    const zW = new Float64Array(4 * 4).fill(-0);
    const zA = new Float64Array(4 * 4).fill(1);
    const [z0, z1] = bothPaths(() => (matmul(zW, 4, 4, zA, 4, Z), Z.subarray(0, 16)));
    expect(Object.is(z0[0], 0)).toBe(true);
    expect(firstDifference(z0, z1)).toBe(-1);
  });

  it('dense products equal a plain triple loop (not just each other)', () => {
    const [m, k, B] = [13, 70, 10];
    const W = randomMatrix(m * k, 11, false);
    const A = randomMatrix(k * B, 12, false);
    const Z = new Float64Array(m * B);
    matmul(W, m, k, A, B, Z);
    for (let i = 0; i < m; i++) {
      for (let b = 0; b < B; b++) {
        let s = 0;
        for (let p = 0; p < k; p++) s += W[i * k + p] * A[p * B + b];
        expect(Object.is(Z[i * B + b], s)).toBe(true);
      }
    }
    const G = new Float64Array(k * B);
    const D = randomMatrix(m * B, 13, false);
    matmulTransposed(W, m, k, D, B, G);
    for (let p = 0; p < k; p++) {
      for (let b = 0; b < B; b++) {
        let s = 0;
        for (let i = 0; i < m; i++) s += W[i * k + p] * D[i * B + b];
        expect(Object.is(G[p * B + b], s)).toBe(true);
      }
    }
  });

  it('uncached weights (over the 64 MB cache) are sampled straight into the wasm memory: same digest as JS', () => {
    // 9 layers of 1023 x 1023 weights: 9.4 M doubles, past WEIGHT_CACHE_DOUBLES (8 M), so every
    // product draws its W afresh; 1023 rows and 6 samples leave edge rows and columns to JS.
    // The uniform and normal draws then come from the wasm fills (normals: the ziggurat's fast path
    // in wasm, its slow path in JS); a plain-residual network takes the materialized path.
    for (const input of [{ scheme: 'he-uniform' }, { scheme: 'truncated-normal-he' }, { scheme: 'he-normal', residual: 'plain' }] as const) {
      const config = cfg({ ...input, layers: 9, width: 1023, samples: 6 });
      setWasmKernelsEnabled(true);
      const wasm = simulate(config, { bandSeeds: 1 });
      setWasmKernelsEnabled(false);
      const js = simulate(config, { bandSeeds: 1 });
      expect(wasm.path).toBe('materialized');
      expect(resultDigest(wasm)).toBe(resultDigest(js));
      expect(wasm.layers[0].gradientNorm).toBeGreaterThan(0);
    }
  });

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

  it('dense products store a NaN from Inf * 0 as the canonical NaN', () => {
    // Inf * 0 gives the hardware's default NaN (sign bit set on x86), not JS's NaN.
    const n = 8;
    const W = new Float64Array(n * n).fill(1);
    const A = new Float64Array(n * n).fill(0.5);
    for (let i = 0; i < n; i++) W[i * n + i] = Infinity;
    for (let p = 0; p < n; p += 2) A.fill(0, p * n, p * n + n);
    const canonical = new BigUint64Array(new Float64Array([NaN]).buffer)[0];
    const Z = new Float64Array(n * n);
    for (const run of [() => matmul(W, n, n, A, n, Z), () => matmulTransposed(W, n, n, A, n, Z)]) {
      Z.fill(0);
      run();
      const bits = new BigUint64Array(Z.buffer);
      let nans = 0;
      for (let i = 0; i < Z.length; i++) if (Number.isNaN(Z[i])) (nans++, expect(bits[i]).toBe(canonical));
      expect(nans).toBe(n * n / 2);
    }
  });

  // Bounds: ordinary, negative, huge, infinite, the smallest exact scale (2^-990 * 2^-31 is
  // normal), one whose scale would round (JS fill instead), NaN (JS fill), and -0.
  const BOUNDS: [number, boolean][] = [[0.37, true], [-2.5, true], [1e300, true], [Infinity, true], [2 ** -990, true], [3e-300, false], [NaN, false], [-0, true]];
  // Small fills take one lane; from 2^14 draws and 8 rows four lanes run side by side, each from
  // its own jump into the stream (37 and 11 rows leave rows past 4 q for the one-lane fill).
  for (const [m, k] of [[4, 1], [4, 7], [5, 1030], [9, 2], [37, 513], [64, 300], [8, 2048], [11, 1500]] as const) {
    it(`the wasm uniform fill writes Rng.fillUniformSigned's values row by row and leaves the stream there: ${m} x ${k}`, () => {
      for (const [bound, wasm] of BOUNDS) {
        const rng = createRng(42, k, m);
        const got = new Float64Array(m * k);
        let took = false;
        const ok = matmulWritten(
          (out, at, ld) => {
            took = wasmFillUniformSigned(rng, out, bound, at, k, m, ld);
            if (!took) for (let i = 0; i < m; i++) rng.fillUniformSigned(out, bound, at + i * ld, k);
            for (let i = 0; i < m; i++) got.set(out.subarray(at + i * ld, at + i * ld + k), i * k);
          },
          m, k, new Float64Array(k * 4), 4, new Float64Array(m * 4),
        );
        expect(ok).toBe(true);
        expect(took).toBe(wasm);
        const ref = createRng(42, k, m);
        const want = new Float64Array(m * k);
        for (let i = 0; i < m; i++) ref.fillUniformSigned(want, bound, i * k, k);
        expect(firstDifference(got, want)).toBe(-1);
        expect(rng.nextInt32()).toBe(ref.nextInt32());
      }
    });
  }

  for (const input of [
    {},
    { samples: 13, width: 37, layers: 4 },
    { scheme: 'orthogonal' as const, samples: 10, width: 50, layers: 3 },
    { activation: 'tanh' as const, samples: 7, width: 9, layers: 3 },
    { scheme: 'he-uniform' as const, samples: 13, width: 70, layers: 3 },
    // Wide enough for the four-lane fill, redrawn per product in wasm, cached in JS.
    { scheme: 'he-uniform' as const, samples: 9, width: 258, layers: 3 },
    { scheme: 'truncated-normal-xavier' as const, activation: 'tanh' as const, samples: 8, width: 33, layers: 3, widths: [33, 6, 40] },
    { scheme: 'xavier-uniform' as const, samples: 16, width: 64, layers: 4, residual: 'plain' as const, normalization: 'layernorm' as const },
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
