/**
 * Reading and writing Run rows, given a Prisma client: shared by the data layer
 * (lib/data/runs.ts, which adds validation, the pool and de-duplication) and by start-up scripts
 * that fill the store (scripts/db-migrate.ts). No rights checks: a run belongs to no one.
 */
import { randomBytes } from 'node:crypto';
import type { Prisma, PrismaClient } from '../generated/prisma/client';
import { ENGINE_VERSION } from '../sim/version';
import type { SimConfig } from '../validation/sim-config';
import { canonicalConfig, configHash } from './config-hash';
import type { StoredRunResult } from './stored-result';

export interface StoredRun {
  id: string;
  engineVersion: string;
  configHash: string;
  config: SimConfig;
  result: StoredRunResult;
  createdAt: Date;
}

type RunRow = Prisma.RunGetPayload<object>;

export function toStoredRun(row: RunRow): StoredRun {
  return {
    id: row.id,
    engineVersion: row.engineVersion,
    configHash: row.configHash,
    config: row.config as unknown as SimConfig,
    result: {
      path: row.path as StoredRunResult['path'],
      bandSeeds: row.bandSeeds,
      input: row.input as unknown as StoredRunResult['input'],
      summary: row.summary as unknown as StoredRunResult['summary'],
      layers: row.layers as unknown as StoredRunResult['layers'],
      histograms: (row.histograms ?? null) as unknown as StoredRunResult['histograms'],
    },
    createdAt: row.createdAt,
  };
}

/** The run key of a normalized config under this engine. */
export function runKey(config: SimConfig): { engineVersion: string; configHash: string } {
  return { engineVersion: ENGINE_VERSION, configHash: configHash(config) };
}

export async function findStoredRun(db: PrismaClient, config: SimConfig): Promise<StoredRun | null> {
  const row = await db.run.findUnique({ where: { engineVersion_configHash: runKey(config) } });
  return row ? toStoredRun(row) : null;
}

/**
 * A new row id of the shape Prisma's cuid() gives (a letter, then lowercase base-36: here 8
 * characters of time and 16 random), for rows inserted without Prisma's create().
 */
export function newRowId(): string {
  const random = randomBytes(16);
  let tail = '';
  for (const byte of random) tail += (byte % 36).toString(36);
  return `c${Date.now().toString(36).padStart(8, '0').slice(-8)}${tail}`;
}

/**
 * Stores a computed run. If another process stored the same key first, returns that row: it is
 * the same engine on the same config, so the same numbers.
 *
 * One INSERT ... ON CONFLICT DO NOTHING RETURNING id, createdAt, with the JSON columns sent as
 * JSON text cast to jsonb. Prisma's create() would do the same in one statement, but spends about
 * 15 ms of this thread's CPU on a default run's 32 KB of JSON (walking it on the way in, parsing
 * the returned row on the way out; measured, bench/server-bench.ts's insert stage) against about
 * 2 ms here; the returned run is built from the values just written, which are what the row holds.
 *
 * The statement commits asynchronously (synchronous_commit off for this statement's transaction
 * only, via set_config(..., true)): it returns without waiting for the WAL flush, which under
 * disk contention is most of an insert's tail latency. What a crash can cost is only the last
 * fraction of a second of run rows; never an inconsistency: a run is a pure function of its
 * config (recomputed, same numbers, when asked again), and anything that refers to a run
 * (experiment, submission, share link) commits synchronously after it, and a synchronous commit
 * flushes the WAL up to itself, run row included.
 */
export async function insertRun(db: PrismaClient, config: SimConfig, result: StoredRunResult): Promise<StoredRun> {
  const stored = canonicalConfig(config);
  const key = runKey(stored);
  const id = newRowId();
  const json = (value: unknown) => JSON.stringify(value);
  const rows = await db.$queryRaw<{ id: string; createdAt: Date }[]>`
    INSERT INTO "Run" ("id", "engineVersion", "configHash", "config", "path", "bandSeeds", "input", "summary", "layers", "histograms")
    SELECT ${id}, ${key.engineVersion}, ${key.configHash}, ${json(stored)}::jsonb, ${result.path}, ${result.bandSeeds},
           ${json(result.input)}::jsonb, ${json(result.summary)}::jsonb, ${json(result.layers)}::jsonb,
           ${result.histograms ? json(result.histograms) : null}::jsonb
    FROM (SELECT set_config('synchronous_commit', 'off', true)) AS async_commit
    ON CONFLICT ("engineVersion", "configHash") DO NOTHING
    RETURNING "id", "createdAt"`;
  if (rows.length === 1) {
    return { id: rows[0].id, ...key, config: stored, result: { ...result, histograms: result.histograms ?? null }, createdAt: new Date(rows[0].createdAt) };
  }
  // Another request stored this key first (ON CONFLICT waited for it to commit): that row.
  const row = await db.run.findUnique({ where: { engineVersion_configHash: key } });
  if (!row) throw new Error(`run ${key.configHash} neither inserted nor found`);
  return toStoredRun(row);
}
