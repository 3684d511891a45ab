/**
 * Every exercise template is a valid assignment spec, its reference answer only touches fields
 * the student may edit, the engine passes the reference answer on every criterion, and the
 * untouched base config fails at least one (otherwise the exercise asks nothing).
 */
import { describe, expect, it } from 'vitest';
import { exerciseSpecSchema } from '@/lib/validation/assignment';
import { EXERCISE_TEMPLATES, referenceConfig } from '@/lib/lessons/exercise-templates';
import { criterionHolds } from '@/lib/grading/check-criterion';
import { getLesson } from '@/lib/lessons/registry';
import { runLessonSim } from '@/lib/lessons/run';

describe('exercise templates', () => {
  it('have unique ids', () => {
    const ids = EXERCISE_TEMPLATES.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(5);
  });

  for (const t of EXERCISE_TEMPLATES) {
    describe(t.id, () => {
      const parsed = exerciseSpecSchema.safeParse(t.spec);

      it('parses with exerciseSpecSchema', () => {
        expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues)).toBe(true);
      });

      it('points at a real lesson and changes only editable fields', () => {
        expect(getLesson(t.lesson)).toBeDefined();
        for (const key of Object.keys(t.referenceAnswer)) expect(t.spec.editableFields).toContain(key);
        expect(Object.keys(t.referenceAnswer).length).toBeGreaterThan(0);
      });

      it('reference answer passes every criterion', () => {
        const r = runLessonSim(referenceConfig(t));
        for (const c of t.spec.criteria) expect(criterionHolds(c, r), `${JSON.stringify(c)}: ratio ${r.summary.ratio}, state ${r.summary.signalState}`).toBe(true);
      });

      it('base config fails at least one criterion', () => {
        const r = runLessonSim(t.spec.baseConfig as Parameters<typeof runLessonSim>[0]);
        expect(t.spec.criteria.some((c) => !criterionHolds(c, r)), `base passes: ratio ${r.summary.ratio}, state ${r.summary.signalState}`).toBe(true);
      });
    });
  }
});
