/**
 * Issue #13 points 1 and 2: the verdict agrees with the outcome and the signal state is honest.
 * The examples a student met are run through the engine and the presenter: each number asserted
 * comes from the engine, never restated here.
 */
import { describe, expect, it } from 'vitest';
import { calculateGain, balancedTanhGain, classifySignal, perLayerFactor, readSignalState, simulate } from '../../lib/sim';
import { describeSummary } from '../../lib/present/summary-words';
import { formatNumber } from '../../lib/format';
import { cfg } from './helpers';

const run = (over: Parameters<typeof cfg>[0]) => simulate(cfg(over), { bandSeeds: 1 });

describe('signal-state scale', () => {
  it('reads factors of 2 and 10 either way', () => {
    expect([0, 0.05, 0.0999, 0.1, 0.128, 0.4999, 0.5, 1, 2, 2.01, 10, 10.1].map((r) => classifySignal(r, false))).toEqual([
      'vanishing', 'vanishing', 'vanishing', 'fading', 'fading', 'fading', 'stable', 'stable', 'stable', 'growing', 'growing', 'exploding',
    ]);
    expect(classifySignal(1, true)).toBe('exploding');
    expect(classifySignal(Number.NaN, false)).toBe('exploding');
  });
  it('per-layer factor is ratio^(1/L)', () => {
    expect(perLayerFactor(0.128, 30) ** 30).toBeCloseTo(0.128, 12);
    expect(perLayerFactor(Number.POSITIVE_INFINITY, 3)).toBeNaN();
  });
  it('old stored "stable" is re-read from its ratio; unknown words fall back safely', () => {
    expect(readSignalState({ signalState: 'stable', ratio: 0.128 })).toBe('fading');
    expect(readSignalState({ signalState: 'stable', ratio: 0.9 })).toBe('stable');
    expect(readSignalState({ signalState: 'stable', ratio: null })).toBe('stable');
    expect(readSignalState({ signalState: 'stable', ratio: 3, overflowLayer: 4 })).toBe('exploding');
  });
});

describe('verdict agrees with the outcome (the issue\u2019s examples)', () => {
  it('He with leaky ReLU slope 0.5 over 30 layers: mismatch, change the gain to the recommendation\u2019s', () => {
    const r = run({ activation: 'leaky-relu', activationParam: 0.5, layers: 30 });
    expect(r.summary.signalState).toBe('exploding');
    expect(r.summary.verdict).toBe('mismatch');
    const g = calculateGain('leaky-relu', 0.5);
    expect(r.summary.changes).toEqual([{ field: 'gain', from: Math.SQRT2, to: g }]);
    const words = describeSummary(r.summary, r.config);
    expect(words.verdictHeadline).toContain(`Set the gain to ${formatNumber(g)}`);
    expect(words.verdictHeadline).not.toMatch(/✓/);
    // Following the advice levels the signal.
    const fixed = run({ activation: 'leaky-relu', activationParam: 0.5, layers: 30, gain: g });
    expect(fixed.summary.signalState).toBe('stable');
    expect(fixed.summary.verdict).toBe('match');
  });
  it('He with plain residual blocks over 20 layers: mismatch, scale the branch', () => {
    const r = run({ layers: 20, residual: 'plain' });
    expect(r.summary.signalState).toBe('exploding');
    expect(r.summary.verdict).toBe('mismatch');
    expect(r.summary.changes).toContainEqual({ field: 'residual', from: 'plain', to: 'scaled' });
    expect(describeSummary(r.summary, r.config).verdictHeadline).toMatch(/^✗ Scale the residual branch/);
  });
  it('Xavier with tanh over 50 layers: vanishing and mismatch, with the balanced gain as the change', () => {
    const r = run({ scheme: 'xavier-normal', activation: 'tanh', layers: 50 });
    expect(r.summary.signalState).toBe('vanishing');
    expect(r.summary.verdict).toBe('mismatch');
    expect(r.summary.changes).toEqual([{ field: 'gain', from: 1, to: balancedTanhGain(50) }]);
  });
  it('never "match" beside a vanishing or exploding signal, across a sweep of choices', () => {
    const schemes = ['xavier-normal', 'he-normal', 'lecun-normal', 'orthogonal', 'small-random', 'large-random'] as const;
    const acts = ['relu', 'leaky-relu', 'tanh', 'sigmoid', 'selu', 'gelu', 'linear'] as const;
    for (const scheme of schemes)
      for (const activation of acts)
        for (const residual of ['none', 'plain'] as const) {
          const r = run({ scheme, activation, residual, layers: 20, width: 64, samples: 16, activationParam: 0.3 });
          if (r.summary.signalState === 'vanishing' || r.summary.signalState === 'exploding') {
            expect(r.summary.verdict, `${scheme} ${activation} ${residual}`).toBe('mismatch');
            expect(r.summary.changes.length).toBeGreaterThan(0);
          }
        }
  });
  it('the recommended setup matches (He + ReLU, LeCun + SELU, orthogonal + linear, balanced tanh)', () => {
    for (const c of [
      {},
      { scheme: 'lecun-normal', activation: 'selu', layers: 30 },
      { scheme: 'orthogonal', activation: 'linear', layers: 30 },
      { scheme: 'xavier-normal', activation: 'tanh', layers: 30, gain: balancedTanhGain(30) },
    ] as const) {
      expect(run(c).summary.verdict, JSON.stringify(c)).toBe('match');
    }
  });
  it('deep sigmoid: no scale holds the gradient, so the change is the activation', () => {
    const r = run({ scheme: 'xavier-normal', activation: 'sigmoid', layers: 30 });
    expect(r.summary.verdict).toBe('mismatch');
    expect(r.summary.changes).toEqual([{ field: 'activation' }]);
  });
});

describe('state words are computed for this run', () => {
  it('Xavier + tanh over 30 layers reads as fading, with its own ratio and per-layer factor', () => {
    const r = run({ scheme: 'xavier-normal', activation: 'tanh', layers: 30 });
    expect(r.summary.signalState).toBe('fading');
    const text = describeSummary(r.summary, r.config).stateText;
    expect(text).toContain(`${formatNumber(r.summary.ratio! * 100)} %`);
    expect(text).toContain(formatNumber(r.summary.perLayerFactor!, 4));
    expect(text).not.toMatch(/0\.83|He init/);
  });
  it('no state text quotes another network\u2019s number', () => {
    for (const activation of ['tanh', 'selu', 'relu'] as const) {
      const r = run({ activation, layers: 12, scheme: activation === 'selu' ? 'lecun-normal' : 'he-normal' });
      const w = describeSummary(r.summary, r.config);
      expect(w.stateText).toContain(`${formatNumber(r.summary.ratio!)}×`);
      expect(w.stateText + w.thresholdsText).not.toMatch(/0\.83/);
    }
  });
});
