/**
 * Issue 9, point 9: every page, route handler and server action × anonymous, student A (in the
 * course), student B (not in it), the course's instructor and another instructor, on the
 * production build. The expected outcome is written once, in ROUTES and ACTIONS below; the
 * targets are discovered (pages and routes from app/ on disk, actions from lib/actions and the
 * build's manifest), and a target without a row fails the test. Leaks fail it too: on every page a
 * caller may open, fixture data they may not see (another user's e-mail, a course they are not in,
 * a join code) must be absent from the HTML, and a refused action must change nothing.
 *
 * Adding a page or action? Add one line to ROUTES or ACTIONS (see the README's security section).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import { discoverActions } from '../tests/helpers/server-actions';
import { dbAvailable, enroll, seedCourse, seedUser, sql, type SeededUser } from './helpers/db';
import { actionKey, builtActions, callAction } from './helpers/server-actions';
import { apiSignIn } from './helpers/sessions';
import { PASSWORD } from './helpers';

// ---------------------------------------------------------------------------------------------
// The table. One line per page / route handler / action.
// ---------------------------------------------------------------------------------------------

type Who = 'anonymous' | 'studentA' | 'studentB' | 'instructor' | 'otherInstructor';
const WHO: Who[] = ['anonymous', 'studentA', 'studentB', 'instructor', 'otherInstructor'];

/** ok = 200; sign-in = redirect to the sign-in page; forbidden = 403; not-found = 404; method-not-allowed = 405 (a POST-only route asked with GET); redirect:/x. */
type Outcome = 'ok' | 'sign-in' | 'forbidden' | 'not-found' | 'method-not-allowed' | `redirect:${string}`;
/** What an action returns: ok, or the error code of its typed refusal. */
type ActionOutcome = 'ok' | 'VALIDATION' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'RATE_LIMITED';

/** Fixture data that only some callers may see. Everyone may see their own e-mail and name. */
type Secret = 'courseTitle' | 'courseDescription' | 'joinCode' | 'studentAEmail' | 'studentBEmail' | 'instructorEmail' | 'otherInstructorEmail';

interface Fixture {
  users: Record<Exclude<Who, 'anonymous'>, SeededUser>;
  course: { id: string; title: string; description: string; joinCode: string };
  /** A published exercise of the course (classroom rows). */
  assignment: { id: string };
}

interface RouteRow {
  /** The URL to request, for dynamic routes (default: the pattern itself). */
  url?: (f: Fixture) => string;
  /** A function when an outcome names fixture ids (a redirect to a course's own page). */
  expect: Record<Who, Outcome> | ((f: Fixture) => Record<Who, Outcome>);
  /** The secrets each caller may see on this page; every other secret must be absent. */
  sees?: Partial<Record<Who, Secret[]>>;
}

interface ActionRow {
  /** The arguments (default: one empty form), built per caller. */
  args?: (f: Fixture, who: Who) => unknown[];
  expect: Record<Who, ActionOutcome>;
}

/** Instructor-only classroom actions: anonymous must sign in, students are refused by role. */
const INSTRUCTOR_ROLE_OK = { anonymous: 'UNAUTHENTICATED', studentA: 'FORBIDDEN', studentB: 'FORBIDDEN', instructor: 'ok', otherInstructor: 'ok' } as const;
/** On the fixture course: only its own instructor succeeds; another gets the same NOT_FOUND as for a missing row. */
const OWNER_OK = { ...INSTRUCTOR_ROLE_OK, otherInstructor: 'NOT_FOUND' } as const;
const MATRIX_CONFIG = { scheme: 'he-normal', activation: 'relu', layers: 4, width: 16, samples: 8 };

