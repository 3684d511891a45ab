/**
 * Where the server runs the engine: a pool of worker threads (Piscina), never a request thread.
 * - Concurrency: ENGINE_THREADS threads (default cores - 1, at least 1), so a core stays free
 *   for requests; threads start at once and stay alive (each compiles the engine on start).
 * - Queue: at most ENGINE_QUEUE_MAX runs wait; beyond that a run is refused at once with
 *   AppError BUSY ("try again in a few seconds"), so a burst cannot pile up minutes of work.
 * - Time limit: ENGINE_RUN_TIME_LIMIT_MS per run, counted from when a thread starts it. The
 *   engine stops itself at the first layer boundary past the limit; if a single layer runs on,
 *   the thread is terminated GRACE_MS later (Piscina replaces it). Either way: AppError TIMEOUT.
 * The main thread only posts the config and receives the compact stored result.
 * Node-only by its imports (worker threads); no 'server-only' guard, so scripts and the bench can
 * use it too. Server code reaches it through lib/data/runs.ts.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { getEnv } from '../env';
import { AppError, BUSY_MESSAGE } from '../errors';
import { estimateRunMs } from '../sim/cost';
import type { SimConfig } from '../validation/sim-config';
import type { TrainLossCriterion } from '../grading/train-criterion';
import type { EngineTask, EngineTaskResult } from './engine-task';
import { RUN_BAND_SEEDS } from './band';
import type { StoredRunResult } from './stored-result';

export { RUN_BAND_SEEDS } from './band';

/** How long past the limit a thread that has not stopped itself is left before termination. */
const GRACE_MS = 1000;

/** Read at run time from the project root (the app and its scripts always run from there). */
const WORKER_FILE = path.join(process.cwd(), /*turbopackIgnore: true*/ 'lib', 'runs', 'engine-worker.mjs');

export interface EnginePoolOptions {
  threads: number;
  queueMax: number;
  timeLimitMs: number;
  /** Milliseconds past the limit before a thread that has not stopped itself is terminated (default GRACE_MS). */
  graceMs?: number;
}

export function poolOptionsFromEnv(): EnginePoolOptions {
  const env = getEnv();
  return {
    threads: env.ENGINE_THREADS ?? Math.max(1, availableParallelism() - 1),
    queueMax: env.ENGINE_QUEUE_MAX,
    timeLimitMs: env.ENGINE_RUN_TIME_LIMIT_MS,
  };
}

export function timeoutError(limitMs: number, message = 'engine run cancelled at its time limit'): AppError {
  return new AppError(
    'TIMEOUT',
    `This run needs more than ${Math.round(limitMs / 1000)} seconds of server time, so the server stopped it. Try a smaller network (fewer layers, units or samples); the simulator can still run it in your browser.`,
    message,
  );
}

export interface EngineRun {
  result: StoredRunResult;
  /** Milliseconds the worker spent computing. */
  ms: number;
  /** Milliseconds from run() until a thread started the task (the queue and the hand-over). */
  queueMs: number;
  /** Milliseconds from run() until the result was back on this thread. */
  totalMs: number;
}

export class EnginePool {
  private readonly pool: Piscina<EngineTask, EngineTaskResult>;
  private closed = false;
  /** Runs admitted and not finished (running or waiting). */
  private admitted = 0;
  /**
   * Measured time / cost-model estimate of recent runs (the model's weights are the development
   * machine's): multiply estimateRunMs by this for this server's milliseconds. Starts at 1.
   */
  speedFactor = 1;

  constructor(readonly options: EnginePoolOptions) {
    this.pool = new Piscina({
      filename: WORKER_FILE,
      minThreads: options.threads,
      maxThreads: options.threads,
      // Admission is counted in run(); Piscina's own limit is only a backstop.
      maxQueue: options.queueMax + options.threads,
      concurrentTasksPerWorker: 1,
      idleTimeout: 60_000,
    });
  }

  /** Runs waiting for a thread. */
  get queued(): number {
    return this.pool.queueSize;
  }

  /** Whether a new run would be refused as BUSY right now. */
  get full(): boolean {
    return this.admitted >= this.options.threads + this.options.queueMax;
  }

  async run(config: SimConfig, bandSeeds = RUN_BAND_SEEDS): Promise<EngineRun> {
    if (this.closed) throw new Error('engine pool closed');
    // Counted here rather than trusting Piscina's queue, which fills only once threads are busy.
    if (this.full) throw new AppError('BUSY', BUSY_MESSAGE, 'engine queue full');
    this.admitted++;
    const limit = this.options.timeLimitMs;
    const abort = new AbortController();
    const { port1, port2 } = new MessageChannel();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const t0 = performance.now();
    let queueMs = 0;
    port1.once('message', () => {
      queueMs = performance.now() - t0;
      timer = setTimeout(() => abort.abort(), limit + (this.options.graceMs ?? GRACE_MS));
    });
    try {
      const out = await this.pool.run({ config, bandSeeds, timeLimitMs: limit, started: port2 }, { signal: abort.signal, transferList: [port2] });
      if (!out.ok) throw timeoutError(limit);
      this.learn(out.ms, out.estimatedMs);
      return { result: out.result, ms: out.ms, queueMs, totalMs: performance.now() - t0 };
    } catch (err) {
      if (abort.signal.aborted) throw timeoutError(limit, 'engine worker terminated at its time limit');
      if (err instanceof Error && /queue is at limit/i.test(err.message)) throw new AppError('BUSY', BUSY_MESSAGE, 'engine queue full');
      throw err;
    } finally {
      this.admitted--;
      clearTimeout(timer);
      port1.close();
    }
  }

  /**
   * Final training loss for a `train-loss-below` criterion, computed on a pool thread under the
   * same admission rule as runs (BUSY when the queue is full). Its work is bounded before it
   * starts (TRAIN_CRITERION_MAX_WORK: a second or two), so no time limit is needed.
   */
  async trainLoss(config: SimConfig, criterion: TrainLossCriterion): Promise<number | null> {
    if (this.closed) throw new Error('engine pool closed');
    if (this.full) throw new AppError('BUSY', BUSY_MESSAGE, 'engine queue full');
    this.admitted++;
    try {
      // One pool for both task kinds; the worker file exports `trainLoss` beside the default run task.
      const out: unknown = await this.pool.run({ config, criterion } as unknown as EngineTask, { name: 'trainLoss' });
      return out as number | null;
    } finally {
      this.admitted--;
    }
  }

  /** Runs under 5 ms say more about timer noise than about speed; skip them. */
  private learn(ms: number, estimatedMs: number): void {
    if (!(estimatedMs > 0) || ms < 5) return;
    const ratio = Math.min(20, Math.max(0.05, ms / estimatedMs));
    this.speedFactor = 0.8 * this.speedFactor + 0.2 * ratio;
  }

  /** Milliseconds a run of this config is expected to take on this server's threads. */
  estimateMs(config: SimConfig, bandSeeds = RUN_BAND_SEEDS): number {
    return estimateRunMs(config, bandSeeds) * this.speedFactor;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.pool.destroy();
  }
}

/** Kept on globalThis so hot reload in development does not start a second pool. */
const g = globalThis as typeof globalThis & { __initlabEnginePool?: EnginePool };

/** The app's pool, created on first use. */
export function getEnginePool(): EnginePool {
  g.__initlabEnginePool ??= new EnginePool(poolOptionsFromEnv());
  return g.__initlabEnginePool;
}
