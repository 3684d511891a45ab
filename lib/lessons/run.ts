/**
 * The lessons' single door into the engine. Pages (at build time), the check-yourself widgets
 * (in the browser) and the tests all run configs through `runLessonSim`, with the same options,
 * so a number printed in a lesson is exactly the number a test recomputes.
 *
 * Client-safe on purpose: no `server-only`, no Node APIs.
 */
import { simulate } from '../sim';
import type { SimResult } from '../sim/types';
import { simConfigSchema, type SimConfig, type SimConfigInput } from '../validation/sim-config';

/**
 * One band seed: lessons quote the run for the stated seed, not the spread across seeds, and a
 * single seed keeps static generation and in-browser grading quick.
 */
export const LESSON_SIM_OPTIONS = { bandSeeds: 1 } as const;

const cache = new Map<string, SimResult>();

/** Normalizes a lesson config through the shared schema (fills defaults, rejects typos). */
export function normalizeLessonConfig(input: SimConfigInput): SimConfig {
  return simConfigSchema.parse(input);
}

/**
 * Runs (and memoizes, per process) a lesson config. The engine is deterministic for a seed, so
 * caching by the normalized config is safe; several facts and tables share the same runs.
 */
export function runLessonSim(input: SimConfigInput, bandSeeds: number = LESSON_SIM_OPTIONS.bandSeeds): SimResult {
  const config = normalizeLessonConfig(input);
  const key = `${bandSeeds}:${JSON.stringify(config)}`;
  let result = cache.get(key);
  if (!result) {
    // More band seeds leave the first seed's numbers unchanged (seed, seed + 1, ...), so a check
    // that needs the spread still grades against the number the lesson prints.
    result = simulate(config, { ...LESSON_SIM_OPTIONS, bandSeeds });
    cache.set(key, result);
  }
  return result;
}