const everyone = <T,>(o: T): Record<Who, T> => ({ anonymous: o, studentA: o, studentB: o, instructor: o, otherInstructor: o });
const signedIn = <T,>(anonymous: T, o: T): Record<Who, T> => ({ ...everyone(o), anonymous });
const instructorsOnly: Record<Who, Outcome> = {
  anonymous: 'sign-in',
  studentA: 'forbidden',
  studentB: 'forbidden',
  instructor: 'ok',
  otherInstructor: 'ok',
};
/** A page of one course for its instructor: students are refused by role, another instructor sees a 404. */
const OWNER_ONLY: Record<Who, Outcome> = { anonymous: 'sign-in', studentA: 'forbidden', studentB: 'forbidden', instructor: 'ok', otherInstructor: 'not-found' };
const COURSE_MEMBERS = { studentA: ['courseTitle', 'courseDescription'], instructor: ['courseTitle', 'courseDescription', 'joinCode'] } satisfies Partial<Record<Who, Secret[]>>;

/** Pages and route handlers, keyed by their path pattern under app/ (route groups left out). */
export const ROUTES: Record<string, RouteRow> = {
  '/': { expect: everyone('ok') },
  '/simulator': { expect: everyone('ok') },
  '/train': { expect: everyone('ok') },
  '/lessons': { expect: everyone('ok') },
  '/lessons/[slug]': { url: () => '/lessons/xavier-glorot', expect: everyone('ok') },
  '/lessons/teacher-guide': { expect: everyone('ok') },
  '/sign-in': { expect: signedIn<Outcome>('ok', 'redirect:/dashboard') },
  '/sign-up': { expect: signedIn<Outcome>('ok', 'redirect:/dashboard') },
  '/dashboard': { expect: signedIn<Outcome>('sign-in', 'ok'), sees: COURSE_MEMBERS },
  '/account': { expect: signedIn<Outcome>('sign-in', 'ok') },
  '/instructor': { expect: instructorsOnly, sees: { instructor: ['courseTitle', 'joinCode'] } },
  '/api/health': { expect: everyone('ok') },
  // Runs are public and owned by no one (a run is a pure function of its config); POST-only.
  '/api/runs': { expect: everyone('method-not-allowed') },
  '/api/runs/[id]': { url: () => '/api/runs/nosuchrun', expect: everyone('not-found') },
  // Experiments are private: a made-up id answers like someone else's (not-found), signed-out callers sign in.
  '/experiments': { expect: signedIn<Outcome>('sign-in', 'ok') },
  '/experiments/[id]': { url: () => `/experiments/${MADE_UP_ID}`, expect: signedIn<Outcome>('sign-in', 'not-found') },
  '/experiments/compare': { url: () => `/experiments/compare?e=${MADE_UP_ID}&s=${MADE_UP_ID.replace(/c/g, 'd')}`, expect: signedIn<Outcome>('sign-in', 'not-found') },
  // Shared runs are public; a token that opens nothing is a 404 for everyone.
  '/share/[token]': { url: () => `/share/${'x'.repeat(43)}`, expect: everyone('not-found') },
  // The classroom (issue 11). Instructors' pages: the course's own instructor only; another
  // instructor gets the same 404 as for a course that does not exist.
  '/instructor/courses/new': { expect: instructorsOnly },
  '/instructor/courses/[courseId]': {
    url: (f) => `/instructor/courses/${f.course.id}`,
    expect: OWNER_ONLY,
    sees: { instructor: ['courseTitle', 'courseDescription', 'joinCode', 'studentAEmail'] },
  },
  '/instructor/courses/[courseId]/exercises/new': { url: (f) => `/instructor/courses/${f.course.id}/exercises/new`, expect: OWNER_ONLY, sees: { instructor: ['courseTitle'] } },
  '/instructor/courses/[courseId]/templates': { url: (f) => `/instructor/courses/${f.course.id}/templates`, expect: OWNER_ONLY, sees: { instructor: ['courseTitle'] } },
  '/instructor/exercises/[assignmentId]': {
    url: (f) => `/instructor/exercises/${f.assignment.id}`,
    expect: OWNER_ONLY,
    sees: { instructor: ['courseTitle', 'studentAEmail'] },
  },
  '/instructor/exercises/[assignmentId]/edit': { url: (f) => `/instructor/exercises/${f.assignment.id}/edit`, expect: OWNER_ONLY, sees: { instructor: ['courseTitle'] } },
  '/instructor/exercises/[assignmentId]/grades.csv': {
    url: (f) => `/instructor/exercises/${f.assignment.id}/grades.csv`,
    expect: OWNER_ONLY,
    sees: { instructor: ['studentAEmail'] },
  },
  '/instructor/submissions/[submissionId]': { url: () => '/instructor/submissions/e2enosuchsubmission', expect: { ...OWNER_ONLY, instructor: 'not-found' } },
  // Students' pages: enrolled students only; instructors are sent to their own view.
  '/courses/[courseId]': {
    url: (f) => `/courses/${f.course.id}`,
    expect: (f) => ({ anonymous: 'sign-in', studentA: 'ok', studentB: 'not-found', instructor: `redirect:/instructor/courses/${f.course.id}`, otherInstructor: `redirect:/instructor/courses/${f.course.id}` }),
    sees: { studentA: ['courseTitle', 'courseDescription'] },
  },
  '/exercises/[assignmentId]': {
    url: (f) => `/exercises/${f.assignment.id}`,
    expect: (f) => ({ anonymous: 'sign-in', studentA: 'ok', studentB: 'not-found', instructor: `redirect:/instructor/exercises/${f.assignment.id}`, otherInstructor: `redirect:/instructor/exercises/${f.assignment.id}` }),
    sees: { studentA: ['courseTitle'] },
  },
  '/grades': {
    expect: { anonymous: 'sign-in', studentA: 'ok', studentB: 'ok', instructor: 'redirect:/instructor', otherInstructor: 'redirect:/instructor' },
    sees: { studentA: ['courseTitle'] },
  },
  '/api/auth/[...nextauth]': { url: () => '/api/auth/session', expect: everyone('ok') },
};

