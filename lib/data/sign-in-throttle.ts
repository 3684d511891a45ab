import 'server-only';
/**
 * Slows down password guessing: after too many failed sign-ins for one e-mail address (or from
 * one client address) within a window, further attempts are refused until the lock expires.
 * Kept in the database so it holds across restarts and server instances.
 */
import { getDb } from '../db';
import { AppError } from '../errors';

export const THROTTLE = {
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  maxFailuresPerEmail: 5,
  maxFailuresPerAddress: 30,
} as const;

export function throttleKeys(email: string, address: string | null): { key: string; max: number }[] {
  const keys: { key: string; max: number }[] = [{ key: `email:${email}`, max: THROTTLE.maxFailuresPerEmail }];
  if (address) keys.push({ key: `ip:${address}`, max: THROTTLE.maxFailuresPerAddress });
  return keys;
}

/** Throws RATE_LIMITED when any of the keys is locked. */
export async function assertNotThrottled(email: string, address: string | null, now = new Date()): Promise<void> {
  const db = await getDb();
  const rows = await db.signInThrottle.findMany({
    where: { key: { in: throttleKeys(email, address).map((k) => k.key) }, lockedUntil: { gt: now } },
  });
  if (rows.length === 0) return;
  const until = Math.max(...rows.map((r) => r.lockedUntil!.getTime()));
  const minutes = Math.max(1, Math.ceil((until - now.getTime()) / 60_000));
  throw new AppError(
    'RATE_LIMITED',
    `Too many failed sign-in attempts. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`,
  );
}

export async function recordFailedSignIn(email: string, address: string | null, now = new Date()): Promise<void> {
  const db = await getDb();
  for (const { key, max } of throttleKeys(email, address)) {
    const row = await db.signInThrottle.findUnique({ where: { key } });
    const fresh = !row || now.getTime() - row.windowStartsAt.getTime() > THROTTLE.windowMs;
    const failures = fresh ? 1 : row.failures + 1;
    const lockedUntil = failures >= max ? new Date(now.getTime() + THROTTLE.lockMs) : fresh ? null : row.lockedUntil;
    await db.signInThrottle.upsert({
      where: { key },
      create: { key, failures, windowStartsAt: now, lockedUntil },
      update: { failures, lockedUntil, ...(fresh ? { windowStartsAt: now } : {}) },
    });
  }
}

export async function clearFailedSignIns(email: string): Promise<void> {
  const db = await getDb();
  await db.signInThrottle.deleteMany({ where: { key: `email:${email}` } });
}
