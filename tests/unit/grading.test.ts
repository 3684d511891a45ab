/** Grading rules: criteria (incl. scheme/activation pairing) on engine runs, deadlines, penalties, locks, statistics. */
import { describe, expect, it } from 'vitest';
import { criterionHolds, gradableFromStored } from '@/lib/grading/check-criterion';
import { applyLatePenalty, effectiveDeadlines, gradeResult, lockedFieldViolations, timingAt } from '@/lib/grading/grade';
import { dashboardStats, logBins, targetBand } from '@/lib/grading/stats';
import { simulate } from '@/lib/sim';
import { toStoredResult } from '@/lib/runs/stored-result';
import { simConfigSchema } from '@/lib/validation/sim-config';

const config = simConfigSchema.parse({ scheme: 'he-normal', activation: 'relu', layers: 8, width: 32, samples: 16 });
const run = simulate(config, { bandSeeds: 1 });

describe('scheme-activation criterion', () => {
  it('holds only for the required activation with one of the schemes', () => {
    expect(criterionHolds({ kind: 'scheme-activation', schemes: ['he-normal', 'he-uniform'], activation: 'relu' }, run)).toBe(true);
    expect(criterionHolds({ kind: 'scheme-activation', schemes: ['xavier-normal'], activation: 'relu' }, run)).toBe(false);
    expect(criterionHolds({ kind: 'scheme-activation', schemes: ['he-normal'], activation: 'tanh' }, run)).toBe(false);
  });

  it('grades a stored run exactly as the engine result it came from', () => {
    const criteria = [
      { kind: 'signal-state', state: 'stable' },
      { kind: 'max-drift', factor: 1.5 },
      { kind: 'ratio-range', min: run.summary.ratio! * 1.01, max: 2 },
    ] as const;
    const stored = gradableFromStored({ config, result: toStoredResult(run) });
    expect(gradeResult([...criteria], stored)).toEqual(gradeResult([...criteria], run));
    expect(gradeResult([...criteria], run).results.map((r) => r.passed)).toEqual([true, criteria[1].factor >= Math.max(...run.layers.map((l) => Math.max(l.post!.rms / run.input.rms, run.input.rms / l.post!.rms))), false]);
  });

  it('treats an overflowed run (null statistics) as failing every bound', () => {
    const big = simulate(simConfigSchema.parse({ scheme: 'custom', customStd: 100, activation: 'relu', layers: 200, width: 64, samples: 8 }), { bandSeeds: 1 });
    expect(big.overflowLayer).not.toBeNull();
    expect(big.summary.ratio).toBeNull();
    const stored = gradableFromStored({ config: big.config, result: toStoredResult(big) });
    expect(criterionHolds({ kind: 'ratio-range', min: 0, max: 1e300 }, stored)).toBe(false);
    expect(criterionHolds({ kind: 'max-drift', factor: 1e300 }, stored)).toBe(false);
    expect(criterionHolds({ kind: 'ratio-range', min: 0, max: 1e300 }, big)).toBe(false);
  });
});

