/**
 * A Web Worker running the engine (sim-worker.ts), with a way to stop the run it is computing.
 *
 * `Worker.terminate()` does not end a busy worker at once: Chromium lets a running script go on
 * for up to two seconds before it forces the end. A band worker terminated because a student typed
 * a new seed kept a core busy beside its own replacement, on a 2-core machine the page's core, and
 * the replacement loaded its chunks and compiled the WebAssembly kernels again.
 *
 * So where the page is cross-origin isolated (next.config.mjs sends COOP and COEP, which makes
 * SharedArrayBuffer available), each worker shares a stop counter with the page. A request carries
 * the counter's value when it was posted; the engine's progress callback reads the counter at
 * every layer step and gives the run up as soon as it has moved, and the same worker, already
 * warm, takes the next request. Without isolation, stop() terminates the worker as before.
 */
import type { WorkerRequest, WorkerResponse } from './sim-worker';

export class EngineWorker {
  private readonly worker: Worker;
  /** Slot 0 counts stops; shared with the worker. Null where SharedArrayBuffer is unavailable. */
  private readonly stops: Int32Array | null;

  constructor(onMessage: (msg: WorkerResponse) => void, onError?: (e: ErrorEvent) => void) {
    // Literal `new URL(..., import.meta.url)` inside `new Worker(...)`: the form Turbopack and
    // webpack both recognise and bundle as a separate worker chunk.
    this.worker = new Worker(new URL('./sim-worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<WorkerResponse>) => onMessage(e.data);
    if (onError) this.worker.onerror = onError;
    this.stops = typeof SharedArrayBuffer === 'function' && globalThis.crossOriginIsolated ? new Int32Array(new SharedArrayBuffer(4)) : null;
  }

  post(request: Omit<WorkerRequest, 'stop' | 'generation'>): void {
    const shared = this.stops ? { stop: this.stops, generation: Atomics.load(this.stops, 0) } : {};
    this.worker.postMessage({ ...request, ...shared } satisfies WorkerRequest);
  }

  /**
   * Stops the run in progress and any request posted before now. Returns true when the worker
   * stays usable: the stopped run answers `cancelled` within a layer's time. False when the
   * worker had to be terminated: make a new one.
   */
  stop(): boolean {
    if (this.stops) {
      Atomics.add(this.stops, 0, 1);
      return true;
    }
    this.worker.terminate();
    return false;
  }

  terminate(): void {
    this.worker.terminate();
  }
}
