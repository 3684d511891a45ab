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
import { DEFAULT_CONFIG, type SimConfig } from '../validation/sim-config';
import { RUN_BAND_SEEDS } from './band';
import { toStoredResult, type StoredRunResult } from './stored-result';
import type { TrainLossCriterion } from '../grading/train-criterion';
import { trainingLossForCriterion } from '../grading/train-loss';

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

/** A `train-loss-below` criterion's training run (bounded by TRAIN_CRITERION_MAX_WORK), off the request thread. */
export function trainLossTask(task: { config: SimConfig; criterion: TrainLossCriterion }): number | null {
  return trainingLossForCriterion(task.config, task.criterion);
}

/**
 * Two untimed, unstored runs of the simulator's default config, done by a new pool thread before
 * it takes tasks (engine-worker.mjs), so that V8 has compiled the engine's hot loops (and the
 * wasm kernels and random-number tables are built) before the first real run: a cold thread's
 * first default run took about 3 times as long as the next ones (350-470 ms against 110-150 ms,
 * measured on the 2-core development machine under load; after one warm-up run, still about 1.5
 * times). Returns the milliseconds it took.
 */
export function warmEngine(): number {
  const start = performance.now();
  for (let i = 0; i < 2; i++) simulate({ ...DEFAULT_CONFIG, seed: DEFAULT_CONFIG.seed + i }, { bandSeeds: RUN_BAND_SEEDS });
  return performance.now() - start;
}
