/// <reference lib="webworker" />
/**
 * Web Worker that runs the engine off the main thread for configs too large to finish within a
 * frame. Bundled by Next (Turbopack) from `new Worker(new URL('./sim-worker.ts', import.meta.url))`
 * in engine-worker.ts; it imports the same lib/sim the server and the command line use, so its
 * numbers are bit-identical. simulate() is synchronous, so no message can reach a run in progress:
 * the page stops one through a counter in shared memory that the run reads at every layer step
 * (engine-worker.ts), or, where shared memory is unavailable, by terminating the worker.
 */
import { simulate, SimulationCancelled } from '@/lib/sim';
import type { SimConfig } from '@/lib/validation/sim-config';
import { stopRequested, yieldToPage, type StopFields } from '../workers/stoppable-worker';

export interface WorkerRequest extends StopFields {
  id: number;
  config: SimConfig;
  /** 1 for a preview (the first seed alone), BAND_SEEDS for the full band. */
  bandSeeds: number;
  /**
   * Post the first seed's result as soon as it is done, before the rest of the band: for runs too
   * big to hand a second thread on a machine with few cores (use-simulation.ts), the student sees
   * the numbers a band sooner.
   */
  preview?: boolean;
}

export type WorkerResponse =
  | { type: 'progress'; id: number; fraction: number }
  | { type: 'preview'; id: number; result: ReturnType<typeof simulate> }
  /** ms: computing time, without `pausedMs`, the time spent waiting for the page (yieldToPage). */
  | { type: 'done'; id: number; result: ReturnType<typeof simulate>; ms: number; pausedMs: number }
  | { type: 'error'; id: number; message: string }
  | { type: 'cancelled'; id: number };

const ctx = self as unknown as DedicatedWorkerGlobalScope;

ctx.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const { id, config, bandSeeds, preview } = event.data;
  const post = (m: WorkerResponse) => ctx.postMessage(m);
  // Once the page's stop counter moves on, the request is given up (answered `cancelled`).
  const stopped = () => stopRequested(event.data);
  // Requests queued behind a stopped run were stopped with it.
  if (stopped()) return post({ type: 'cancelled', id });
  let pausedMs = 0;
  let lastReport = 0;
  let lastFraction = -1;
  const progress = (fraction: number) => {
    if (stopped()) return false;
    // The page has a frame to make: give it the core until then (stoppable-worker.ts).
    pausedMs += yieldToPage(event.data);
    if (stopped()) return false;
    // Throttle: at most every 150 ms and only when the shown percentage moves, so progress never
    // makes the page re-render more than a few times a second.
    const now = performance.now();
    if ((now - lastReport > 150 && Math.round(fraction * 100) !== Math.round(lastFraction * 100)) || fraction >= 1) {
      lastReport = now;
      lastFraction = fraction;
      post({ type: 'progress', id, fraction });
    }
  };
  try {
    const start = performance.now();
    // The preview is the band's own first seed, posted as soon as it is done (not computed twice).
    const onFirstSeed = preview && bandSeeds > 1 ? (result: ReturnType<typeof simulate>) => post({ type: 'preview', id, result }) : undefined;
    const result = simulate(config, { bandSeeds, onProgress: progress, onFirstSeed });
    post({ type: 'done', id, result, ms: performance.now() - start - pausedMs, pausedMs });
  } catch (err) {
    if (err instanceof SimulationCancelled) post({ type: 'cancelled', id });
    else post({ type: 'error', id, message: err instanceof Error ? err.message : String(err) });
  }
};
