/**
 * One engine run as a worker-pool task: simulate the config, keep the storable part. Runs inside
 * a worker thread (lib/runs/engine-worker.mjs loads it), never on a request thread.
 *
 * The time limit counts from the moment the worker starts the task (not from queueing): the
 * engine's progress callback, called after every layer of every pass, stops the run once the
 * deadline has passed. A single layer cannot be interrupted, so the pool also terminates the
 * worker outright a little after the limit (engine-pool.ts), told of the start by `started`.
 */
import { estimateRunMs } from '../sim/cost';
import { simulate, SimulationCancelled } from '../sim/simulate';
import type { SimConfig } from '../validation/sim-config';
import { toStoredResult, type StoredRunResult } from './stored-result';

export interface EngineTask {
  config: SimConfig;
  bandSeeds: number;
  /** Wall-clock milliseconds the run may take once started. */
  timeLimitMs: number;
  /** Receives 'started' when the worker picks the task up (a worker_threads MessagePort). */
  started?: { postMessage(message: unknown): void; close?(): void };
}

export type EngineTaskResult =
  | { ok: true; result: StoredRunResult; ms: number; estimatedMs: number }
  | { ok: false; reason: 'timeout'; ms: number; estimatedMs: number };

export function runEngineTask(task: EngineTask): EngineTaskResult {
  const start = performance.now();
  task.started?.postMessage('started');
  task.started?.close?.();
  const deadline = start + task.timeLimitMs;
  // Estimated here, where this thread's caches (the recommendation's) are what the run will see.
  const estimatedMs = estimateRunMs(task.config, task.bandSeeds);
  try {
    const result = simulate(task.config, { bandSeeds: task.bandSeeds, onProgress: () => performance.now() < deadline });
    return { ok: true, result: toStoredResult(result), ms: performance.now() - start, estimatedMs };
  } catch (err) {
    if (err instanceof SimulationCancelled) return { ok: false, reason: 'timeout', ms: performance.now() - start, estimatedMs };
    throw err;
  }
}
