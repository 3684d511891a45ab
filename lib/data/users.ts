import 'server-only';
/**
 * Accounts: sign-up and credential checks. Passwords are hashed here and nowhere else; the
 * hash never leaves this module.
 */
import { timingSafeEqual } from 'node:crypto';
import { getDb } from '../db';
import { getEnv } from '../env';
import { AppError } from '../errors';
import { dummyHash, hashPassword, verifyPassword } from '../auth/password';
import type { SessionUser } from '../auth/session-user';
import { signInSchema, signUpSchema, fieldErrors } from '../validation/auth';
import { assertNotThrottled, clearFailedSignIns, recordFailedSignIn } from './sign-in-throttle';
import { claimPendingEnrollments } from './courses';

const PUBLIC_FIELDS = { id: true, email: true, name: true, role: true } as const;

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Creates an account. Instructor accounts need INSTRUCTOR_SIGNUP_CODE when the deployer set one. */
export async function createUser(input: unknown): Promise<SessionUser> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError('VALIDATION', 'Please correct the highlighted fields.', 'invalid sign-up', fieldErrors(parsed.error));
  }
  const { name, email, password, role, instructorCode } = parsed.data;
  const required = getEnv().INSTRUCTOR_SIGNUP_CODE;
  if (role === 'INSTRUCTOR' && required && !sameSecret(instructorCode ?? '', required)) {
    throw new AppError('FORBIDDEN', 'That instructor code is not right.', 'bad instructor code', {
      instructorCode: 'That instructor code is not right. Ask whoever runs this InitLab site for it.',
    });
  }
  const db = await getDb();
  const passwordHash = await hashPassword(password);
  try {
    const user = await db.user.create({ data: { name, email, passwordHash, role }, select: PUBLIC_FIELDS });
    // A roster import may have listed this address before the account existed.
    await claimPendingEnrollments(db, user);
    return user;
  } catch (err) {
    if ((err as { code?: string }).code === 'P2002') {
      throw new AppError('CONFLICT', 'An account with this e-mail already exists.', 'duplicate e-mail', {
        email: 'An account with this e-mail already exists. Sign in instead?',
      });
    }
    throw err;
  }
}

export const BAD_CREDENTIALS = 'The e-mail or password is incorrect.';

/**
 * Checks an e-mail and password. Unknown e-mail and wrong password get the same message and take
 * the same time, so the form does not reveal which accounts exist; repeated failures lock out.
 */
export async function authenticate(input: unknown, address: string | null): Promise<SessionUser> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError('VALIDATION', Object.values(fieldErrors(parsed.error))[0] ?? BAD_CREDENTIALS);
  }
  const { email, password } = parsed.data;
  await assertNotThrottled(email, address);
  const db = await getDb();
  const user = await db.user.findUnique({ where: { email }, select: { ...PUBLIC_FIELDS, passwordHash: true } });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
  if (!user || !ok) {
    await recordFailedSignIn(email, address);
    throw new AppError('UNAUTHENTICATED', BAD_CREDENTIALS);
  }
  await clearFailedSignIns(email);
  const { passwordHash: _hash, ...publicUser } = user;
  return publicUser;
}
