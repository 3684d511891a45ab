import 'server-only';
/**
 * Stored runs: the one way server code gets engine numbers. getOrCreateRun validates a config,
 * returns the stored Run for (ENGINE_VERSION, canonical config hash) and computes it in the
 * engine's worker pool only when missing, so a config is computed once per engine version
 * whoever asks. Numbers sent by a browser are never stored: the server computes every run.
 *
 * No acting user: a run is a pure function of its config (no personal data, nothing owned), so
 * anyone may read or create one; experiments, submissions and share links that point at a run
 * carry the ownership and the rights.
 */
import { getDb } from '../db';
import type { StageTimes } from '../http/server-timing';
import { AppError } from '../errors';
import { countNewRun, tooManyRuns } from './run-quota';
import { canonicalConfig } from '../runs/config-hash';
import { getEnginePool, timeoutError } from '../runs/engine-pool';
import { findStoredRun, insertRun, runKey, toStoredRun, type StoredRun } from '../runs/store';
import type { PassCriterion } from '../validation/assignment';
import { parseSimConfig, type SimConfig } from '../validation/sim-config';

export type { StoredRun } from '../runs/store';
export type { StoredRunResult } from '../runs/stored-result';

/**
 * A run estimated at more than this many times the server's time limit is refused before it is
 * queued (the estimate is good to a factor of about 3, so runs near the limit are tried and cut
 * off by the limit instead).
 */
const REFUSE_ABOVE_LIMIT_FACTOR = 2;

/** Validates an untrusted config; AppError VALIDATION naming the first problem otherwise. */
export function validateRunConfig(input: unknown): SimConfig {
  const parsed = parseSimConfig(input);
  if (!parsed.ok) {
    const errors = parsed.errors as Record<string, string>;
    const first = Object.values(errors)[0] ?? 'The configuration is not valid.';
    throw new AppError('VALIDATION', first, `invalid run config: ${JSON.stringify(errors)}`, errors);
  }
  return canonicalConfig(parsed.config);
}

/**
 * Runs being computed by this process, by key: concurrent requests for one new config share one
 * computation. Across processes the unique key decides, and the later insert reads the row.
 */
const inFlight = new Map<string, Promise<StoredRun>>();

/**
 * The stored run for a config, computed in the pool when missing.
 * Throws AppError VALIDATION (bad config), BUSY (the pool's queue is full; retry in a few
 * seconds) or TIMEOUT (the run needs more than the server's time limit).
 * `times`, when given, receives the stages' durations (validate, lookup, then for a computed run
 * queue, compute, transfer and insert; `shared` when it joined a computation already under way).
 * `quota`, from a public entry point (no account needed, so no user to check): a run it makes
 * the server compute counts against that client address's quota (lib/data/run-quota.ts), and
 * over the quota it gets RATE_LIMITED, nothing computed or stored.
 */
export async function getOrCreateRun(input: unknown, times?: StageTimes, quota?: { address: string | null }): Promise<StoredRun> {
  const config = validateRunConfig(input);
  times?.lap('validate');
  const db = await getDb();
  const existing = await findStoredRun(db, config);
  times?.lap('lookup');
  if (existing) return existing;
  const { engineVersion, configHash } = runKey(config);
  const key = `${engineVersion}:${configHash}`;
  let pending = inFlight.get(key);
  if (pending) {
    const run = await pending;
    times?.lap('shared');
    return run;
  }
  if (quota) {
    const wait = await countNewRun(quota.address);
    if (wait !== null) throw tooManyRuns(wait);
    times?.lap('quota');
    // Another request may have started the same run while this one was counted.
    const started = inFlight.get(key);
    if (started) return started;
  }
  pending = computeAndStore(config, times).finally(() => inFlight.delete(key));
  inFlight.set(key, pending);
  return pending;
}

async function computeAndStore(config: SimConfig, times?: StageTimes): Promise<StoredRun> {
  const pool = getEnginePool();
  const limit = pool.options.timeLimitMs;
  if (pool.estimateMs(config) > REFUSE_ABOVE_LIMIT_FACTOR * limit) throw timeoutError(limit, 'engine run refused: estimate far above the time limit');
  const run = await pool.run(config);
  if (times) {
    times.add('queue', run.queueMs);
    times.add('compute', run.ms);
    times.add('transfer', Math.max(0, run.totalMs - run.queueMs - run.ms));
    times.reset();
  }
  const stored = await insertRun(await getDb(), config, run.result);
  times?.lap('insert');
  return stored;
}

export async function getRunById(id: string): Promise<StoredRun | null> {
  if (typeof id !== 'string' || id.length === 0 || id.length > 64) return null;
  const db = await getDb();
  const row = await db.run.findUnique({ where: { id } });
  return row ? toStoredRun(row) : null;
}

/**
 * For a page's first paint, where the browser can compute instead: the stored run for a
 * (validated) config, or a new one if the pool finishes it within `budgetMs`. Work is started
 * only for runs the pool is expected to finish within `computeMaxMs` and only when its queue has
 * room; a run that misses the budget goes on and is stored for the next visitor. Never throws:
 * null means "let the browser compute".
 */
export async function getRunWithinBudget(config: SimConfig, options: { budgetMs: number; computeMaxMs: number; address: string | null }): Promise<StoredRun | null> {
  try {
    const db = await getDb();
    const stored = await findStoredRun(db, canonicalConfig(config));
    if (stored) return stored;
    const pool = getEnginePool();
    if (pool.full || pool.estimateMs(config) > options.computeMaxMs) return null;
    // A page view (public, whoever visits): a new run counts against the address's quota, and
    // over it the browser computes (nothing is stored).
    if ((await countNewRun(options.address)) !== null) return null;
    const run = getOrCreateRun(config);
    run.catch(() => {}); // a late failure is the next visitor's concern, not an unhandled rejection
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), options.budgetMs);
    });
    try {
      return await Promise.race([run, timeout]);
    } finally {
      clearTimeout(timer);
    }
  } catch (err) {
    if (!(err instanceof AppError)) console.error('[runs] could not get a run for the page', err);
    return null;
  }
}

/**
 * Final training losses of a config for the `train-loss-below` criteria among `criteria`,
 * computed in the worker pool (never on the request thread), for grading to read
 * (GradableResult.trainLosses). Empty when no criterion trains.
 */
export async function trainLossesFor(config: SimConfig, criteria: readonly PassCriterion[]): Promise<Map<PassCriterion, number | null>> {
  const losses = new Map<PassCriterion, number | null>();
  for (const c of criteria) {
    if (c.kind === 'train-loss-below') losses.set(c, await getEnginePool().trainLoss(config, c));
  }
  return losses;
}
