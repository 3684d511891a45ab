import { describe, expect, it } from 'vitest';
import { activate, activateDerivative } from '../../lib/sim/activations';
import { gaussianMoments, meanField } from '../../lib/sim/mean-field';
import { normalCdf } from '../../lib/sim/erf';
import { cfg, trapezoidNormal } from './helpers';

describe('quadrature against closed forms', () => {
  it('E[z^2] = q and E[relu(z)^2] = q/2, E[relu(z)] = sqrt(q / 2 pi)', () => {
    for (const q of [1e-6, 0.3, 1, 2, 17, 1e4, 1e10]) {
      expect(gaussianMoments('linear', q).second / q - 1).toBeCloseTo(0, 12);
      expect(gaussianMoments('relu', q).second / (q / 2) - 1).toBeCloseTo(0, 12);
      expect(gaussianMoments('relu', q).mean / Math.sqrt(q / (2 * Math.PI)) - 1).toBeCloseTo(0, 12);
      expect(gaussianMoments('relu', q).derivSecond).toBeCloseTo(0.5, 12);
    }
  });
  it('leaky ReLU: E[phi^2] = q (1 + a^2) / 2', () => {
    expect(gaussianMoments('leaky-relu', 3, 0.2).second / (3 * 0.52) - 1).toBeCloseTo(0, 12);
  });
  it("tanh' and sigmoid' at large q follow the asymptotics (4/3 and 1/6 over sqrt(2 pi q))", () => {
    for (const q of [1e4, 1e8, 1e12]) {
      const scale = 1 / Math.sqrt(2 * Math.PI * q);
      expect(gaussianMoments('tanh', q).derivSecond / ((4 / 3) * scale) - 1).toBeLessThan(1e-3);
      expect(Math.abs(gaussianMoments('tanh', q).derivSecond / ((4 / 3) * scale) - 1)).toBeLessThan(1e-3);
      expect(Math.abs(gaussianMoments('sigmoid', q).derivSecond / ((1 / 6) * scale) - 1)).toBeLessThan(1e-3);
    }
  });
  it('smooth activations at moderate q match an independent fine trapezoid rule', () => {
    for (const act of ['tanh', 'sigmoid', 'gelu', 'selu', 'swish'] as const) {
      for (const q of [0.5, 1, 4, 30]) {
        const s = Math.sqrt(q);
        const m = gaussianMoments(act, q);
        expect(Math.abs(m.second - trapezoidNormal((x) => activate(act, s * x) ** 2))).toBeLessThan(1e-9 * Math.max(1, m.second));
        // SELU' jumps at 0, which the trapezoid reference cannot resolve; it has its own test.
        if (act !== 'selu') expect(Math.abs(m.derivSecond - trapezoidNormal((x) => activateDerivative(act, s * x) ** 2))).toBeLessThan(1e-9);
      }
    }
  });
  it("SELU': E[phi'^2] = lambda^2 (1/2 + alpha^2 e^{2q} Phi(-2 sqrt q)) (closed form)", () => {
    const lambda = 1.0507009873554804934193349852946;
    const alpha = 1.6732632423543772848170429916717;
    for (const q of [0.25, 1, 3]) {
      const exact = lambda ** 2 * (0.5 + alpha ** 2 * Math.exp(2 * q) * normalCdf(-2 * Math.sqrt(q)));
      expect(gaussianMoments('selu', q).derivSecond / exact - 1).toBeCloseTo(0, 12);
    }
  });
  it('SELU keeps mean 0 and second moment 1 at q = 1 (its fixed point)', () => {
    const m = gaussianMoments('selu', 1);
    expect(m.mean).toBeCloseTo(0, 6);
    expect(m.second).toBeCloseTo(1, 6);
  });
});

describe('mean-field recursion', () => {
  it('ReLU with Var(W) = 1/n halves the second moment per layer; q_1 = sigma_w^2 n s^2', () => {
    const mf = meanField(cfg({ scheme: 'lecun-normal', layers: 8, inputStd: 2 }));
    expect(mf[0].preStd ** 2).toBeCloseTo(4, 12);
    for (let l = 1; l < mf.length; l++) expect(mf[l].preStd ** 2 / mf[l - 1].preStd ** 2).toBeCloseTo(0.5, 12);
    // Backward: factor sigma_w^2 n E[relu'^2] = 1/2 per layer.
    for (let l = 0; l + 1 < mf.length; l++) expect(mf[l].gradientNorm ** 2 / mf[l + 1].gradientNorm ** 2).toBeCloseTo(0.5, 12);
  });
  it('linear multiplies the variance by n Var(W) per layer', () => {
    const c = cfg({ scheme: 'custom', customStd: 0.07, activation: 'linear', layers: 5, width: 100 });
    const mf = meanField(c);
    const f = 100 * 0.07 ** 2;
    for (let l = 0; l < 5; l++) expect(mf[l].preStd ** 2).toBeCloseTo(f ** (l + 1), 12);
  });
  it('post-ReLU std is sqrt(1/2 - 1/(2 pi)) of the pre-activation std', () => {
    for (const l of meanField(cfg({}))) expect(l.postStd / l.preStd).toBeCloseTo(Math.sqrt(0.5 - 1 / (2 * Math.PI)), 12);
  });
  it('normalization resets q to ~1; bias adds its variance', () => {
    for (const l of meanField(cfg({ scheme: 'large-random', normalization: 'layernorm' }))) expect(l.preStd).toBeCloseTo(1, 5);
    const mf = meanField(cfg({ scheme: 'he-normal', activation: 'linear', gain: 1, biasStd: 0.5, layers: 1 }));
    expect(mf[0].preStd ** 2).toBeCloseTo(1 + 0.25, 12);
  });
  it('plain residual with linear activation adds q each layer', () => {
    const mf = meanField(cfg({ scheme: 'lecun-normal', activation: 'linear', residual: 'plain', layers: 4 }));
    // m_l = 2 m_{l-1}: each branch adds its own variance (zero-mean activations).
    for (let l = 0; l < 4; l++) expect(mf[l].postRms ** 2).toBeCloseTo(2 ** (l + 1), 10);
  });
});
