/** Issue #13 point 8: check-yourself never marks a ruled-out answer correct; tolerances come from the answer's band. */
import { describe, expect, it } from 'vitest';
import { CHECKS, gradeEstimate, type EstimateCheck } from '../../lib/lessons/checks';
import { runLessonSim } from '../../lib/lessons/run';

describe('check yourself', () => {
  const check = CHECKS['he-kaiming'] as EstimateCheck;
  const results = check.configs.map((c) => runLessonSim(c, check.bandSeeds));
  const last = results[0].layers[results[0].layers.length - 1];

  it('the lesson-3 estimate accepts the answer and the mean-field std, and refuses the RMS it rules out', () => {
    expect(gradeEstimate(check, results, check.quantity(results)).correct).toBe(true);
    expect(gradeEstimate(check, results, last.theory.postStd!).correct).toBe(true);
    const rms = gradeEstimate(check, results, 1);
    expect(rms.correct).toBe(false);
    expect(rms.ruledOut).toBe('the RMS');
    expect(gradeEstimate(check, results, last.theory.preStd!).correct).toBe(false);
  });

  it('the accepted range is the band over seeds and the theory, not a flat percentage', () => {
    const { min, max } = check.accepted(results);
    expect(min).toBe(Math.min(last.band.postStd!.min!, last.theory.postStd!));
    expect(max).toBe(Math.max(last.band.postStd!.max!, last.theory.postStd!));
    expect(gradeEstimate(check, results, max * 1.01).correct).toBe(false);
    // The first seed of the band is the run the lesson prints.
    expect(check.quantity(results)).toBe(runLessonSim(check.configs[0]).summary.finalStd);
  });

  it('every choice question grades to one of its own options', () => {
    for (const c of Object.values(CHECKS)) {
      if (c.kind !== 'choice') continue;
      const answer = c.grade(c.configs.map((x) => runLessonSim(x)));
      expect(c.options.map((o) => o.id), c.id).toContain(answer);
    }
  });
});
