/**
 * The engine's Web Worker (sim-worker.ts), stoppable mid-run through shared memory
 * (components/workers/stoppable-worker.ts).
 */
import { StoppableWorker, type StopFields } from '../workers/stoppable-worker';
import type { WorkerRequest, WorkerResponse } from './sim-worker';

export class EngineWorker extends StoppableWorker<Omit<WorkerRequest, keyof StopFields>, WorkerResponse> {
  constructor(onMessage: (msg: WorkerResponse) => void, onError?: (e: ErrorEvent) => void) {
    super(new Worker(new URL('./sim-worker.ts', import.meta.url), { type: 'module' }), onMessage, onError);
  }
}
