/** Accounts on a real database: hashing, duplicates, instructor codes, password policy, sign-in. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { getEnv } from '@/lib/env';
import { authenticate, BAD_CREDENTIALS, createUser } from '@/lib/data/users';
import { THROTTLE } from '@/lib/data/sign-in-throttle';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.drop());

let n = 0;
const unique = () => `user${++n}-${Date.now()}@example.com`;

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('createUser', () => {
  it('stores an argon2id hash, never the password, and lower-cases the e-mail', async () => {
    const email = unique();
    const user = await createUser({ name: 'Grace', email: email.toUpperCase(), password: 'correct horse battery', role: 'STUDENT' });
    expect(user).toEqual({ id: expect.any(String), email, name: 'Grace', role: 'STUDENT' });
    const row = await (await getDb()).user.findUniqueOrThrow({ where: { id: user!.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain('correct horse battery');
  });

  it('creates no second account with the same e-mail, and answers without an error (no enumeration)', async () => {
    const email = unique();
    await createUser({ name: 'A', email, password: 'password-one', role: 'STUDENT' });
    // The caller gets null rather than an error it could show: the action turns both into ok.
    await expect(createUser({ name: 'B', email, password: 'password-two', role: 'INSTRUCTOR' })).resolves.toBeNull();
    const rows = await (await getDb()).user.findMany({ where: { email } });
    expect(rows.map((r) => [r.name, r.role])).toEqual([['A', 'STUDENT']]);
  });

  it('names each invalid field: empty, malformed and over-long values', async () => {
    const err = await rejection(createUser({ name: '', email: 'not-an-email', password: 'short', role: 'ADMIN' }));
    expect(err.code).toBe('VALIDATION');
    expect(Object.keys(err.fieldErrors ?? {}).sort()).toEqual(['email', 'name', 'password', 'role']);
    const long = await rejection(createUser({ name: 'x'.repeat(101), email: unique(), password: 'p'.repeat(129), role: 'STUDENT' }));
    expect(long.fieldErrors).toMatchObject({ name: expect.stringMatching(/at most 100/), password: expect.stringMatching(/at most 128/) });
  });

  it('requires the instructor code when the deployer set one', async () => {
    // The environment is parsed once per process; set the code on the parsed copy for this test.
    const env = getEnv();
    env.INSTRUCTOR_SIGNUP_CODE = 'teach-2026';
    try {
      const email = unique();
      const err = await rejection(createUser({ name: 'T', email, password: 'teaching-password', role: 'INSTRUCTOR', instructorCode: 'wrong' }));
      expect(err.code).toBe('FORBIDDEN');
      expect(await (await getDb()).user.count({ where: { email } })).toBe(0);
      const ok = await createUser({ name: 'T', email, password: 'teaching-password', role: 'INSTRUCTOR', instructorCode: 'teach-2026' });
      expect(ok?.role).toBe('INSTRUCTOR');
      // Students never need it.
      await expect(createUser({ name: 'S', email: unique(), password: 'teaching-password', role: 'STUDENT' })).resolves.toMatchObject({ role: 'STUDENT' });
    } finally {
      env.INSTRUCTOR_SIGNUP_CODE = undefined;
    }
  });
});

describe('authenticate', () => {
  it('returns the user for the right password, and the same message for a wrong password or unknown e-mail', async () => {
    const email = unique();
    const created = await createUser({ name: 'Linus', email, password: 'right-password', role: 'STUDENT' });
    await expect(authenticate({ email, password: 'right-password' }, null)).resolves.toEqual({ ...created, sessionVersion: 0 });
    const wrong = await rejection(authenticate({ email, password: 'wrong-password' }, null));
    const unknown = await rejection(authenticate({ email: unique(), password: 'whatever-1' }, null));
    expect(wrong.userMessage).toBe(BAD_CREDENTIALS);
    expect(unknown.userMessage).toBe(BAD_CREDENTIALS);
  });

  it('returns the session version with the user, for the token', async () => {
    const email = unique();
    await createUser({ name: 'Ver', email, password: 'right-password', role: 'STUDENT' });
    await expect(authenticate({ email, password: 'right-password' }, null)).resolves.toMatchObject({ email, sessionVersion: 0 });
  });
});