describe('deadlines and penalties', () => {
  const a = { opensAt: new Date('2026-01-01T00:00:00Z'), dueAt: new Date('2026-01-10T00:00:00Z'), cutoffAt: new Date('2026-01-12T00:00:00Z') };
  it('an extension replaces the due date and never shortens the cut-off', () => {
    expect(effectiveDeadlines(a, null)).toEqual({ ...a, extended: false });
    expect(effectiveDeadlines(a, { dueAt: new Date('2026-01-11T00:00:00Z'), cutoffAt: null }).cutoffAt).toEqual(a.cutoffAt);
    expect(effectiveDeadlines(a, { dueAt: new Date('2026-01-20T00:00:00Z'), cutoffAt: null }).cutoffAt).toEqual(new Date('2026-01-20T00:00:00Z'));
  });
  it('timing: not open, on time, late, closed', () => {
    const d = effectiveDeadlines(a, null);
    expect(timingAt(d, new Date('2025-12-31T00:00:00Z'))).toBe('not-open');
    expect(timingAt(d, new Date('2026-01-05T00:00:00Z'))).toBe('on-time');
    expect(timingAt(d, new Date('2026-01-11T00:00:00Z'))).toBe('late');
    expect(timingAt(d, new Date('2026-01-13T00:00:00Z'))).toBe('closed');
  });
  it('late penalty removes a share of the score', () => {
    expect(applyLatePenalty(80, true, 25)).toBe(60);
    expect(applyLatePenalty(80, false, 25)).toBe(80);
    expect(applyLatePenalty(100 / 3, true, 10)).toBe(30);
  });
  it('lists changed locked fields, comparing widths element by element', () => {
    const base = simConfigSchema.parse({ scheme: 'xavier-normal', activation: 'relu', layers: 3, width: 8, widths: [8, 4, 2] });
    expect(lockedFieldViolations(base, { ...base, scheme: 'he-normal' }, ['scheme'])).toEqual([]);
    expect(lockedFieldViolations(base, { ...base, scheme: 'he-normal', activation: 'tanh', widths: [8, 4, 3] }, ['scheme'])).toEqual(['activation', 'widths']);
    expect(lockedFieldViolations(base, { ...base, widths: [8, 4, 2] }, ['scheme'])).toEqual([]);
  });
});

describe('dashboard statistics', () => {
  it('bins final std in quarter decades and finds the target band', () => {
    const bins = logBins([0.01, 0.011, 1, 1.2, 100]);
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(5);
    expect(bins[0].lo).toBeCloseTo(0.01, 12);
    expect(bins.at(-1)!.hi).toBeCloseTo(10 ** 2.25, 9);
    expect(targetBand([{ kind: 'ratio-range', min: 0.5, max: 2 }], 2, { vanishingBelow: 0.1, explodingAbove: 10 })).toEqual({ lo: 1, hi: 4 });
    expect(targetBand([{ kind: 'signal-state', state: 'stable' }], 1, { vanishingBelow: 0.1, explodingAbove: 10 })).toEqual({ lo: 0.1, hi: 10 });
  });
  it('counts the best attempt per student and the failing criteria', () => {
    const c = [{ kind: 'signal-state', state: 'stable' } as const];
    const base = { late: false, scheme: 'he-normal', activation: 'relu', finalStd: 0.8, scoreOverride: null };
    const facts = [
      { ...base, id: 'a1', studentId: 'a', attempt: 1, passed: false, score: 0, submittedAt: new Date('2026-01-01T10:00:00Z'), criteriaResults: [{ criterion: c[0], passed: false }] },
      { ...base, id: 'a2', studentId: 'a', attempt: 2, passed: true, score: 100, submittedAt: new Date('2026-01-01T11:00:00Z'), criteriaResults: [{ criterion: c[0], passed: true }] },
      { ...base, id: 'b1', studentId: 'b', attempt: 1, passed: false, score: 0, scoreOverride: 50, submittedAt: new Date('2026-01-01T11:30:00Z'), criteriaResults: [{ criterion: c[0], passed: false }] },
    ];
    const roster = [{ id: 'a', name: 'A', email: 'a@x' }, { id: 'b', name: 'B', email: 'b@x' }, { id: 'c', name: 'C', email: 'c@x' }];
    const s = dashboardStats(facts, roster, c);
    expect(s.passRate).toBeCloseTo(1 / 3, 12);
    expect(s.students.map((r) => [r.score, r.attempts, r.submissionId])).toEqual([[100, 2, 'a2'], [50, 1, 'b1'], [null, 0, null]]);
    expect(s.failing).toEqual([{ index: 0, criterion: c[0], failures: 2 }]);
    expect(s.overTime.map((b) => [b.submissions, b.passed])).toEqual([[1, 0], [2, 1]]);
  });
});
