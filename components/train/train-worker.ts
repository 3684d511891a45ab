/// <reference lib="webworker" />
/**
 * Web Worker that trains one initialization of a comparison (the page starts one per core and
 * hands out the schemes), so the page stays responsive. It imports the same lib/train the server
 * and the tests use, so its numbers are bit-identical to theirs. Training is synchronous, so no
 * message can reach a run in progress: the page stops one through a counter in shared memory that
 * the run reads every few steps (components/workers/stoppable-worker.ts), or, where shared memory
 * is unavailable, by terminating the worker.
 */
import { trainScheme, TrainingCancelled, type TrainRun } from '@/lib/train';
import type { TrainSpec } from '@/lib/validation/train-config';
import { stopRequested, type StopFields } from '../workers/stoppable-worker';

export interface TrainWorkerRequest extends StopFields {
  job: number;
  spec: TrainSpec;
  index: number;
}

export type TrainWorkerResponse =
  | { type: 'progress'; job: number; index: number; fraction: number }
  | { type: 'done'; job: number; index: number; run: TrainRun; ms: number }
  | { type: 'error'; job: number; index: number; message: string }
  | { type: 'cancelled'; job: number; index: number };

const ctx = self as unknown as DedicatedWorkerGlobalScope;

ctx.onmessage = (event: MessageEvent<TrainWorkerRequest>) => {
  const { job, spec, index } = event.data;
  const post = (m: TrainWorkerResponse) => ctx.postMessage(m);
  // Requests queued behind a stopped run were stopped with it.
  if (stopRequested(event.data)) return post({ type: 'cancelled', job, index });
  const start = performance.now();
  let last = 0;
  try {
    const run = trainScheme(spec, index, {
      onProgress: (fraction) => {
        if (stopRequested(event.data)) return false;
        const now = performance.now();
        if (now - last > 100) {
          last = now;
          post({ type: 'progress', job, index, fraction });
        }
      },
    });
    post({ type: 'done', job, index, run, ms: performance.now() - start });
  } catch (err) {
    if (err instanceof TrainingCancelled) post({ type: 'cancelled', job, index });
    else post({ type: 'error', job, index, message: err instanceof Error ? err.message : String(err) });
  }
};
