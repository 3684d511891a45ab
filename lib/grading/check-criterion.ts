/**
 * Pass criteria checked against an engine result: the rules of lib/validation/assignment.ts in
 * one pure function, shared by the teacher guide's template tests and (next) server-side grading,
 * so an exercise means the same thing wherever it is checked.
 */
import type { SimResult } from '../sim/types';
import type { PassCriterion } from '../validation/assignment';

/**
 * What grading needs from a run: the config, the summary and the per-layer RMS. A full SimResult
 * has it, and so does a stored run's result, so the browser's preview and the server's grading
 * check the same rules on the same shape.
 */
export interface GradableResult {
  config: Pick<SimResult['config'], 'scheme' | 'activation'>;
  summary: Pick<SimResult['summary'], 'ratio' | 'signalState' | 'finalStd'>;
  input: { rms: number };
  layers: { post: { rms: number } }[];
  /** First layer whose statistics overflowed; the numbers after it are not the network's. */
  overflowLayer?: number | null;
}

/** Largest factor by which any layer's post-activation RMS departs from the input RMS. */
export function maxDrift(r: GradableResult): number {
  if (r.overflowLayer != null) return Infinity;
  const rms0 = r.input.rms;
  let worst = 1;
  for (const l of r.layers) {
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
      // An overflowed run exploded, whatever its (meaningless) final numbers say.
      return r.overflowLayer == null && r.summary.ratio >= c.min && r.summary.ratio <= c.max;
    case 'signal-state':
      return r.summary.signalState === c.state;
    case 'max-drift':
      return maxDrift(r) <= c.factor;
    case 'prediction': {
      if (prediction == null || !Number.isFinite(prediction)) return false;
      if (r.overflowLayer != null) return false;
      const actual = c.quantity === 'finalStd' ? r.summary.finalStd : r.summary.ratio;
      return Math.abs(prediction - actual) <= c.relTolerance * Math.abs(actual);
    }
    case 'scheme-activation':
      return r.config.activation === c.activation && c.schemes.includes(r.config.scheme);
  }
}

/** A stored run's numbers as grading reads them: a non-finite statistic (stored as null) is an overflow. */
export function gradableFromStored(run: {
  config: GradableResult['config'];
  result: {
    summary: { ratio: number | null; finalStd: number | null; signalState: GradableResult['summary']['signalState']; overflowLayer?: number | null };
    input: { rms: number | null };
    layers: { post: { rms: number | null } }[];
  };
}): GradableResult {
  const finite = (x: number | null) => x ?? Number.POSITIVE_INFINITY;
  const { summary, input, layers } = run.result;
  return {
    config: run.config,
    summary: { ratio: finite(summary.ratio), finalStd: finite(summary.finalStd), signalState: summary.signalState },
    input: { rms: finite(input.rms) },
    layers: layers.map((l) => ({ post: { rms: finite(l.post.rms) } })),
    overflowLayer: summary.overflowLayer ?? null,
  };
}