const MADE_UP_ID = 'c'.repeat(25);
const byId = (): unknown[] => [{ id: MADE_UP_ID }];
const ownerOnly = signedIn<ActionOutcome>('UNAUTHENTICATED', 'NOT_FOUND');

/** Server actions, keyed "<file in lib/actions>.<export>". */
export const ACTIONS: Record<string, ActionRow> = {
  'experiments.saveExperimentAction': { args: () => [{ config: { scheme: 'he-normal' }, title: 'x' }], expect: signedIn<ActionOutcome>('UNAUTHENTICATED', 'VALIDATION') },
  'experiments.updateExperimentAction': { args: () => [{ id: MADE_UP_ID, title: 'mine now' }], expect: ownerOnly },
  'experiments.deleteExperimentAction': { args: byId, expect: ownerOnly },
  'experiments.restoreExperimentAction': { args: byId, expect: ownerOnly },
  'experiments.forkExperimentAction': { args: byId, expect: ownerOnly },
  'experiments.rerunExperimentAction': { args: byId, expect: ownerOnly },
  'experiments.createShareLinkAction': { args: byId, expect: ownerOnly },
  'experiments.revokeShareLinkAction': { args: byId, expect: ownerOnly },
  'experiments.forkSharedRunAction': { args: () => [{ token: 'x'.repeat(43) }], expect: ownerOnly },
  'auth.signUpAction': { expect: everyone('VALIDATION') },
  'auth.changePasswordAction': {
    args: () => [null, form({ currentPassword: 'not-the-password', newPassword: 'another-fine-password' })],
    expect: signedIn<ActionOutcome>('UNAUTHENTICATED', 'VALIDATION'),
  },
  'auth.deleteAccountAction': {
    args: () => [null, form({ password: 'not-the-password', confirm: 'on' })],
    expect: signedIn<ActionOutcome>('UNAUTHENTICATED', 'VALIDATION'),
  },
  // The classroom (issue 11). Calls that succeed leave the fixture's secrets as they were.
  'classroom.createCourseAction': { args: () => [form({ title: 'Matrix extra course' })], expect: INSTRUCTOR_ROLE_OK },
  'classroom.updateCourseAction': { args: (f) => [form({ courseId: f.course.id, title: f.course.title, description: f.course.description })], expect: OWNER_OK },
  'classroom.archiveCourseAction': { args: (f) => [{ courseId: f.course.id, archived: false }], expect: OWNER_OK },
  'classroom.joinCourseAction': {
    // Student B is given a wrong code, so the fixture's roster does not change.
    args: (f, who) => [form({ joinCode: who === 'studentB' ? 'ZZZZ-ZZZZ' : f.course.joinCode })],
    expect: { anonymous: 'UNAUTHENTICATED', studentA: 'ok', studentB: 'NOT_FOUND', instructor: 'FORBIDDEN', otherInstructor: 'FORBIDDEN' },
  },
  // After the join row: the fixture's join code changes here (the old one is then no secret left on any page).
  'classroom.regenerateJoinCodeAction': { args: (f) => [{ courseId: f.course.id }], expect: OWNER_OK },
  'classroom.removeStudentAction': { args: (f) => [{ courseId: f.course.id, studentId: f.users.studentB.id }], expect: { ...OWNER_OK, instructor: 'NOT_FOUND' } },
  'classroom.importRosterAction': { args: (f) => [form({ courseId: f.course.id, csv: 'matrix-pending@example.com' })], expect: OWNER_OK },
  'classroom.removePendingEnrollmentAction': { args: (f) => [{ courseId: f.course.id, email: 'matrix-pending@example.com' }], expect: OWNER_OK },
  'classroom.saveAssignmentAction': {
    args: (f) => [form({ courseId: f.course.id, title: 'Matrix exercise', prompt: 'p', baseConfig: JSON.stringify(MATRIX_CONFIG), editableFields: 'scheme', criteria: '[{"kind":"signal-state","state":"stable"}]' })],
    expect: OWNER_OK,
  },
  'classroom.createFromTemplateAction': { args: (f) => [{ courseId: f.course.id, templateId: 'fix-vanishing-relu' }], expect: OWNER_OK },
  'classroom.deleteAssignmentAction': { args: () => [{ assignmentId: 'e2enosuchassignment' }], expect: { ...OWNER_OK, instructor: 'NOT_FOUND' } },
  'classroom.grantExtensionAction': { args: (f) => [form({ assignmentId: f.assignment.id, studentId: f.users.studentA.id, dueAt: '2030-01-01T00:00:00.000Z' })], expect: OWNER_OK },
  'classroom.revokeExtensionAction': { args: (f) => [{ assignmentId: f.assignment.id, studentId: f.users.studentA.id }], expect: OWNER_OK },
  'classroom.submitAttemptAction': {
    args: (f, who) => [{ assignmentId: f.assignment.id, config: MATRIX_CONFIG, clientKey: `matrix-${who}-${Date.now()}-key` }],
    expect: { anonymous: 'UNAUTHENTICATED', studentA: 'ok', studentB: 'NOT_FOUND', instructor: 'FORBIDDEN', otherInstructor: 'FORBIDDEN' },
  },
  'classroom.setFeedbackAction': { args: () => [form({ submissionId: 'e2enosuchsubmission', feedback: 'x' })], expect: { ...OWNER_OK, instructor: 'NOT_FOUND' } },
  'classroom.overrideScoreAction': { args: () => [form({ submissionId: 'e2enosuchsubmission', score: '50', reason: 'x' })], expect: { ...OWNER_OK, instructor: 'NOT_FOUND' } },
};

