/// <reference lib="webworker" />
/**
 * Web Worker that trains one initialization of a comparison (the page starts one per core and
 * hands out the schemes), so the page stays responsive. It imports the same lib/train the server
 * and the tests use, so its numbers are bit-identical to theirs. Cancellation is terminate() from
 * the page: training is synchronous, a "cancel" message could not be read mid-run.
 */
import { trainScheme, type TrainRun } from '@/lib/train';
import type { TrainSpec } from '@/lib/validation/train-config';

export interface TrainWorkerRequest {
  job: number;
  spec: TrainSpec;
  index: number;
}

export type TrainWorkerResponse =
  | { type: 'progress'; job: number; index: number; fraction: number }
  | { type: 'done'; job: number; index: number; run: TrainRun; ms: number }
  | { type: 'error'; job: number; index: number; message: string };

const ctx = self as unknown as DedicatedWorkerGlobalScope;

ctx.onmessage = (event: MessageEvent<TrainWorkerRequest>) => {
  const { job, spec, index } = event.data;
  const post = (m: TrainWorkerResponse) => ctx.postMessage(m);
  const start = performance.now();
  let last = 0;
  try {
    const run = trainScheme(spec, index, {
      onProgress: (fraction) => {
        const now = performance.now();
        if (now - last > 100) {
          last = now;
          post({ type: 'progress', job, index, fraction });
        }
      },
    });
    post({ type: 'done', job, index, run, ms: performance.now() - start });
  } catch (err) {
    post({ type: 'error', job, index, message: err instanceof Error ? err.message : String(err) });
  }
};
