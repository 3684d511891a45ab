/**
 * Every classroom server action, called through its real entry point (session → role → zod →
 * data layer) as the wrong user: anonymous, another student, another instructor. Each call must
 * be refused, and the classroom's tables must be byte-for-byte unchanged afterwards. A coverage
 * check fails when lib/actions/classroom.ts gains an action without a row here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/session-user';

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('next-auth', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next-auth')>()),
  getServerSession: async () => (session.user ? { user: session.user, expires: '' } : null),
}));

import * as actions from '@/lib/actions/classroom';
import { getDb } from '@/lib/db';
import { createUser } from '@/lib/data/users';
import { createCourse, importRoster, joinCourse } from '@/lib/data/courses';
import { createAssignment, grantExtension } from '@/lib/data/assignments';
import { submitAttempt } from '@/lib/data/submissions';
import { assignmentFormSchema, submitSchema } from '@/lib/validation/classroom';
import { simConfigSchema } from '@/lib/validation/sim-config';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let t: TestDatabase;
const people: Record<'teacher' | 'otherTeacher' | 'student' | 'otherStudent', SessionUser> = {} as never;
const ids = { courseId: '', assignmentId: '', submissionId: '', joinCode: '' };
const CONFIG = simConfigSchema.parse({ scheme: 'he-normal', activation: 'relu', layers: 4, width: 16, samples: 8 });

beforeAll(async () => {
  t = await createTestDatabase();
  for (const [k, role] of [['teacher', 'INSTRUCTOR'], ['otherTeacher', 'INSTRUCTOR'], ['student', 'STUDENT'], ['otherStudent', 'STUDENT']] as const) {
    people[k] = (await createUser({ name: k, email: `${k}-${Date.now()}@example.com`, password: 'a-good-long-password', role }))!;
  }
  const c = await createCourse(people.teacher, { title: 'Mine', description: '' });
  ids.courseId = c.id;
  ids.joinCode = c.joinCode;
  await joinCourse(people.student, c.joinCode);
  await importRoster(people.teacher, c.id, 'pending@example.com');
  const a = await createAssignment(
    people.teacher,
    assignmentFormSchema.parse({ courseId: c.id, title: 'T', prompt: 'P', baseConfig: CONFIG, editableFields: ['scheme'], criteria: [{ kind: 'signal-state', state: 'stable' }], intent: 'publish' }),
  );
  ids.assignmentId = a.id;
  await grantExtension(people.teacher, { assignmentId: a.id, studentId: people.student.id, dueAt: new Date(Date.now() + 86_400_000), cutoffAt: null });
  const s = await submitAttempt(people.student, submitSchema.parse({ assignmentId: a.id, config: CONFIG, clientKey: 'setup-key-0123456789' }));
  ids.submissionId = s.id;
});
afterAll(() => t?.drop());

async function snapshot(): Promise<string> {
  const db = await getDb();
  const all = await Promise.all([
    db.course.findMany({ orderBy: { id: 'asc' } }),
    db.enrollment.findMany({ orderBy: { id: 'asc' } }),
    db.pendingEnrollment.findMany({ orderBy: { id: 'asc' } }),
    db.assignment.findMany({ orderBy: { id: 'asc' } }),
    db.extension.findMany({ orderBy: { id: 'asc' } }),
    db.submission.findMany({ orderBy: { id: 'asc' } }),
  ]);
  return JSON.stringify(all);
}

type Caller = 'anonymous' | 'otherStudent' | 'otherTeacher' | 'student' | 'teacher';
interface Row {
  action: keyof typeof actions;
  input: () => unknown;
  /** Callers who must be refused. */
  refused: Caller[];
}

const form = (o: Record<string, string | string[]>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(o)) for (const x of [v].flat()) f.append(k, x);
  return f;
};
const exerciseForm = (extra: Record<string, string> = {}) =>
  form({ courseId: ids.courseId, title: 'X', prompt: 'Y', baseConfig: JSON.stringify(CONFIG), editableFields: 'scheme', criteria: '[{"kind":"signal-state","state":"stable"}]', ...extra });

