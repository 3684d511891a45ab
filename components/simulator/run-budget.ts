/**
 * Shared sizing of simulation runs, imported by the server page and the client hook (a plain
 * module, so the server gets the values rather than client references).
 */
import { choosePath, estimatePathCost } from '@/lib/sim';
import type { SimConfig } from '@/lib/validation/sim-config';

/** Seeds in the Monte Carlo band (the engine's default, stated so cost estimates agree). */
export const BAND_SEEDS = 5;

/**
 * The server computes the first result when runCost(config) is at most this, so
 * the first paint has numbers; bigger configs are left to the browser's worker, because a page
 * request must not hold a server core for seconds.
 */
export const SERVER_RENDER_MAX_UNITS = 6e8;

/** Predicted work of a full run (band included) in the engine's own cost units, on the path it will take. */
export function runCost(config: SimConfig): number {
  return estimatePathCost(config)[choosePath(config)] * BAND_SEEDS;
}
