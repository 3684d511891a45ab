/**
 * `npm run bench` (second part): the instructor dashboard of a 300-student course with 3,000
 * submissions. Seeds the course in a fresh database (a new database on DATABASE_URL's server,
 * dropped afterwards, or an in-memory embedded one), then times the dashboard's server work
 * (getExerciseDashboard: the query and the statistics), the course overview and the grades CSV.
 * Medians of several runs after a warm-up; nothing is asserted (machines are shared and noisy).
 */
import { createTestDatabase } from '../tests/helpers/test-db';
import { getDb } from '../lib/db';
import { createCourse } from '../lib/data/courses';
import { createAssignment } from '../lib/data/assignments';
import { getCourseDashboard, getExerciseDashboard, gradesCsv } from '../lib/data/dashboard';
import { getOrCreateRun } from '../lib/data/runs';
import { gradableFromStored } from '../lib/grading/check-criterion';
import { gradeResult } from '../lib/grading/grade';
import { assignmentFormSchema } from '../lib/validation/classroom';
import { SCHEMES, simConfigSchema } from '../lib/validation/sim-config';

const STUDENTS = 300;
const SUBMISSIONS = 3000;
const REPS = 9;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function time(label: string, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const ts: number[] = [];
  for (let i = 0; i < REPS; i++) {
    const t0 = performance.now();
    await fn();
    ts.push(performance.now() - t0);
  }
  const m = median(ts);
  console.log(`${label.padEnd(44)} median ${m.toFixed(1).padStart(7)} ms  (min ${Math.min(...ts).toFixed(1)}, max ${Math.max(...ts).toFixed(1)}, ${REPS} runs)`);
  return m;
}

async function main() {
  const t = await createTestDatabase();
  try {
    const db = await getDb();
    const t0 = performance.now();
    const teacher = await db.user.create({ data: { name: 'Bench Teacher', email: 'bench-teacher@example.com', passwordHash: 'x', role: 'INSTRUCTOR' }, select: { id: true, email: true, name: true, role: true } });
    const { id: courseId } = await createCourse(teacher, { title: 'Bench course', description: '' });
    await db.user.createMany({ data: Array.from({ length: STUDENTS }, (_, i) => ({ name: `Student ${i}`, email: `bench-${i}@example.com`, passwordHash: 'x', role: 'STUDENT' as const })) });
    const students = await db.user.findMany({ where: { role: 'STUDENT' }, select: { id: true } });
    await db.enrollment.createMany({ data: students.map((s) => ({ courseId, studentId: s.id })) });
    const base = simConfigSchema.parse({ scheme: 'xavier-normal', activation: 'relu', layers: 12, width: 64, samples: 32 });
    const criteria = [{ kind: 'signal-state', state: 'stable' }, { kind: 'ratio-range', min: 0.5, max: 2 }] as const;
    const { id: assignmentId } = await createAssignment(
      teacher,
      assignmentFormSchema.parse({ courseId, title: 'Bench exercise', prompt: 'p', baseConfig: base, editableFields: ['scheme', 'seed'], criteria, intent: 'publish' }),
    );
    // Distinct runs the class might submit: every scheme, a few seeds each (computed on the server).
    const runs = [];
    for (const scheme of SCHEMES.filter((s) => s !== 'custom')) {
      for (let seed = 1; seed <= 3; seed++) runs.push(await getOrCreateRun({ ...base, scheme, seed }));
    }
    const graded = runs.map((r) => ({ run: r, grade: gradeResult([...criteria], gradableFromStored(r)) }));
    const start = Date.now() - 14 * 86_400_000;
    const data = Array.from({ length: SUBMISSIONS }, (_, i) => {
      const studentId = students[i % STUDENTS].id;
      const g = graded[(i * 7 + Math.floor(i / STUDENTS)) % graded.length];
      return {
        assignmentId,
        studentId,
        attempt: Math.floor(i / STUDENTS) + 1,
        runId: g.run.id,
        criteriaResults: g.grade.results as unknown as object,
        passed: g.grade.passed,
        score: g.grade.rawScore,
        late: i % 11 === 0,
        submittedAt: new Date(start + i * 400_000),
      };
    });
    await db.submission.createMany({ data });
    console.log(`seeded ${STUDENTS} students, ${SUBMISSIONS} submissions over ${runs.length} stored runs in ${((performance.now() - t0) / 1000).toFixed(1)} s (${t.kind})`);
    const d = await getExerciseDashboard(teacher, assignmentId);
    console.log(`dashboard check: ${d!.stats.submissions} submissions, ${d!.stats.studentsSubmitted} students, pass rate ${(100 * d!.stats.passRate!).toFixed(1)}%`);
    await time('exercise dashboard (getExerciseDashboard)', () => getExerciseDashboard(teacher, assignmentId));
    await time('course overview (getCourseDashboard)', () => getCourseDashboard(teacher, courseId));
    await time('grades CSV (gradesCsv)', () => gradesCsv(teacher, assignmentId));
  } finally {
    await t.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
