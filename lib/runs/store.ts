/**
 * Reading and writing Run rows, given a Prisma client: shared by the data layer
 * (lib/data/runs.ts, which adds validation, the pool and de-duplication) and by start-up scripts
 * that fill the store (scripts/db-migrate.ts). No rights checks: a run belongs to no one.
 */
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
 * Stores a computed run. If another process stored the same key first, returns that row: it is
 * the same engine on the same config, so the same numbers.
 */
export async function insertRun(db: PrismaClient, config: SimConfig, result: StoredRunResult): Promise<StoredRun> {
  const stored = canonicalConfig(config);
  const key = runKey(stored);
  const data = {
    ...key,
    config: stored as unknown as Prisma.InputJsonValue,
    path: result.path,
    bandSeeds: result.bandSeeds,
    input: result.input as unknown as Prisma.InputJsonValue,
    summary: result.summary as unknown as Prisma.InputJsonValue,
    layers: result.layers as unknown as Prisma.InputJsonValue,
    histograms: (result.histograms ?? undefined) as unknown as Prisma.InputJsonValue | undefined,
  };
  try {
    return toStoredRun(await db.run.create({ data }));
  } catch (err) {
    if ((err as { code?: string }).code !== 'P2002') throw err;
    const row = await db.run.findUnique({ where: { engineVersion_configHash: key } });
    if (!row) throw err;
    return toStoredRun(row);
  }
}