// ---------------------------------------------------------------------------------------------
// Discovery and the checks. Nothing below needs to change when a row is added.
// ---------------------------------------------------------------------------------------------

function form(fields: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
}

const APP = path.resolve(import.meta.dirname, '..', 'app');

/** Every page.tsx and route.ts under app/, as its URL pattern. */
function discoverRoutes(dir = APP, segments: string[] = []): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      // Private folders (_x) are not routes; route groups ((x)) add no segment.
      if (entry.name.startsWith('_')) continue;
      const next = /^\(.*\)$/.test(entry.name) ? segments : [...segments, entry.name];
      out.push(...discoverRoutes(path.join(dir, entry.name), next));
    } else if (/^(page|route)\.(tsx?|jsx?)$/.test(entry.name)) {
      out.push(`/${segments.join('/')}`);
    }
  }
  return out.sort();
}

function discoveredActionKeys(): string[] {
  const fromSource = discoverActions().map((a) => a.id);
  const fromBuild = builtActions().map(actionKey);
  return [...new Set([...fromSource, ...fromBuild])].sort();
}

test('every page, route handler and server action has a row in the matrix', () => {
  const routes = discoverRoutes();
  const actions = discoveredActionKeys();
  expect(routes.length).toBeGreaterThan(5);
  expect(actions.length).toBeGreaterThan(0);
  expect(routes.filter((r) => !ROUTES[r]), 'pages/routes without a row in ROUTES').toEqual([]);
  expect(actions.filter((a) => !ACTIONS[a]), 'actions without a row in ACTIONS').toEqual([]);
  expect(Object.keys(ROUTES).filter((r) => !routes.includes(r)), 'rows for pages that no longer exist').toEqual([]);
  expect(Object.keys(ACTIONS).filter((a) => !actions.includes(a)), 'rows for actions that no longer exist').toEqual([]);
});

