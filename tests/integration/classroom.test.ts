/**
 * The classroom on a real database: courses and join codes, roster import with pre-enrolment,
 * what each user may see, submissions graded on the server (locks, deadlines, extensions, late
 * penalty, attempt limit, double submits), feedback and overrides, the dashboard and the CSV.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { SessionUser } from '@/lib/auth/session-user';
import { createUser } from '@/lib/data/users';
import {
  ARCHIVED_CODE, WRONG_CODE, createCourse, getCourse, importRoster, joinCourse, listCoursesForUser, regenerateJoinCode, removeStudent, setCourseArchived,
} from '@/lib/data/courses';
import {
  createAssignment, createAssignmentFromTemplate, getAssignmentForInstructor, getAssignmentForStudent, grantExtension, listGradesForStudent, setAssignmentPublished,
} from '@/lib/data/assignments';
import { CLOSED, LATE_CONFIRM, NO_ATTEMPTS, getSubmission, overrideScore, setFeedback, submitAttempt } from '@/lib/data/submissions';
import { csvSafe, getExerciseDashboard, gradesCsv } from '@/lib/data/dashboard';
import { assignmentFormSchema, submitSchema } from '@/lib/validation/classroom';
import { simConfigSchema, type SimConfig } from '@/lib/validation/sim-config';
import { simulate } from '@/lib/sim';
import { EXERCISE_TEMPLATES } from '@/lib/lessons/exercise-templates';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let t: TestDatabase;
let n = 0;
async function user(role: 'STUDENT' | 'INSTRUCTOR', email = `u${++n}-${Date.now()}@example.com`): Promise<SessionUser> {
  return (await createUser({ name: `${role === 'STUDENT' ? 'Student' : 'Teacher'} ${n}`, email, password: 'a-good-long-password', role }))!;
}
async function rejection(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}
let key = 0;
const clientKey = () => `key-${Date.now()}-${++key}-abcdefgh`;

const XAVIER: SimConfig = simConfigSchema.parse({ scheme: 'xavier-normal', activation: 'relu', layers: 12, width: 64, samples: 32 });
const HE: SimConfig = { ...XAVIER, scheme: 'he-normal' };

function form(courseId: string, over: Record<string, unknown> = {}) {
  return assignmentFormSchema.parse({
    courseId,
    title: 'Fix the ReLU net',
    prompt: 'Make it **stable**.',
    baseConfig: JSON.stringify(XAVIER),
    editableFields: ['scheme'],
    criteria: JSON.stringify([{ kind: 'signal-state', state: 'stable' }, { kind: 'ratio-range', min: 0.5, max: 2 }]),
    intent: 'publish',
    ...over,
  });
}
const submit = (actor: SessionUser, assignmentId: string, config: SimConfig, over: Record<string, unknown> = {}, now?: Date) =>
  submitAttempt(actor, submitSchema.parse({ assignmentId, config, clientKey: clientKey(), ...over }), now);

let teacher: SessionUser, otherTeacher: SessionUser, alice: SessionUser, bob: SessionUser, outsider: SessionUser;
let courseId: string, joinCode: string;

beforeAll(async () => {
  t = await createTestDatabase();
  teacher = await user('INSTRUCTOR');
  otherTeacher = await user('INSTRUCTOR');
  alice = await user('STUDENT');
  bob = await user('STUDENT');
  outsider = await user('STUDENT');
  ({ id: courseId, joinCode } = await createCourse(teacher, { title: 'Init 101', description: '' }));
  await joinCourse(alice, joinCode);
  await joinCourse(bob, joinCode.replace('-', '').toLowerCase().toUpperCase());
});
afterAll(() => t?.drop());

describe('courses and join codes', () => {
  it('joins with a code (dash optional), twice harmlessly; a wrong or archived code gets a clear message', async () => {
    expect((await joinCourse(alice, joinCode)).alreadyEnrolled).toBe(true);
    const db = await getDb();
    expect(await db.enrollment.count({ where: { courseId } })).toBe(2);
    expect((await rejection(joinCourse(outsider, 'ZZZZ-ZZZZ'))).userMessage).toBe(WRONG_CODE);
    const archived = await createCourse(teacher, { title: 'Old', description: '' });
    await setCourseArchived(teacher, archived.id, true);
    expect((await rejection(joinCourse(outsider, archived.joinCode))).userMessage).toBe(ARCHIVED_CODE);
    expect((await rejection(joinCourse(teacher, joinCode))).code).toBe('FORBIDDEN');
  });

  it('regenerates the join code: the old one stops working, the roster stays', async () => {
    const c = await createCourse(teacher, { title: 'Regen', description: '' });
    await joinCourse(alice, c.joinCode);
    const fresh = await regenerateJoinCode(teacher, c.id);
    expect(fresh).not.toBe(c.joinCode);
    expect((await rejection(joinCourse(bob, c.joinCode))).userMessage).toBe(WRONG_CODE);
    expect((await getCourse(teacher, c.id))!.roster.map((r) => r.id)).toEqual([alice.id]);
    expect((await rejection(regenerateJoinCode(otherTeacher, c.id))).code).toBe('NOT_FOUND');
  });

  it('imports a roster: enrolls students, pre-enrolls unknown addresses until they sign up, skips instructors', async () => {
    const c = await createCourse(teacher, { title: 'Roster', description: '' });
    const newcomer = `new-${Date.now()}@example.com`;
    const csv = `name,email\nAlice,${alice.email.toUpperCase()}\nNew,"${newcomer}"\nT,${otherTeacher.email}\nbad line with @ only`;
    const report = await importRoster(teacher, c.id, csv);
    expect(report.enrolled).toEqual([alice.email]);
    expect(report.pending).toEqual([newcomer]);
    expect(report.notStudents).toEqual([otherTeacher.email]);
    expect(report.rejected).toHaveLength(1);
    expect((await importRoster(teacher, c.id, alice.email)).alreadyEnrolled).toEqual([alice.email]);
    expect((await getCourse(teacher, c.id))!.pendingEmails).toEqual([newcomer]);
    const signedUp = await user('STUDENT', newcomer);
    const after = await getCourse(teacher, c.id);
    expect(after!.roster.map((r) => r.id).sort()).toEqual([alice.id, signedUp.id].sort());
    expect(after!.pendingEmails).toEqual([]);
    expect((await rejection(importRoster(otherTeacher, c.id, 'x@example.com'))).code).toBe('NOT_FOUND');
    await removeStudent(teacher, c.id, signedUp.id);
    expect((await listCoursesForUser(signedUp)).map((x) => x.id)).not.toContain(c.id);
  });

  it('shows a course only to its instructor and enrolled students, the same as a missing one otherwise', async () => {
    expect(await getCourse(otherTeacher, courseId)).toBeNull();
    expect(await getCourse(outsider, courseId)).toBeNull();
    expect(await getCourse(outsider, 'does-not-exist')).toBeNull();
    const seen = await getCourse(alice, courseId);
    expect(seen!.joinCode).toBeNull();
    expect(seen!.roster).toEqual([]);
  });
});

describe('exercises', () => {
  it('students see only published exercises of their own courses; reference solutions after the due date', async () => {
    const draft = await createAssignment(teacher, form(courseId, { intent: 'save', referenceConfig: JSON.stringify(HE), solutionNotes: 'He: 2/n.' }));
    expect(await getAssignmentForStudent(alice, draft.id)).toBeNull();
    await setAssignmentPublished(teacher, draft.id, true);
    const seen = await getAssignmentForStudent(alice, draft.id);
    expect(seen!.solution).toBeNull();
    expect(await getAssignmentForStudent(outsider, draft.id)).toBeNull();
    expect(await getAssignmentForInstructor(otherTeacher, draft.id)).toBeNull();
    const past = await createAssignment(teacher, form(courseId, { dueAt: new Date(Date.now() - 3_600_000).toISOString(), referenceConfig: JSON.stringify(HE), solutionNotes: 'He: 2/n.' }));
    expect((await getAssignmentForStudent(alice, past.id))!.solution).toEqual({ config: HE, notes: 'He: 2/n.' });
  });

  it('creates a draft from any template in one step, with its reference answer as the solution', async () => {
    for (const tpl of EXERCISE_TEMPLATES) {
      const { id } = await createAssignmentFromTemplate(teacher, courseId, tpl.id);
      const a = await getAssignmentForInstructor(teacher, id);
      expect(a!.title).toBe(tpl.spec.title);
      expect(a!.publishedAt).toBeNull();
      expect(a!.solutionNotes).toBe(tpl.solutionNote);
      expect(a!.referenceConfig).toMatchObject(tpl.referenceAnswer);
    }
    expect((await rejection(createAssignmentFromTemplate(otherTeacher, courseId, EXERCISE_TEMPLATES[0].id))).code).toBe('NOT_FOUND');
  });
});

describe('submissions graded on the server', () => {
  it('grades the server’s own run: a failing and a passing config, with the engine’s numbers', async () => {
    const { id } = await createAssignment(teacher, form(courseId));
    const fail = await submit(alice, id, XAVIER, { explanation: 'first try' });
    expect(fail).toMatchObject({ attempt: 1, passed: false, late: false });
    const pass = await submit(alice, id, HE);
    expect(pass).toMatchObject({ attempt: 2, passed: true, score: 100 });
    const detail = await getSubmission(alice, pass.id);
    // The stored run is the engine's result for the submitted config.
    const expected = simulate(HE, { bandSeeds: 1 }).summary.finalStd;
    expect(detail!.run.result.summary.finalStd).toBe(expected);
    expect(await getSubmission(bob, pass.id)).toBeNull();
    expect(await getSubmission(otherTeacher, pass.id)).toBeNull();
    expect((await getSubmission(teacher, fail.id))!.explanation).toBe('first try');
  });

  it('refuses a changed locked field and stores nothing', async () => {
    const { id } = await createAssignment(teacher, form(courseId));
    const err = await rejection(submit(alice, id, { ...HE, activation: 'tanh' }));
    expect(err.code).toBe('VALIDATION');
    expect(err.userMessage).toContain('activation');
    expect(await (await getDb()).submission.count({ where: { assignmentId: id } })).toBe(0);
  });

  it('stores one submission for a repeated key (a double-click)', async () => {
    const { id } = await createAssignment(teacher, form(courseId));
    const input = submitSchema.parse({ assignmentId: id, config: HE, clientKey: clientKey() });
    const [a, b] = await Promise.all([submitAttempt(alice, input), submitAttempt(alice, input)]);
    expect(a.id).toBe(b.id);
    expect(await (await getDb()).submission.count({ where: { assignmentId: id } })).toBe(1);
  });

  it('applies due date, late confirmation and penalty, cut-off, extension and attempt limit', async () => {
    const now = Date.now();
    const { id } = await createAssignment(
      teacher,
      form(courseId, {
        dueAt: new Date(now - 2 * 3_600_000).toISOString(),
        cutoffAt: new Date(now + 3_600_000).toISOString(),
        latePenaltyPercent: '25',
        maxAttempts: '2',
      }),
    );
    expect((await rejection(submit(alice, id, HE))).userMessage).toBe(LATE_CONFIRM);
    const late = await submit(alice, id, HE, { confirmLate: true });
    expect(late).toMatchObject({ late: true, score: 75, passed: true });
    // After the cut-off: refused.
    expect((await rejection(submit(alice, id, HE, { confirmLate: true }, new Date(now + 2 * 3_600_000)))).userMessage).toBe(CLOSED);
    // Bob's extension moves both dates for him alone.
    await grantExtension(teacher, { assignmentId: id, studentId: bob.id, dueAt: new Date(now + 24 * 3_600_000), cutoffAt: null });
    const onTime = await submit(bob, id, HE, {}, new Date(now + 2 * 3_600_000));
    expect(onTime).toMatchObject({ late: false, score: 100 });
    await submit(alice, id, XAVIER, { confirmLate: true });
    expect((await rejection(submit(alice, id, HE, { confirmLate: true }))).userMessage).toBe(NO_ATTEMPTS);
    expect((await rejection(grantExtension(otherTeacher, { assignmentId: id, studentId: bob.id, dueAt: new Date(), cutoffAt: null }))).code).toBe('NOT_FOUND');
    expect((await rejection(grantExtension(teacher, { assignmentId: id, studentId: outsider.id, dueAt: new Date(), cutoffAt: null }))).code).toBe('NOT_FOUND');

    const grades = (await listGradesForStudent(bob)).find((g) => g.assignmentId === id)!;
    expect(grades).toMatchObject({ attemptsUsed: 1, attemptsLeft: 1, bestScore: 100, late: false });
    expect(grades.deadlines.extended).toBe(true);
    const csv = (await gradesCsv(teacher, id))!.csv.trim().split('\n');
    expect(csv[0]).toBe('name,email,score,attempts,late,submitted_at,due_at');
    const bobRow = csv.find((l) => l.includes(bob.email))!.split(',');
    expect(bobRow.slice(2, 5)).toEqual(['100', '1', 'no']);
    expect(bobRow[6]).toBe(new Date(now + 24 * 3_600_000).toISOString());
    expect(csv.find((l) => l.includes(alice.email))!.split(',').slice(2, 5)).toEqual(['75', '2', 'yes']);
    expect(await gradesCsv(otherTeacher, id)).toBeNull();
  });

  it('feedback and score overrides: only the course’s instructor; the student sees them', async () => {
    const { id } = await createAssignment(teacher, form(courseId));
    const s = await submit(alice, id, XAVIER);
    expect((await rejection(setFeedback(otherTeacher, s.id, 'hi'))).code).toBe('NOT_FOUND');
    expect((await rejection(setFeedback(bob, s.id, 'hi'))).code).toBe('NOT_FOUND');
    expect((await rejection(overrideScore(otherTeacher, s.id, 100, 'x'))).code).toBe('NOT_FOUND');
    await setFeedback(teacher, s.id, 'Look at the gain.');
    await overrideScore(teacher, s.id, 40, 'Good reasoning');
    const mine = await getAssignmentForStudent(alice, id);
    expect(mine!.attempts[0]).toMatchObject({ feedback: 'Look at the gain.', score: 40, overrideReason: 'Good reasoning' });
    const d = await getExerciseDashboard(teacher, id);
    expect(d!.stats.students.find((r) => r.studentId === alice.id)!.score).toBe(40);
    expect(d!.stats.failing.map((f) => f.failures)).toEqual([1, 1]);
    expect(await getExerciseDashboard(otherTeacher, id)).toBeNull();
  });
});

describe('csvSafe', () => {
  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(csvSafe('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    for (const c of ['+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(csvSafe(c).startsWith("'")).toBe(true);
    expect(csvSafe('Ada Lovelace')).toBe('Ada Lovelace');
  });
});
