/**
 * Issue 9, points 1, 3, 4 and 6 on a real database (PostgreSQL server, or PGlite without
 * DATABASE_URL): guesses are counted atomically before any password is checked, the limits per
 * pair / address / account, sign-up's limit and order of checks, the password policy, instructor
 * sign-up policy, and the session version.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

// Counts the expensive argon2 calls, to prove what is (and is not) verified or hashed.
const calls = vi.hoisted(() => ({ verify: 0, hash: 0 }));
vi.mock('@/lib/auth/password', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/auth/password')>();
  return {
    ...real,
    verifyPassword: async (h: string, p: string) => {
      calls.verify++;
      return real.verifyPassword(h, p);
    },
    hashPassword: async (p: string) => {
      calls.hash++;
      return real.hashPassword(p);
    },
  };
});

import { getDb } from '@/lib/db';
import { getEnv, instructorSignUp } from '@/lib/env';
import { AppError } from '@/lib/errors';
import {
  authenticate,
  BAD_CREDENTIALS,
  changePassword,
  createUser,
  deleteAccount,
  endAllSessions,
  getSessionState,
} from '@/lib/data/users';
import { countAttempt, THROTTLE } from '@/lib/data/sign-in-throttle';
import { buildAuthOptions } from '@/lib/auth/options';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await getDb();
});
afterAll(() => t?.drop());
beforeEach(() => {
  calls.verify = 0;
  calls.hash = 0;
});

let n = 0;
const unique = (p = 'u') => `${p}${++n}-${Date.now()}@example.com`;
const PASSWORD = 'a-good-long-password';

async function outcome(p: Promise<unknown>): Promise<string> {
  return p.then(
    () => 'ok',
    (e: unknown) => (e instanceof AppError ? e.code : `unexpected: ${String(e)}`),
  );
}

async function student(email = unique()) {
  const user = await createUser({ name: 'Stu', email, password: PASSWORD, role: 'STUDENT' });
  return user!;
}

describe('sign-in throttling (points 1 and 3)', () => {
  it('checks at most the limit of 30 simultaneous wrong passwords for one account from one address', async () => {
    const { email } = await student();
    calls.verify = 0;
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => outcome(authenticate({ email, password: `wrong-${i}` }, '198.51.100.1'))),
    );
    const counts = results.reduce<Record<string, number>>((m, r) => ({ ...m, [r]: (m[r] ?? 0) + 1 }), {});
    expect(counts).toEqual({ UNAUTHENTICATED: THROTTLE.pair.max, RATE_LIMITED: 30 - THROTTLE.pair.max });
    expect(calls.verify).toBe(THROTTLE.pair.max);
  });

  it('counts concurrent attempts exactly (the statement is atomic)', async () => {
    const key = `test:${unique()}`;
    const counted = await Promise.all(
      Array.from({ length: 40 }, () => countAttempt([{ key, max: 1000, windowMs: 60_000 }])),
    );
    expect(counted.map((c) => c[0]!.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('says how long to wait, and refuses even the right password while the pair is over the limit', async () => {
    const { email } = await student();
    for (let i = 0; i < THROTTLE.pair.max; i++) await outcome(authenticate({ email, password: `wrong-${i}` }, '198.51.100.2'));
    const err = await authenticate({ email, password: PASSWORD }, '198.51.100.2').catch((e: AppError) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('RATE_LIMITED');
    expect((err as AppError).userMessage).toMatch(/Please wait 15 minutes/);
  });

  it('does not let a stranger lock a student out: the student signs in from their own address', async () => {
    const { email } = await student();
    // The attacker guesses from one address until refused, then from twenty more.
    for (let i = 0; i < 8; i++) await outcome(authenticate({ email, password: `guess-${i}` }, '203.0.113.50'));
    for (let a = 1; a <= 20; a++) {
      for (let i = 0; i < 2; i++) await outcome(authenticate({ email, password: `guess-${a}-${i}` }, `203.0.113.${100 + a}`));
    }
    await expect(authenticate({ email, password: PASSWORD }, '192.0.2.10')).resolves.toMatchObject({ email });
    expect(await outcome(authenticate({ email, password: PASSWORD }, '203.0.113.50'))).toBe('RATE_LIMITED');
  });

  it('lets a classroom of 30 behind one address, with three typos each, sign in', async () => {
    const emails = await Promise.all(Array.from({ length: 30 }, () => unique("class")).map(async (e) => (await student(e)).email));
    const nat = '198.51.100.77';
    const results: string[] = [];
    for (const email of emails) {
      for (let i = 0; i < 3; i++) results.push(await outcome(authenticate({ email, password: `typo-${i}` }, nat)));
      results.push(await outcome(authenticate({ email, password: PASSWORD }, nat)));
    }
    expect(results.filter((r) => r === 'RATE_LIMITED')).toEqual([]);
    expect(results.filter((r) => r === 'ok')).toHaveLength(30);
  }, 120_000);

  it('limits one address across many accounts, and each account across many addresses', async () => {
    const db = await getDb();
    // Pretend the address already failed up to its limit in this window.
    const address = '198.51.100.99';
    await db.signInThrottle.create({
      data: { key: `ip:${address}`, failures: THROTTLE.address.max, windowStartsAt: new Date(), lockedUntil: new Date(Date.now() + THROTTLE.address.windowMs) },
    });
    const { email } = await student();
    expect(await outcome(authenticate({ email, password: PASSWORD }, address))).toBe('RATE_LIMITED');
    // An account at its ceiling is refused from anywhere, and the message names hours.
    const other = await student();
    await db.signInThrottle.create({
      data: { key: `account:${other.email}`, failures: THROTTLE.account.max, windowStartsAt: new Date(), lockedUntil: new Date(Date.now() + THROTTLE.account.windowMs) },
    });
    const err = (await authenticate({ email: other.email, password: PASSWORD }, '192.0.2.55').catch((e) => e)) as AppError;
    expect(err.code).toBe('RATE_LIMITED');
    expect(err.userMessage).toMatch(/wait 24 hours/);
  });

  it('starts a new window when the old one has ended', async () => {
    const key = `test:${unique()}`;
    const limit = { key, max: 2, windowMs: 60_000 };
    const t0 = new Date(Date.now() - 120_000);
    await countAttempt([limit], t0);
    await countAttempt([limit], t0);
    const [again] = await countAttempt([limit]);
    expect(again!.count).toBe(1);
  });

  it('a wrong password and an unknown e-mail look the same', async () => {
    const { email } = await student();
    const a = (await authenticate({ email, password: 'nope-nope' }, '192.0.2.1').catch((e) => e)) as AppError;
    const b = (await authenticate({ email: unique(), password: 'nope-nope' }, '192.0.2.1').catch((e) => e)) as AppError;
    expect([a.code, a.userMessage]).toEqual(['UNAUTHENTICATED', BAD_CREDENTIALS]);
    expect([b.code, b.userMessage]).toEqual(['UNAUTHENTICATED', BAD_CREDENTIALS]);
  });
});

describe('sign-up (point 4)', () => {
  it('refuses common passwords with a helpful message, before hashing anything', async () => {
    for (const password of ['password1', 'qwertyuiop', 'iloveyou123', '12345678']) {
      const email = unique();
      const err = (await createUser({ name: 'W', email, password, role: 'STUDENT' }).catch((e) => e)) as AppError;
      expect(err.code, password).toBe('VALIDATION');
      expect(err.fieldErrors?.password, password).toMatch(/common|guessed quickly|pattern/);
      expect(await (await getDb()).user.count({ where: { email } })).toBe(0);
    }
    const withName = (await createUser({ name: 'Marguerite', email: unique(), password: 'marguerite1', role: 'STUDENT' }).catch((e) => e)) as AppError;
    expect(withName.code).toBe('VALIDATION');
    expect(calls.hash).toBe(0);
  });

  it('rate-limits sign-ups per address, counting before the hash', async () => {
    const env = getEnv();
    const saved = env.SIGN_UP_LIMIT_PER_HOUR;
    env.SIGN_UP_LIMIT_PER_HOUR = 3;
    try {
      const results: string[] = [];
      for (let i = 0; i < 5; i++) {
        results.push(await outcome(createUser({ name: 'R', email: unique(), password: PASSWORD, role: 'STUDENT' }, '198.51.100.200')));
      }
      expect(results).toEqual(['ok', 'ok', 'ok', 'RATE_LIMITED', 'RATE_LIMITED']);
      expect(calls.hash).toBe(3);
      // Another address is not affected.
      expect(await outcome(createUser({ name: 'R', email: unique(), password: PASSWORD, role: 'STUDENT' }, '198.51.100.201'))).toBe('ok');
    } finally {
      env.SIGN_UP_LIMIT_PER_HOUR = saved;
    }
  });

  it('a duplicate e-mail does the same work as a new one (one hash) and changes nothing', async () => {
    const { email, id } = await student();
    calls.hash = 0;
    await expect(createUser({ name: 'Other', email, password: 'another-fine-password', role: 'STUDENT' })).resolves.toBeNull();
    expect(calls.hash).toBe(1);
    const row = await (await getDb()).user.findUniqueOrThrow({ where: { email } });
    expect([row.id, row.name]).toEqual([id, 'Stu']);
  });

  it('closes instructor sign-up in production on a PostgreSQL server unless a code is set or it is opened', async () => {
    const env = { ...getEnv() };
    const policy = (over: Partial<typeof env>) => instructorSignUp({ ...env, ...over });
    expect(policy({ NODE_ENV: 'production', embedded: false, INSTRUCTOR_SIGNUP_CODE: undefined, INSTRUCTOR_SIGNUP: undefined })).toBe('closed');
    expect(policy({ NODE_ENV: 'production', embedded: false, INSTRUCTOR_SIGNUP_CODE: 'x', INSTRUCTOR_SIGNUP: undefined })).toBe('code');
    expect(policy({ NODE_ENV: 'production', embedded: false, INSTRUCTOR_SIGNUP_CODE: undefined, INSTRUCTOR_SIGNUP: 'open' })).toBe('open');
    expect(policy({ NODE_ENV: 'production', embedded: true, INSTRUCTOR_SIGNUP_CODE: undefined, INSTRUCTOR_SIGNUP: undefined })).toBe('open');
    expect(policy({ NODE_ENV: 'production', embedded: true, INSTRUCTOR_SIGNUP_CODE: undefined, INSTRUCTOR_SIGNUP: 'closed' })).toBe('closed');

    const live = getEnv();
    const saved = { NODE_ENV: live.NODE_ENV, embedded: live.embedded };
    Object.assign(live, { NODE_ENV: 'production', embedded: false });
    try {
      const email = unique();
      const err = (await createUser({ name: 'I', email, password: PASSWORD, role: 'INSTRUCTOR' }).catch((e) => e)) as AppError;
      expect(err.code).toBe('FORBIDDEN');
      expect(err.fieldErrors?.role).toMatch(/not open/);
      expect(await (await getDb()).user.count({ where: { email } })).toBe(0);
      expect(calls.hash).toBe(0);
    } finally {
      Object.assign(live, saved);
    }
  });
});

describe('sessions end when they should (point 6)', () => {
  it('bumps the version on endAllSessions, password change; deletion removes the state', async () => {
    const user = await student();
    expect((await getSessionState(user.id))?.sessionVersion).toBe(0);
    await endAllSessions(user.id);
    expect((await getSessionState(user.id))?.sessionVersion).toBe(1);

    const wrong = (await changePassword(user, { currentPassword: 'not-it-at-all', newPassword: 'another-fine-password' }, null).catch((e) => e)) as AppError;
    expect(wrong.fieldErrors?.currentPassword).toMatch(/not your current password/);
    expect((await getSessionState(user.id))?.sessionVersion).toBe(1);

    await changePassword(user, { currentPassword: PASSWORD, newPassword: 'another-fine-password' }, null);
    expect((await getSessionState(user.id))?.sessionVersion).toBe(2);
    expect(await outcome(authenticate({ email: user.email, password: PASSWORD }, null))).toBe('UNAUTHENTICATED');
    await expect(authenticate({ email: user.email, password: 'another-fine-password' }, null)).resolves.toMatchObject({ sessionVersion: 2 });

    const refused = (await deleteAccount(user, { password: 'another-fine-password' }, null).catch((e) => e)) as AppError;
    expect(refused.fieldErrors?.confirm).toMatch(/Tick the box/);
    await deleteAccount(user, { password: 'another-fine-password', confirm: 'on' }, null);
    expect(await getSessionState(user.id)).toBeNull();
  });
});

describe('the session token is checked against the database on every read (point 6)', () => {
  it('is refused once the version moves or the account is gone, and picks up a role change', async () => {
    const { jwt, session } = buildAuthOptions().callbacks!;
    const user = await authenticate({ email: (await student()).email, password: PASSWORD }, null);
    const token = await jwt!({ token: {}, user } as never);
    expect(token).toMatchObject({ id: user.id, role: 'STUDENT', sv: 0 });
    expect(await jwt!({ token } as never)).toMatchObject({ id: user.id, role: 'STUDENT' });

    const db = await getDb();
    await db.user.update({ where: { id: user.id }, data: { role: 'INSTRUCTOR' } });
    const promoted = await jwt!({ token } as never);
    expect(promoted).toMatchObject({ id: user.id, role: 'INSTRUCTOR' });

    await endAllSessions(user.id);
    const revoked = await jwt!({ token } as never);
    expect(revoked).toEqual({});
    const s = await session!({ session: { expires: '', user: { name: 'x' } }, token: revoked } as never);
    expect((s as { user?: unknown }).user).toBeUndefined();

    await db.user.delete({ where: { id: user.id } });
    expect(await jwt!({ token: { ...token, sv: 1 } } as never)).toEqual({});
  });

  it('the sign-out event ends every session of the user', async () => {
    const options = buildAuthOptions();
    const user = await authenticate({ email: (await student()).email, password: PASSWORD }, null);
    const token = await options.callbacks!.jwt!({ token: {}, user } as never);
    await options.events!.signOut!({ token } as never);
    expect((await getSessionState(user.id))?.sessionVersion).toBe(1);
    expect(await options.callbacks!.jwt!({ token } as never)).toEqual({});
  });
});