test.describe('the matrix on the production build', () => {
  test.skip(!dbAvailable(), 'needs the e2e database on a PostgreSQL server (DATABASE_URL) for course fixtures');

  let f: Fixture;
  const contexts = {} as Record<Who, APIRequestContext>;
  const secrets = {} as Record<Secret, string>;

  test.beforeAll(async ({ baseURL }) => {
    const tag = Date.now().toString(36);
    const users = {
      studentA: await seedUser('STUDENT', `Student A ${tag}`, PASSWORD),
      studentB: await seedUser('STUDENT', `Student B ${tag}`, PASSWORD),
      instructor: await seedUser('INSTRUCTOR', `Teacher ${tag}`, PASSWORD),
      otherInstructor: await seedUser('INSTRUCTOR', `Other Teacher ${tag}`, PASSWORD),
    };
    const description = `Secret syllabus ${tag}`;
    const course = await seedCourse(users.instructor.id, `Matrix course ${tag}`, description);
    await enroll(course.id, users.studentA.id);
    const assignmentId = `e2e${tag}ex`;
    await sql(
      `INSERT INTO "Assignment" (id, "courseId", title, prompt, "baseConfig", "editableFields", criteria, "publishedAt", "updatedAt")
       VALUES ($1, $2, 'Matrix exercise', 'Make it stable.', $3::jsonb, ARRAY['scheme'], $4::jsonb, now(), now())`,
      [assignmentId, course.id, JSON.stringify(MATRIX_CONFIG), JSON.stringify([{ kind: 'signal-state', state: 'stable' }])],
    );
    f = { users, course: { ...course, description }, assignment: { id: assignmentId } };
    Object.assign(secrets, {
      courseTitle: course.title,
      courseDescription: description,
      joinCode: course.joinCode,
      studentAEmail: users.studentA.email,
      studentBEmail: users.studentB.email,
      instructorEmail: users.instructor.email,
      otherInstructorEmail: users.otherInstructor.email,
    } satisfies Record<Secret, string>);
    let octet = 10;
    for (const who of WHO) {
      contexts[who] = await playwrightRequest.newContext({ baseURL });
      if (who !== 'anonymous') {
        const r = await apiSignIn(contexts[who], users[who].email, PASSWORD, `192.0.2.${octet++}`);
        expect(r, `${who} signs in`).toEqual({ ok: true, error: null });
      }
    }
  });

  test.afterAll(async () => {
    for (const c of Object.values(contexts)) await c?.dispose();
  });

  /** The secrets that are this caller's own. */
  function own(who: Who): Secret[] {
    return ({ anonymous: [], studentA: ['studentAEmail'], studentB: ['studentBEmail'], instructor: ['instructorEmail'], otherInstructor: ['otherInstructorEmail'] } as const)[who].slice();
  }

  for (const [pattern, row] of Object.entries(ROUTES)) {
    test(`route ${pattern}`, async () => {
      const url = row.url?.(f) ?? pattern;
      const problems: string[] = [];
      for (const who of WHO) {
        const res = await contexts[who].get(url, { maxRedirects: 0 });
        const status = res.status();
        const location = res.headers().location ?? '';
        const expected = (typeof row.expect === 'function' ? row.expect(f) : row.expect)[who];
        const actual =
          status === 200
            ? 'ok'
            : status === 403
              ? 'forbidden'
              : status === 404
                ? 'not-found'
                : status === 405
                  ? 'method-not-allowed'
                : status >= 300 && status < 400 && /\/sign-in\?callbackUrl=/.test(location)
                  ? 'sign-in'
                  : status >= 300 && status < 400
                    ? `redirect:${new URL(location, 'http://x').pathname}`
                    : `status ${status}`;
        if (actual !== expected) problems.push(`${who}: expected ${expected}, got ${actual}`);
        if (status === 200 || status === 403 || status === 404) {
          const body = await res.text();
          const allowed = new Set<Secret>([...(row.sees?.[who] ?? []), ...own(who)]);
          for (const [name, value] of Object.entries(secrets) as [Secret, string][]) {
            if (!allowed.has(name) && body.includes(value)) problems.push(`${who}: sees ${name}`);
          }
        }
      }
      expect(problems).toEqual([]);
    });
  }

  /**
   * Everything a refused action must leave alone: each table's row count and every user's role,
   * name, password hash and session version, read in one statement (a connection per table made
   * the snapshot the slowest part of the matrix).
   */
  let tables: string[] | null = null;
  async function snapshot(): Promise<string> {
    tables ??= (
      await sql<{ t: string }>(
        `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('_prisma_migrations', 'SignInThrottle') ORDER BY 1`,
      )
    ).map((r) => r.t);
    const counts = tables.map((t) => `'${t}:' || (SELECT count(*) FROM "${t}")`).join(", ");
    const users = `(SELECT string_agg(concat_ws('|', id, role, name, "passwordHash", "sessionVersion"), ',' ORDER BY id) FROM "User")`;
    return (await sql<{ s: string }>(`SELECT concat_ws(';', ${counts}, ${users}) AS s`))[0]!.s;
  }

  for (const [key, row] of Object.entries(ACTIONS)) {
    test(`action ${key}`, async () => {
      const action = builtActions().find((a) => actionKey(a) === key);
      expect(action, `${key} is in the build`).toBeTruthy();
      const problems: string[] = [];
      let octet = 50;
      for (const who of WHO) {
        const before = await snapshot();
        const args = row.args?.(f, who) ?? [new FormData()];
        const { status, result } = await callAction(contexts[who], action!, args, { 'x-forwarded-for': `192.0.2.${octet++}` });
        const r = result as { ok?: boolean; code?: string } | null;
        const actual = status !== 200 ? `status ${status}` : r?.ok ? 'ok' : (r?.code ?? 'no result');
        if (actual !== row.expect[who]) problems.push(`${who}: expected ${row.expect[who]}, got ${actual}`);
        if (row.expect[who] !== 'ok' && (await snapshot()) !== before) problems.push(`${who}: a refused call changed data`);
      }
      expect(problems).toEqual([]);
    });
  }
});