const ALL_BUT_OWNER: Caller[] = ['anonymous', 'otherStudent', 'otherTeacher', 'student'];
const ROWS: Row[] = [
  { action: 'createCourseAction', input: () => form({ title: 'New' }), refused: ['anonymous', 'student', 'otherStudent'] },
  { action: 'updateCourseAction', input: () => form({ courseId: ids.courseId, title: 'Hijacked' }), refused: ALL_BUT_OWNER },
  { action: 'archiveCourseAction', input: () => ({ courseId: ids.courseId, archived: true }), refused: ALL_BUT_OWNER },
  { action: 'regenerateJoinCodeAction', input: () => ({ courseId: ids.courseId }), refused: ALL_BUT_OWNER },
  { action: 'joinCourseAction', input: () => form({ joinCode: ids.joinCode }), refused: ['anonymous', 'teacher', 'otherTeacher'] },
  { action: 'removeStudentAction', input: () => ({ courseId: ids.courseId, studentId: people.student.id }), refused: ALL_BUT_OWNER },
  { action: 'importRosterAction', input: () => form({ courseId: ids.courseId, csv: 'someone@example.com' }), refused: ALL_BUT_OWNER },
  { action: 'removePendingEnrollmentAction', input: () => ({ courseId: ids.courseId, email: 'pending@example.com' }), refused: ALL_BUT_OWNER },
  { action: 'saveAssignmentAction', input: () => exerciseForm(), refused: ALL_BUT_OWNER },
  { action: 'saveAssignmentAction', input: () => exerciseForm({ assignmentId: ids.assignmentId, intent: 'unpublish' }), refused: ALL_BUT_OWNER },
  { action: 'createFromTemplateAction', input: () => ({ courseId: ids.courseId, templateId: 'fix-vanishing-relu' }), refused: ALL_BUT_OWNER },
  { action: 'deleteAssignmentAction', input: () => ({ assignmentId: ids.assignmentId }), refused: ALL_BUT_OWNER },
  { action: 'grantExtensionAction', input: () => form({ assignmentId: ids.assignmentId, studentId: people.student.id, dueAt: '2030-01-01T00:00:00Z' }), refused: ALL_BUT_OWNER },
  { action: 'revokeExtensionAction', input: () => ({ assignmentId: ids.assignmentId, studentId: people.student.id }), refused: ALL_BUT_OWNER },
  {
    action: 'submitAttemptAction',
    input: () => ({ assignmentId: ids.assignmentId, config: CONFIG, clientKey: `k-${Math.random().toString(36).slice(2)}-0123456789` }),
    refused: ['anonymous', 'otherStudent', 'teacher', 'otherTeacher'],
  },
  { action: 'setFeedbackAction', input: () => form({ submissionId: ids.submissionId, feedback: 'sneaky' }), refused: ALL_BUT_OWNER },
  { action: 'overrideScoreAction', input: () => form({ submissionId: ids.submissionId, score: '100', reason: 'sneaky' }), refused: ALL_BUT_OWNER },
];

describe('every classroom action refuses the wrong user and changes nothing', () => {
  it('has a row for every exported action', () => {
    const source = readFileSync(path.resolve('lib/actions/classroom.ts'), 'utf8');
    const exported = [...source.matchAll(/export async function (\w+Action)\b/g)].map((m) => m[1]).sort();
    expect([...new Set(ROWS.map((r) => r.action))].sort()).toEqual(exported);
  });

  for (const row of ROWS) {
    for (const caller of row.refused) {
      it(`${row.action} as ${caller}`, async () => {
        const before = await snapshot();
        session.user = caller === 'anonymous' ? null : people[caller];
        const fn = actions[row.action] as (input: unknown) => Promise<{ ok: boolean; code?: string }>;
        const res = await fn(row.input());
        session.user = null;
        expect(res.ok).toBe(false);
        expect(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND']).toContain(res.code);
        expect(await snapshot()).toBe(before);
      });
    }
  }

  it('the owner’s own call goes through (the rows above are refused for the caller, not the input)', async () => {
    session.user = people.teacher;
    const res = await actions.setFeedbackAction(form({ submissionId: ids.submissionId, feedback: 'Good.' }));
    session.user = null;
    expect(res.ok).toBe(true);
    expect((await (await getDb()).submission.findUnique({ where: { id: ids.submissionId } }))!.feedback).toBe('Good.');
  });
});
