/** Pass criteria against real engine results (ReLU with He stays level, with Xavier it fades). */
import { describe, expect, it } from 'vitest';
import { criterionHolds, maxDrift } from '@/lib/grading/check-criterion';
import { simulate } from '@/lib/sim';
import { simConfigSchema } from '@/lib/validation/sim-config';

const run = (scheme: 'he-normal' | 'xavier-normal') =>
  simulate(simConfigSchema.parse({ scheme, activation: 'relu', layers: 20, width: 128, samples: 32 }), { bandSeeds: 1 });
const he = run('he-normal');
const xavier = run('xavier-normal');

describe('criterionHolds', () => {
  it('signal-state and ratio-range follow the summary', () => {
    expect(criterionHolds({ kind: 'signal-state', state: 'stable' }, he)).toBe(true);
    expect(criterionHolds({ kind: 'signal-state', state: 'stable' }, xavier)).toBe(false);
    const ratio = he.summary.ratio!;
    expect(criterionHolds({ kind: 'ratio-range', min: ratio * 0.99, max: ratio * 1.01 }, he)).toBe(true);
    expect(criterionHolds({ kind: 'ratio-range', min: ratio * 1.01, max: ratio * 2 }, he)).toBe(false);
  });

  it('max-drift is the worst layer-to-input RMS factor, either way', () => {
    const expected = Math.max(1, ...xavier.layers.map((l) => Math.max(l.post!.rms / xavier.input.rms, xavier.input.rms / l.post!.rms)));
    expect(maxDrift(xavier)).toBeCloseTo(expected, 12);
    // Xavier halves the second moment per ReLU layer: after 20 layers the RMS is ~2^-10 of the input.
    expect(maxDrift(xavier)).toBeGreaterThan(100);
    expect(criterionHolds({ kind: 'max-drift', factor: 2 }, he)).toBe(true);
    expect(criterionHolds({ kind: 'max-drift', factor: 2 }, xavier)).toBe(false);
  });

  it('prediction needs the student number within the relative tolerance', () => {
    const c = { kind: 'prediction', quantity: 'finalStd', relTolerance: 0.1 } as const;
    const actual = he.summary.finalStd!;
    expect(criterionHolds(c, he, actual * 1.09)).toBe(true);
    expect(criterionHolds(c, he, actual * 1.11)).toBe(false);
    expect(criterionHolds(c, he)).toBe(false);
    expect(criterionHolds(c, he, Number.NaN)).toBe(false);
  });
});
