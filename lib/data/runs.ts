import 'server-only';
/**
 * Stored runs: the one way server code gets engine numbers. getOrCreateRun validates a config,
 * returns the stored Run for (ENGINE_VERSION, canonical config hash) and computes it only when
 * missing, so a config is computed once per engine version whoever asks. Numbers sent by a
 * browser are never stored: the server computes every run itself.
 *
 * No acting user: a run is a pure function of its config (no personal data, nothing owned),
 * so anyone may read or create one; experiments, submissions and share links that point at a
 * run carry the ownership and rights.
 */
import { getDb } from '../db';
import { AppError } from '../errors';
import type { Prisma } from '../generated/prisma/client';
import { canonicalConfig, configHash } from '../runs/config-hash';
import { computeRun } from '../runs/engine-pool';
import type { StoredRunResult } from '../runs/stored-result';
import { ENGINE_VERSION } from '../sim/version';
import { parseSimConfig, type SimConfig } from '../validation/sim-config';

export type { StoredRunResult } from '../runs/stored-result';

export interface StoredRun {
  id: string;
  engineVersion: string;
  configHash: string;
  config: SimConfig;
  result: StoredRunResult;
  createdAt: Date;
}

type RunRow = Prisma.RunGetPayload<object>;

function toStoredRun(row: RunRow): StoredRun {
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
 * Runs being computed in this process, by key: concurrent requests for one new config share one
 * computation. Across processes the unique key decides, and the loser reads the winner's row.
 */
const inFlight = new Map<string, Promise<StoredRun>>();

export async function getOrCreateRun(input: unknown): Promise<StoredRun> {
  const config = validateRunConfig(input);
  const hash = configHash(config);
  const key = `${ENGINE_VERSION}:${hash}`;
  const db = await getDb();
  const existing = await db.run.findUnique({ where: { engineVersion_configHash: { engineVersion: ENGINE_VERSION, configHash: hash } } });
  if (existing) return toStoredRun(existing);
  let pending = inFlight.get(key);
  if (!pending) {
    pending = createRun(config, hash).finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  return pending;
}

async function createRun(config: SimConfig, hash: string): Promise<StoredRun> {
  const result = await computeRun(config);
  const db = await getDb();
  const data = {
    engineVersion: ENGINE_VERSION,
    configHash: hash,
    config: config as unknown as Prisma.InputJsonValue,
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
    // Another process stored the same run first: theirs is identical (same engine, same config).
    if ((err as { code?: string }).code !== 'P2002') throw err;
    const row = await db.run.findUnique({ where: { engineVersion_configHash: { engineVersion: ENGINE_VERSION, configHash: hash } } });
    if (!row) throw err;
    return toStoredRun(row);
  }
}

export async function getRunById(id: string): Promise<StoredRun | null> {
  if (typeof id !== 'string' || id.length === 0 || id.length > 64) return null;
  const db = await getDb();
  const row = await db.run.findUnique({ where: { id } });
  return row ? toStoredRun(row) : null;
}
