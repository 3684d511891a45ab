import 'server-only';
/**
 * Slows down password guessing and sign-up abuse. Every attempt is counted *before* the password
 * is checked, in one SQL statement (INSERT … ON CONFLICT DO UPDATE … RETURNING), so a burst of
 * simultaneous guesses cannot all slip past a read-then-write check: PostgreSQL serializes the
 * upserts of one key, each attempt sees its own number, and only the first `max` in a window are
 * ever checked. The same statement runs on a PostgreSQL server and on embedded PGlite.
 *
 * Keys and limits (a fixed window per key; `lockedUntil` is when the window ends):
 * - e-mail + client address: tight, so one client cannot guess at one account;
 * - client address: loose, so a classroom behind one NAT address with a few typos each goes on;
 * - account: a high ceiling (NIST SP 800-63B allows up to 100 consecutive failures), so a
 *   stranger spread over many addresses cannot lock a student out with a handful of guesses;
 * - sign-up per client address.
 * A successful sign-in gives its own attempt back to the address key and clears the pair and
 * account keys (the limits count consecutive failures).
 */
import { getDb } from '../db';
import { getEnv } from '../env';
import { AppError } from '../errors';

const MINUTE = 60_000;

export interface Limit {
  max: number;
  windowMs: number;
}

export const THROTTLE = {
  pair: { max: 5, windowMs: 15 * MINUTE },
  address: { max: 200, windowMs: 15 * MINUTE },
  account: { max: 100, windowMs: 24 * 60 * MINUTE },
} as const satisfies Record<string, Limit>;

export function signUpLimit(): Limit {
  return { max: getEnv().SIGN_UP_LIMIT_PER_HOUR, windowMs: 60 * MINUTE };
}

interface KeyLimit extends Limit {
  key: string;
}

/** Used in keys when the client address is unknown (see lib/auth/client-address.ts). */
const UNKNOWN = 'unknown';

export function signInKeys(email: string, address: string | null): KeyLimit[] {
  const keys: KeyLimit[] = [
    { key: `pair:${email}|${address ?? UNKNOWN}`, ...THROTTLE.pair },
    { key: `account:${email}`, ...THROTTLE.account },
  ];
  if (address) keys.push({ key: `ip:${address}`, ...THROTTLE.address });
  return keys;
}

export interface Counted {
  key: string;
  count: number;
  max: number;
  /** Epoch ms at which the key's window ends. */
  resetsAt: number;
}

/**
 * Counts one attempt against every key, atomically, and returns each key's count in its window.
 * Keys are written in a fixed (sorted) order so that concurrent statements sharing keys cannot
 * deadlock.
 */
export async function countAttempt(keys: KeyLimit[], now = new Date()): Promise<Counted[]> {
  if (keys.length === 0) return [];
  const sorted = [...keys].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const params: unknown[] = [now.toISOString()];
  const rows = sorted.map((k) => {
    params.push(k.key, new Date(now.getTime() + k.windowMs).toISOString());
    return `($${params.length - 1}, 1, $1::timestamp(3), $${params.length}::timestamp(3))`;
  });
  // A row whose window has ended starts again at 1 with a new window; otherwise it counts up.
  const expired = `t."lockedUntil" IS NULL OR t."lockedUntil" <= EXCLUDED."windowStartsAt"`;
  const sql = `
    INSERT INTO "SignInThrottle" AS t ("key", "failures", "windowStartsAt", "lockedUntil")
    VALUES ${rows.join(', ')}
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN ${expired} THEN 1 ELSE t."failures" + 1 END,
      "windowStartsAt" = CASE WHEN ${expired} THEN EXCLUDED."windowStartsAt" ELSE t."windowStartsAt" END,
      "lockedUntil" = CASE WHEN ${expired} THEN EXCLUDED."lockedUntil" ELSE t."lockedUntil" END
    RETURNING "key", "failures"::int AS count, (extract(epoch FROM "lockedUntil") * 1000)::float8 AS "resetsAt"`;
  const db = await getDb();
  const out = await db.$queryRawUnsafe<{ key: string; count: number; resetsAt: number }[]>(sql, ...params);
  const max = new Map(keys.map((k) => [k.key, k.max]));
  return out.map((r) => ({ key: r.key, count: Number(r.count), max: max.get(r.key)!, resetsAt: Number(r.resetsAt) }));
}

/** Whole minutes until the latest exceeded key resets; null when no key is over its limit. */
export function waitMinutes(counted: Counted[], now = new Date()): number | null {
  const over = counted.filter((c) => c.count > c.max);
  if (over.length === 0) return null;
  const until = Math.max(...over.map((c) => c.resetsAt));
  return Math.max(1, Math.ceil((until - now.getTime()) / MINUTE));
}

/** A wait in words: "1 minute", "15 minutes", "3 hours". */
export function minutes(n: number): string {
  if (n >= 120) return `${Math.ceil(n / 60)} hours`;
  return `${n} minute${n === 1 ? '' : 's'}`;
}

export function tooManySignIns(wait: number): AppError {
  return new AppError(
    'RATE_LIMITED',
    `Too many failed sign-in attempts. Please wait ${minutes(wait)} and try again.`,
  );
}

/** Counts a sign-in attempt; throws RATE_LIMITED (without anything being verified) over a limit. */
export async function countSignInAttempt(email: string, address: string | null, now = new Date()): Promise<void> {
  const wait = waitMinutes(await countAttempt(signInKeys(email, address), now), now);
  if (wait !== null) throw tooManySignIns(wait);
}

/** After a successful sign-in: the limits count consecutive failures. */
export async function recordSuccessfulSignIn(email: string, address: string | null): Promise<void> {
  const db = await getDb();
  await db.signInThrottle.deleteMany({ where: { key: { in: [`pair:${email}|${address ?? UNKNOWN}`, `account:${email}`] } } });
  if (address) {
    await db.$executeRawUnsafe(
      `UPDATE "SignInThrottle" SET "failures" = GREATEST("failures" - 1, 0) WHERE "key" = $1`,
      `ip:${address}`,
    );
  }
}

/** Counts a sign-up attempt from an address; throws RATE_LIMITED over the limit. */
export async function countSignUpAttempt(address: string | null, now = new Date()): Promise<void> {
  if (!address) return;
  const wait = waitMinutes(await countAttempt([{ key: `signup:${address}`, ...signUpLimit() }], now), now);
  if (wait !== null) {
    throw new AppError('RATE_LIMITED', `Too many accounts were created from your network. Please wait ${minutes(wait)} and try again.`);
  }
}
