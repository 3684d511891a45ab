/** Accounts on a real database: hashing, duplicates, instructor codes, sign-in and lock-out. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { getEnv } from '@/lib/env';
import { authenticate, BAD_CREDENTIALS, createUser } from '@/lib/data/users';
import { recordFailedSignIn, THROTTLE } from '@/lib/data/sign-in-throttle';
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
    const row = await (await getDb()).user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain('correct horse battery');
  });

  it('refuses a second account with the same e-mail, changing nothing', async () => {
    const email = unique();
    await createUser({ name: 'A', email, password: 'password-one', role: 'STUDENT' });
    const err = await rejection(createUser({ name: 'B', email, password: 'password-two', role: 'INSTRUCTOR' }));
    expect(err.code).toBe('CONFLICT');
    expect(err.fieldErrors?.email).toMatch(/already exists/);
    const rows = await (await getDb()).user.findMany({ where: { email } });
    expect(rows.map((r) => r.name)).toEqual(['A']);
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
      const err = await rejection(createUser({ name: 'T', email, password: 'password-1', role: 'INSTRUCTOR', instructorCode: 'wrong' }));
      expect(err.code).toBe('FORBIDDEN');
      expect(await (await getDb()).user.count({ where: { email } })).toBe(0);
      const ok = await createUser({ name: 'T', email, password: 'password-1', role: 'INSTRUCTOR', instructorCode: 'teach-2026' });
      expect(ok.role).toBe('INSTRUCTOR');
      // Students never need it.
      await expect(createUser({ name: 'S', email: unique(), password: 'password-1', role: 'STUDENT' })).resolves.toMatchObject({ role: 'STUDENT' });
    } finally {
      env.INSTRUCTOR_SIGNUP_CODE = undefined;
    }
  });
});

describe('authenticate', () => {
  it('returns the user for the right password, and the same message for a wrong password or unknown e-mail', async () => {
    const email = unique();
    const created = await createUser({ name: 'Linus', email, password: 'right-password', role: 'STUDENT' });
    await expect(authenticate({ email, password: 'right-password' }, null)).resolves.toEqual(created);
    const wrong = await rejection(authenticate({ email, password: 'wrong-password' }, null));
    const unknown = await rejection(authenticate({ email: unique(), password: 'whatever-1' }, null));
    expect(wrong.userMessage).toBe(BAD_CREDENTIALS);
    expect(unknown.userMessage).toBe(BAD_CREDENTIALS);
  });

  it('locks an e-mail after repeated failures, even for the right password, until the lock expires', async () => {
    const email = unique();
    await createUser({ name: 'Lock', email, password: 'right-password', role: 'STUDENT' });
    for (let i = 0; i < THROTTLE.maxFailuresPerEmail; i++) {
      await rejection(authenticate({ email, password: `wrong-${i}` }, '203.0.113.9'));
    }
    const locked = await rejection(authenticate({ email, password: 'right-password' }, '203.0.113.9'));
    expect(locked.code).toBe('RATE_LIMITED');
    expect(locked.userMessage).toMatch(/wait 15 minutes/);
    // Once the lock has expired (simulated by moving it into the past), the right password works.
    await (await getDb()).signInThrottle.updateMany({ where: { key: `email:${email}` }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    await expect(authenticate({ email, password: 'right-password' }, '203.0.113.9')).resolves.toMatchObject({ email });
  });

  it('starts a new window when the last failure is older than the window', async () => {
    const email = unique();
    const old = new Date(Date.now() - THROTTLE.windowMs - 60_000);
    for (let i = 0; i < THROTTLE.maxFailuresPerEmail - 1; i++) await recordFailedSignIn(email, null, old);
    await recordFailedSignIn(email, null);
    const row = await (await getDb()).signInThrottle.findUniqueOrThrow({ where: { key: `email:${email}` } });
    expect(row.failures).toBe(1);
    expect(row.lockedUntil).toBeNull();
  });
});
