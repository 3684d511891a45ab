/**
 * Fills the run store with the simulator's default config before the server takes requests, so
 * the simulator's first paint is a stored run from the first visitor on (start-up scripts call
 * this after migrating; it computes in-process, which is fine outside a request).
 */
import type { PrismaClient } from '../generated/prisma/client';
import { simulate } from '../sim/simulate';
import { DEFAULT_CONFIG, type SimConfig } from '../validation/sim-config';
import { RUN_BAND_SEEDS } from './band';
import { findStoredRun, insertRun } from './store';
import { toStoredResult } from './stored-result';

export async function warmRunStore(db: PrismaClient, configs: SimConfig[] = [DEFAULT_CONFIG]): Promise<number> {
  let computed = 0;
  for (const config of configs) {
    if (await findStoredRun(db, config)) continue;
    await insertRun(db, config, toStoredResult(simulate(config, { bandSeeds: RUN_BAND_SEEDS })));
    computed++;
  }
  return computed;
}
