/**
 * Pass criteria checked against an engine result: the rules of lib/validation/assignment.ts in
 * one pure function, shared by the teacher guide's template tests and (next) server-side grading,
 * so an exercise means the same thing wherever it is checked.
 */
import type { SimResult } from '../sim/types';
import type { PassCriterion } from '../validation/assignment';
import { trainingLossForCriterion } from './train-criterion';

/** Largest factor by which any layer's post-activation RMS departs from the input RMS. */
export function maxDrift(r: SimResult): number {
  const rms0 = r.input.rms;
  let worst = 1;
  for (const l of r.layers) {
    if (l.post === null) return Infinity; // overflowed
    const ratio = l.post.rms / rms0;
    // A dead (0) or overflowing layer drifts without bound.
    if (!(ratio > 0) || !Number.isFinite(ratio)) return Infinity;
    worst = Math.max(worst, ratio, 1 / ratio);
  }
  return worst;
}

/**
 * Whether a result meets one criterion. `prediction` is the student's number for a prediction
 * criterion; without one, a prediction criterion fails.
 */
export function criterionHolds(c: PassCriterion, r: SimResult, prediction?: number | null): boolean {
  switch (c.kind) {
    case 'ratio-range':
      // An overflowed network has no ratio: it is in no range.
      return r.summary.ratio !== null && r.summary.ratio >= c.min && r.summary.ratio <= c.max;
    case 'signal-state':
      return r.summary.signalState === c.state;
    case 'max-drift':
      return maxDrift(r) <= c.factor;
    case 'prediction': {
      if (prediction == null || !Number.isFinite(prediction)) return false;
      const actual = c.quantity === 'finalStd' ? r.summary.finalStd : r.summary.ratio;
      if (actual === null) return false; // overflowed: no number to predict
      return Math.abs(prediction - actual) <= c.relTolerance * Math.abs(actual);
    }
    case 'train-loss-below': {
      // Trains the result's own config (bounded work; see train-criterion.ts).
      const loss = trainingLossForCriterion(r.config, c);
      return loss !== null && loss < c.below;
    }
  }
}
