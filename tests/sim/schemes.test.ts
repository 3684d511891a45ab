import { describe, expect, it } from 'vitest';
import { SCHEMES } from '../../lib/validation/sim-config';
import { calculateGain, varianceGain, activate, activateDerivative, ACTIVATION_INFO } from '../../lib/sim/activations';
import { OrthogonalWeights } from '../../lib/sim/orthogonal';
import { createRng } from '../../lib/sim/rng';
import { SCHEME_INFO, sampleDenseWeights, TRUNCATED_STD, weightStd, weightVariance } from '../../lib/sim/schemes';
import { cfg, trapezoidNormal } from './helpers';

describe('gains (torch.nn.init.calculate_gain)', () => {
  it('matches PyTorch for the activations it knows', () => {
    expect(calculateGain('linear')).toBe(1);
    expect(calculateGain('sigmoid')).toBe(1);
    expect(calculateGain('tanh')).toBe(5 / 3);
    expect(calculateGain('relu')).toBe(Math.sqrt(2));
    expect(calculateGain('leaky-relu')).toBeCloseTo(Math.sqrt(2 / (1 + 0.01 ** 2)), 15);
    expect(calculateGain('leaky-relu', 0.2)).toBeCloseTo(Math.sqrt(2 / 1.04), 15);
    expect(calculateGain('selu')).toBe(0.75);
  });

  it('GELU and Swish gains satisfy g^2 E[phi(xi)^2] = 1 (independent trapezoid check)', () => {
    for (const act of ['gelu', 'swish'] as const) {
      const g = calculateGain(act);
      const m2 = trapezoidNormal((x) => activate(act, x) ** 2);
      expect(Math.abs(g * g * m2 - 1)).toBeLessThan(1e-9);
    }
  });

  it('the variance-preserving gain reproduces sqrt 2 for ReLU and 1 for linear', () => {
    expect(varianceGain('relu')).toBeCloseTo(Math.SQRT2, 12);
    expect(varianceGain('linear')).toBeCloseTo(1, 12);
  });
});

describe('activations', () => {
  it('derivatives agree with central differences', () => {
    for (const act of Object.keys(ACTIVATION_INFO) as (keyof typeof ACTIVATION_INFO)[]) {
      for (const x of [-3.1, -0.7, 0.4, 1.3, 2.9]) {
        const h = 1e-6;
        const fd = (activate(act, x + h, 0.1) - activate(act, x - h, 0.1)) / (2 * h);
        expect(Math.abs(activateDerivative(act, x, 0.1) - fd)).toBeLessThan(1e-7);
      }
    }
  });
  it('SELU uses PyTorch constants and GELU the exact erf form', () => {
    expect(activate('selu', 1)).toBeCloseTo(1.0507009873554805, 15);
    expect(activate('selu', -1)).toBeCloseTo(1.0507009873554805 * 1.6732632423543772 * (Math.exp(-1) - 1), 14);
    // GELU(1) = Phi(1) = 0.8413447460685429 (exact, erf form), not the tanh approximation 0.8411920.
    expect(activate('gelu', 1)).toBeCloseTo(0.8413447460685429, 15);
  });
});

describe('weight std per scheme (PyTorch formulas)', () => {
  const fanIn = 300;
  const fanOut = 200;
  it('Xavier: gain * sqrt(2 / (fan_in + fan_out)); He: sqrt(2 / fan_in); LeCun: sqrt(1 / fan_in)', () => {
    expect(weightStd(cfg({ scheme: 'xavier-normal' }), fanIn, fanOut)).toBeCloseTo(Math.sqrt(2 / 500), 15);
    expect(weightStd(cfg({ scheme: 'xavier-uniform', gain: 'activation', activation: 'tanh' }), fanIn, fanOut)).toBeCloseTo((5 / 3) * Math.sqrt(2 / 500), 15);
    expect(weightStd(cfg({ scheme: 'he-normal' }), fanIn, fanOut)).toBeCloseTo(Math.sqrt(2 / 300), 15);
    expect(weightStd(cfg({ scheme: 'he-uniform', fanMode: 'fan_out' }), fanIn, fanOut)).toBeCloseTo(Math.sqrt(2 / 200), 15);
    expect(weightStd(cfg({ scheme: 'he-normal', gain: 'activation', activation: 'tanh' }), fanIn, fanOut)).toBeCloseTo(5 / 3 / Math.sqrt(300), 15);
    expect(weightStd(cfg({ scheme: 'lecun-normal' }), fanIn, fanOut)).toBeCloseTo(Math.sqrt(1 / 300), 15);
    expect(weightStd(cfg({ scheme: 'truncated-normal-he' }), fanIn, fanOut)).toBeCloseTo(Math.sqrt(2 / 300), 15);
    expect(weightStd(cfg({ scheme: 'orthogonal', gain: 2 }), fanIn, fanOut)).toBeCloseTo(2 / Math.sqrt(300), 15);
  });
  it('fixed-scale schemes ignore gain and fan mode', () => {
    expect(weightStd(cfg({ scheme: 'small-random', gain: 5, fanMode: 'fan_out' }), fanIn, fanOut)).toBe(0.01);
    expect(weightStd(cfg({ scheme: 'large-random', gain: 5 }), fanIn, fanOut)).toBe(1);
    expect(weightStd(cfg({ scheme: 'custom', customStd: 0.3, gain: 5 }), fanIn, fanOut)).toBe(0.3);
    expect(weightVariance(cfg({ scheme: 'zero' }), fanIn, fanOut)).toBe(0);
  });
  it('every scheme has info with a formula', () => {
    for (const s of SCHEMES) expect(SCHEME_INFO[s].formula.length).toBeGreaterThan(3);
  });
});

