/**
 * Issue 9, point 7: every server action, driven with hostile input by fast-check, as an anonymous
 * visitor, a student and an instructor. Server actions are public endpoints: whatever arrives, the
 * answer is a typed result (never a thrown error, never INTERNAL, nothing logged as unexpected),
 * and nothing is written. Actions are discovered from lib/actions/ (tests/helpers/server-actions.ts),
 * so one added on another branch is fuzzed here as soon as it is merged.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/session-user';

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('next-auth', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next-auth')>()),
  getServerSession: async () => (session.user ? { user: session.user, expires: '' } : null),
}));
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ 'x-forwarded-for': '203.0.113.9' }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => {}, delete: () => {} }),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, refresh: () => {} }));

import path from 'node:path';
import { getDb } from '@/lib/db';
import { createUser } from '@/lib/data/users';
import { ACTIONS_DIR, discoverActions } from '../helpers/server-actions';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let t: TestDatabase;
const actors: Record<'anonymous' | 'student' | 'instructor', SessionUser | null> = { anonymous: null, student: null, instructor: null };

beforeAll(async () => {
  t = await createTestDatabase();
});
let n = 0;
/** Fresh actors for each test: a valid call may change a password or delete the account. */
beforeEach(async () => {
  n++;
  actors.student = await createUser({ name: 'Fuzz Student', email: `fuzz-student-${n}@example.com`, password: 'a-good-long-password', role: 'STUDENT' });
  actors.instructor = await createUser({ name: 'Fuzz Teacher', email: `fuzz-teacher-${n}@example.com`, password: 'a-good-long-password', role: 'INSTRUCTOR' });
});
afterAll(() => t?.drop());

/** Field names forms use; hostile values are put under these (and random names). */
const FIELD_NAMES = [
  'name', 'email', 'password', 'role', 'instructorCode', 'currentPassword', 'newPassword', 'confirm',
  'title', 'description', 'notes', 'prompt', 'feedback', 'joinCode', 'courseId', 'assignmentId',
  'experimentId', 'submissionId', 'id', 'token', 'config', 'callbackUrl', 'score', 'prediction',
];

const hostileString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom('\u0000', 'a\u0000b', '\u0007\u001b[31m', '\r\n\t', '<script>alert(1)</script>', 'javascript:alert(1)',
    "'; DROP TABLE \"User\"; --", '${7*7}', '%00', '../../etc/passwd', '\uFFFF\uD800', 'x'.repeat(10_000)),
  fc.string({ unit: fc.constantFrom('\u0000', '\u0001', '\u001f', '\u007f', '\u202e', 'a', '@', '.'), maxLength: 50 }),
);

const deep = (depth: number): unknown => (depth === 0 ? 'x' : [deep(depth - 1)]);

/** Hostile FormData: known and random field names, repeated names, control characters, blobs. */
const hostileForm = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.string({ maxLength: 20 })), fc.oneof(hostileString, fc.constant(null))), { maxLength: 12 })
  .map((entries) => {
    const form = new FormData();
    for (const [k, v] of entries) form.append(k, v === null ? new Blob(['\u0000binary']) : v);
    return form;
  });

/** A form that would pass, but for one or two hostile fields: reaches past the first checks. */
const VALID: Record<string, string> = {
  name: 'Valid Name', email: 'valid-person@example.com', password: 'a-good-long-password', role: 'STUDENT',
  currentPassword: 'a-good-long-password', newPassword: 'another-fine-password', confirm: 'on',
  title: 'A title', description: 'Some words', notes: 'Notes', prompt: 'A prompt', feedback: 'Well done',
  joinCode: 'DEMO-INIT', callbackUrl: '/dashboard',
};
const nearlyValidForm = fc
  .tuple(fc.uniqueArray(fc.constantFrom(...Object.keys(VALID)), { minLength: 1, maxLength: 2 }), fc.array(hostileString, { minLength: 2, maxLength: 2 }))
  .map(([keys, values]) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(VALID)) form.append(k, keys.includes(k) ? values[keys.indexOf(k)]! : v);
    return form;
  });

const hostileArgument = fc.oneof(
  { weight: 3, arbitrary: hostileForm },
  { weight: 3, arbitrary: nearlyValidForm },
  { weight: 2, arbitrary: fc.anything({ maxDepth: 4, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(deep(2000), [1, 2, 3], 'garbage', '', null, undefined, 'x'.repeat(10 * 1024 * 1024), { __proto__: { polluted: true } }, Object.create(null)) },
);

type Action = (...args: unknown[]) => Promise<unknown>;

async function rowCounts(): Promise<Record<string, number>> {
  const db = await getDb();
  const rows = await db.$queryRawUnsafe<{ table: string; n: number }[]>(
    `SELECT table_name AS "table", 0 AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
       AND table_name NOT IN ('_prisma_migrations', 'SignInThrottle')`,
  );
  const out: Record<string, number> = {};
  for (const { table } of rows) {
    const [{ n }] = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${table}"`);
    out[table] = Number(n);
  }
  // Password hashes and session versions must not move either.
  const users = await db.user.findMany({ select: { id: true, passwordHash: true, sessionVersion: true, role: true, name: true }, orderBy: { id: 'asc' } });
  out[`users:${JSON.stringify(users)}`] = 1;
  return out;
}

const actions = discoverActions();

describe('every server action survives hostile input', () => {
  it('finds the actions (the discovery itself works)', () => {
    expect(actions.map((a) => a.id)).toEqual(expect.arrayContaining(['auth.signUpAction', 'auth.changePasswordAction', 'auth.deleteAccountAction']));
  });

  describe.each(actions)('$id', ({ file, name }) => {
    it.each(['anonymous', 'student', 'instructor'] as const)('as %s: a typed refusal, nothing written, nothing unexpected logged', async (who) => {
      const mod = (await import(/* @vite-ignore */ path.join(ACTIONS_DIR, file))) as Record<string, Action>;
      const action = mod[name]!;
      session.user = actors[who];
      let before = await rowCounts();
      const logged: unknown[] = [];
      const spy = vi.spyOn(console, 'error').mockImplementation((...args) => void logged.push(args));
      try {
        await fc.assert(
          fc.asyncProperty(hostileArgument, hostileArgument, async (a, b) => {
            let result: unknown;
            try {
              result = await action(a, b);
            } catch (err) {
              throw new Error(`${name} threw ${String(err)}`);
            }
            expect(result).toMatchObject({ ok: expect.any(Boolean) });
            const r = result as { ok: boolean; code?: string; message?: string };
            if (!r.ok) {
              expect(r.code).not.toBe('INTERNAL');
              expect(typeof r.message).toBe('string');
              // A refusal changes nothing.
              expect(await rowCounts()).toEqual(before);
            } else {
              before = await rowCounts();
            }
          }),
          { numRuns: 60 },
        );
      } finally {
        spy.mockRestore();
        session.user = null;
      }
      expect(logged).toEqual([]);
    });
  });
});
