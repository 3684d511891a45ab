/**
 * Pass criteria checked against a run: the rules of lib/validation/assignment.ts in one pure
 * function, shared by the teacher guide's template tests, the exercise page's live preview and
 * server-side grading, so an exercise means the same thing wherever it is checked.
 *
 * Overflow (ENGINE_VERSION 1.2): the engine and a stored run both report overflowed numbers as
 * null (a layer's moments, the final std and ratio). An overflowed network is in no range, drifts
 * without bound and has no number to predict.
 */
import type { SimResult } from '../sim/types';
import type { PassCriterion } from '../validation/assignment';

/**
 * What grading needs from a run: the config, the summary and the per-layer RMS. A SimResult has
 * it, and so does a stored run's result with its config (gradableFromStored).
 */
export interface GradableResult {
  config: SimResult['config'];
  summary: { ratio: number | null; finalStd: number | null; signalState: SimResult['summary']['signalState'] };
  input: { rms: number };
  layers: { post: { rms: number } | null }[];
  /**
   * Final training losses of this config for its `train-loss-below` criteria (null: too large to
   * check), computed by the caller where engine work runs: the server's pool (trainLossesFor), the
   * browser's worker (use-train-losses.ts), or a test (train-loss.ts). Grading never trains: a
   * criterion without its loss here fails.
   */
  trainLosses?: ReadonlyMap<PassCriterion, number | null>;
}

/** Largest factor by which any layer's post-activation RMS departs from the input RMS. */
export function maxDrift(r: GradableResult): number {
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
export function criterionHolds(c: PassCriterion, r: GradableResult, prediction?: number | null): boolean {
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
      const loss = r.trainLosses?.get(c) ?? null;
      return loss !== null && loss < c.below;
    }
    case 'scheme-activation':
      return r.config.activation === c.activation && c.schemes.includes(r.config.scheme);
  }
}

/** A stored run (its config and numbers) in the shape grading reads. */
export function gradableFromStored(run: {
  config: GradableResult['config'];
  result: { summary: GradableResult['summary']; input: GradableResult['input']; layers: GradableResult['layers'] };
}): GradableResult {
  return { config: run.config, summary: run.result.summary, input: run.result.input, layers: run.result.layers };
}