describe('sampled weights match their formula', () => {
  const fanIn = 400;
  const fanOut = 500;
  const n = fanIn * fanOut;
  for (const scheme of SCHEMES.filter((s) => s !== 'orthogonal')) {
    it(`${scheme}: sample mean and variance`, () => {
      const c = cfg({ scheme, customStd: 0.2 });
      const W = new Float64Array(n);
      sampleDenseWeights(c, fanIn, fanOut, createRng(42, 9), W);
      const v = weightVariance(c, fanIn, fanOut);
      let s = 0;
      let s2 = 0;
      let maxAbs = 0;
      for (const w of W) {
        s += w;
        s2 += w * w;
        maxAbs = Math.max(maxAbs, Math.abs(w));
      }
      const m = s / n;
      if (v === 0) {
        expect(maxAbs).toBe(0);
        return;
      }
      expect(Math.abs(m)).toBeLessThan(5 * Math.sqrt(v / n));
      // Var of the sample variance: (kurtosis - 1) v^2 / n; kurtosis <= 3 for these laws.
      expect(Math.abs(s2 / n - v)).toBeLessThan(5 * Math.sqrt((2 * v * v) / n));
      const std = Math.sqrt(v);
      if (SCHEME_INFO[scheme].distribution === 'uniform') expect(maxAbs).toBeLessThanOrEqual(Math.sqrt(3) * std);
      if (SCHEME_INFO[scheme].distribution === 'truncated-normal') expect(maxAbs).toBeLessThanOrEqual((2 * std) / TRUNCATED_STD);
    });
  }
  it('the truncated-normal constant is the std of N(0,1) cut at ±2', () => {
    const z = 2 * (0.5 * (1 + erfLike(2 / Math.SQRT2))) - 1;
    const pdf2 = Math.exp(-2) / Math.sqrt(2 * Math.PI);
    expect(Math.sqrt(1 - (2 * 2 * pdf2) / z)).toBeCloseTo(TRUNCATED_STD, 12);
  });
});

import { erf as erfLike } from '../../lib/sim/erf';

describe('orthogonal', () => {
  const check = (fanIn: number, fanOut: number, gain: number) => {
    const W = new OrthogonalWeights(fanIn, fanOut, gain, createRng(1, 2)).toDense();
    // Wide: W W^T = g^2 I (rows orthonormal); tall/square: W^T W = g^2 I (columns orthonormal).
    const rowsOrthonormal = fanOut <= fanIn;
    const k = rowsOrthonormal ? fanOut : fanIn;
    let maxErr = 0;
    for (let a = 0; a < k; a++) {
      for (let b = 0; b < k; b++) {
        let s = 0;
        if (rowsOrthonormal) for (let j = 0; j < fanIn; j++) s += W[a * fanIn + j] * W[b * fanIn + j];
        else for (let i = 0; i < fanOut; i++) s += W[i * fanIn + a] * W[i * fanIn + b];
        maxErr = Math.max(maxErr, Math.abs(s - (a === b ? gain * gain : 0)));
      }
    }
    return { W, maxErr };
  };
  it('square: W W^T = gain^2 I', () => expect(check(64, 64, 1.5).maxErr).toBeLessThan(1e-12));
  it('wide (fan_out < fan_in): rows orthonormal', () => expect(check(80, 30, 1).maxErr).toBeLessThan(1e-12));
  it('tall (fan_out > fan_in): columns orthonormal', () => expect(check(30, 80, 2).maxErr).toBeLessThan(1e-12));
  it('forward and backward apply W and W^T', () => {
    const fanIn = 20;
    const fanOut = 35;
    const op = new OrthogonalWeights(fanIn, fanOut, 1.3, createRng(4));
    const W = op.toDense();
    const B = 3;
    const A = new Float64Array(fanIn * B);
    createRng(5).fillNormal(A, 1);
    const Z = new Float64Array(fanOut * B);
    op.forward(A, B, Z);
    const D = new Float64Array(fanOut * B);
    createRng(6).fillNormal(D, 1);
    const G = new Float64Array(fanIn * B);
    op.backward(D, B, G);
    for (let b = 0; b < B; b++) {
      for (let i = 0; i < fanOut; i++) {
        let s = 0;
        for (let j = 0; j < fanIn; j++) s += W[i * fanIn + j] * A[j * B + b];
        expect(Z[i * B + b]).toBeCloseTo(s, 12);
      }
      for (let j = 0; j < fanIn; j++) {
        let s = 0;
        for (let i = 0; i < fanOut; i++) s += W[i * fanIn + j] * D[i * B + b];
        expect(G[j * B + b]).toBeCloseTo(s, 12);
      }
    }
  });
  it('entries have mean 0 and variance gain^2 / max(fan_in, fan_out)', () => {
    const { W } = check(300, 300, 1);
    let s2 = 0;
    for (const w of W) s2 += w * w;
    expect(s2 / W.length).toBeCloseTo(1 / 300, 12); // exact for an orthogonal matrix
  });
});
