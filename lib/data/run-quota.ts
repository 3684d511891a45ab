import 'server-only';
/**
 * Bounds what anyone can make the server store without an account. A run is a pure function of its
 * config, so anyone may create one (lib/data/runs.ts), and the engine pool bounds the work; but
 * every new seed is a new stored row, so without a limit one client could fill the database.
 * New runs made through the public entry points (POST /api/runs, the simulator page's first
 * result), which need no account and so count every caller, signed in or not, are counted per
 * client address in a fixed one-hour window, in the same atomic counter table as the
 * sign-in limits (key `runs:<address>`). Stored runs are never counted, and runs made by signed-in
 * actions (experiments, submissions) are bounded by those actions' own checks. With the client
 * address unknown (plain `next start`), nothing is counted, as for the sign-up limit.
 */
import { getEnv } from '../env';
import { AppError } from '../errors';
import { countAttempt, minutes, waitMinutes, type Limit } from './sign-in-throttle';

export function runLimit(): Limit {
  return { max: getEnv().RUN_LIMIT_PER_HOUR, windowMs: 60 * 60_000 };
}

/**
 * Counts one new run for a client address. Returns the whole minutes to wait when the address
 * is over its limit (nothing may then be computed or stored), else null.
 */
export async function countNewRun(address: string | null, now = new Date()): Promise<number | null> {
  if (!address) return null;
  return waitMinutes(await countAttempt([{ key: `runs:${address}`, ...runLimit() }], now), now);
}

export function tooManyRuns(wait: number): AppError {
  return new AppError(
    'RATE_LIMITED',
    `Too many new runs from your network (at most ${getEnv().RUN_LIMIT_PER_HOUR} an hour). Runs already stored still open; please wait ${minutes(wait)} for new ones.`,
    `run quota: wait ${wait} min`,
    undefined,
    wait * 60,
  );
}
