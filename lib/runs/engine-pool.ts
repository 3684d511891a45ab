import 'server-only';
/**
 * Where the server runs the engine. Phase 1: in-process (to be replaced by a worker pool with the
 * same signature, so lib/data/runs.ts does not change).
 */
import { simulate } from '../sim';
import type { SimConfig } from '../validation/sim-config';
import { toStoredResult, type StoredRunResult } from './stored-result';

/** Seeds in the band of a stored run: the simulator's, so a stored run is what the page shows. */
export const RUN_BAND_SEEDS = 5;

/** Computes the storable result of one config. */
export async function computeRun(config: SimConfig): Promise<StoredRunResult> {
  return toStoredResult(simulate(config, { bandSeeds: RUN_BAND_SEEDS }));
}
