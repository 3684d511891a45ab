import 'server-only';
/**
 * Accounts: sign-up, credential checks, password change, account deletion and the per-user
 * session version. Passwords are hashed here and nowhere else; the hash never leaves this module.
 */
import { timingSafeEqual } from 'node:crypto';
import { getDb } from '../db';
import { getEnv, instructorSignUp } from '../env';
import { AppError } from '../errors';
import { dummyHash, hashPassword, verifyPassword } from '../auth/password';
import { weakPasswordReason } from '../auth/password-policy';
import type { SessionUser } from '../auth/session-user';
import {
  changePasswordSchema,
  deleteAccountSchema,
  fieldErrors,
  signInSchema,
  signUpSchema,
} from '../validation/auth';
import { countSignInAttempt, countSignUpAttempt, recordSuccessfulSignIn } from './sign-in-throttle';
import { claimPendingEnrollments, pendingEnrollmentsFor } from './courses';

const PUBLIC_FIELDS = { id: true, email: true, name: true, role: true } as const;

/** A signed-in user as the session token carries them: SessionUser plus the session version. */
export type AuthenticatedUser = SessionUser & { sessionVersion: number };

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function invalid(error: Parameters<typeof fieldErrors>[0], what: string): AppError {
  return new AppError('VALIDATION', 'Please correct the highlighted fields.', what, fieldErrors(error));
}

/**
 * Creates an account. Cheap checks come first (fields, instructor policy, password strength,
 * the per-address limit); only then is the argon2 hash computed. An e-mail that already has an
 * account gets the same answer, after the same work, as a new one (null instead of the user, which
 * callers must not reveal): the person learns nothing until they try to sign in with it.
 */
export async function createUser(input: unknown, address: string | null = null): Promise<SessionUser | null> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error, 'invalid sign-up');
  const { name, email, password, role, instructorCode } = parsed.data;
  if (role === 'INSTRUCTOR') {
    const policy = instructorSignUp();
    if (policy === 'closed') {
      throw new AppError('FORBIDDEN', 'Instructor sign-up is closed on this site.', 'instructor sign-up closed', {
        role: 'Instructor accounts are not open on this site. Ask whoever runs it, or sign up as a student.',
      });
    }
    const required = getEnv().INSTRUCTOR_SIGNUP_CODE;
    if (policy === 'code' && !sameSecret(instructorCode ?? '', required ?? '')) {
      throw new AppError('FORBIDDEN', 'That instructor code is not right.', 'bad instructor code', {
        instructorCode: 'That instructor code is not right. Ask whoever runs this InitLab site for it.',
      });
    }
  }
  const weak = weakPasswordReason(password, [name, email]);
  if (weak) throw new AppError('VALIDATION', 'Please choose a stronger password.', 'weak password', { password: weak });
  await countSignUpAttempt(address);

  const db = await getDb();
  const passwordHash = await hashPassword(password);
  // A new e-mail and a taken one run the same statements and wait for the same things: the
  // roster lookup comes before the insert for both, and the insert's commit does not wait for
  // the disk (asynchronous commit, as for stored runs). On a busy machine new sign-ups measured
  // about twice as slow as taken ones, most likely from the commit waiting for the WAL flush,
  // which told whether an account existed. The cost: an account created in the last moment before a database
  // crash can be lost, and its owner signs up again.
  const pending = role === 'STUDENT' ? await pendingEnrollmentsFor(db, email) : [];
  try {
    const [, user] = await db.$transaction([
      db.$executeRaw`SELECT set_config('synchronous_commit', 'off', true)`,
      db.user.create({ data: { name, email, passwordHash, role }, select: PUBLIC_FIELDS }),
    ]);
    // A roster import may have listed this address before the account existed.
    await claimPendingEnrollments(db, user, pending);
    return user;
  } catch (err) {
    if ((err as { code?: string }).code === 'P2002') return null;
    throw err;
  }
}

export const BAD_CREDENTIALS = 'The e-mail or password is incorrect.';

/**
 * Checks an e-mail and password. The attempt is counted before anything is verified (see
 * sign-in-throttle.ts). Unknown e-mail and wrong password get the same message and take the same
 * time, so the form does not reveal which accounts exist.
 */
export async function authenticate(input: unknown, address: string | null): Promise<AuthenticatedUser> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError('VALIDATION', Object.values(fieldErrors(parsed.error))[0] ?? BAD_CREDENTIALS);
  }
  const { email, password } = parsed.data;
  await countSignInAttempt(email, address);
  const db = await getDb();
  const user = await db.user.findUnique({
    where: { email },
    select: { ...PUBLIC_FIELDS, sessionVersion: true, passwordHash: true },
  });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
  if (!user || !ok) throw new AppError('UNAUTHENTICATED', BAD_CREDENTIALS);
  await recordSuccessfulSignIn(email, address);
  const { passwordHash: _hash, ...publicUser } = user;
  return publicUser;
}

/** What a session token is checked against on every request; null when the account is gone. */
export async function getSessionState(userId: string): Promise<AuthenticatedUser | null> {
  const db = await getDb();
  return db.user.findUnique({ where: { id: userId }, select: { ...PUBLIC_FIELDS, sessionVersion: true } });
}

/** Ends every session of the user (all devices): their tokens carry an older version now. */
export async function endAllSessions(userId: string): Promise<void> {
  const db = await getDb();
  await db.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

/** Re-checks the acting user's password, throttled like a sign-in (it is one). */
async function confirmPassword(actor: SessionUser, password: string, address: string | null): Promise<void> {
  await countSignInAttempt(actor.email, address);
  const db = await getDb();
  const row = await db.user.findUnique({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!row) throw new AppError('UNAUTHENTICATED', 'Please sign in again.');
  if (!(await verifyPassword(row.passwordHash, password))) {
    throw new AppError('VALIDATION', 'Your current password is not right.', 'wrong current password', {
      currentPassword: 'This is not your current password.',
    });
  }
  await recordSuccessfulSignIn(actor.email, address);
}

/** Changes the acting user's password and ends all their sessions, this one included. */
export async function changePassword(actor: SessionUser, input: unknown, address: string | null): Promise<void> {
  const parsed = changePasswordSchema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error, 'invalid password change');
  const { currentPassword, newPassword } = parsed.data;
  const weak = weakPasswordReason(newPassword, [actor.name, actor.email]);
  if (weak) throw new AppError('VALIDATION', 'Please choose a stronger password.', 'weak password', { newPassword: weak });
  await confirmPassword(actor, currentPassword, address);
  const passwordHash = await hashPassword(newPassword);
  const db = await getDb();
  await db.user.update({ where: { id: actor.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
}

/** Deletes the acting user's account and everything they own (the foreign keys cascade). */
export async function deleteAccount(actor: SessionUser, input: unknown, address: string | null): Promise<void> {
  const parsed = deleteAccountSchema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error, 'invalid account deletion');
  await confirmPassword(actor, parsed.data.password, address);
  const db = await getDb();
  await db.user.deleteMany({ where: { id: actor.id } });
}
