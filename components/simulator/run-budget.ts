/**
 * Shared sizing of simulation runs, imported by the server page and the client hook (a plain
 * module, so the server gets the values rather than client references).
 */
import { estimateRunMs } from '@/lib/sim/cost';
import type { SimConfig } from '@/lib/validation/sim-config';

/** Seeds in the Monte Carlo band (the engine's default and the stored runs', so estimates agree). */
export const BAND_SEEDS = 5;

/**
 * First paint: the page waits at most this long for a run (a stored one is a database read; a
 * new small one may come from the server's pool), then renders the shell and the browser computes.
 */
export const SERVER_PAGE_BUDGET_MS = 50;

/**
 * The page asks the server's pool to start a run it does not have only when the run is expected
 * to take at most this long on the server; it is then stored for the next visitor even if it
 * misses the first paint. Bigger runs are left to the visitor's browser, so page views cannot
 * fill the server with heavy work.
 */
export const SERVER_PAGE_COMPUTE_MAX_MS = 1500;

/**
 * Predicted cost of a full run (band included) on the path it will take: the cost model's
 * milliseconds on the development machine (lib/sim/cost.ts). Callers scale it by a speed factor
 * they measure.
 */
export function runCost(config: SimConfig): number {
  return estimateRunMs(config, BAND_SEEDS);
}
