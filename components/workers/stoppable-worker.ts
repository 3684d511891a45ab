/**
 * A Web Worker whose current run the page can stop without terminating it.
 *
 * `Worker.terminate()` does not end a busy worker at once: Chromium lets a running script go on
 * for up to two seconds before it forces the end. A worker terminated because a student changed
 * the run kept a core busy beside its own replacement (on a 2-core machine, the page's core), and
 * the replacement loaded its chunks and compiled the WebAssembly kernels again.
 *
 * So where the page is cross-origin isolated (next.config.mjs sends COOP and COEP, which makes
 * SharedArrayBuffer available), each worker shares a stop counter with the page. A request carries
 * the counter's value when it was posted; the worker's progress callback checks it (`stopRequested`)
 * and gives the run up as soon as it has moved, and the same worker, already warm, takes the next
 * request. Without isolation, stop() terminates the worker as before.
 *
 * The Worker itself is made by the caller, with the literal `new Worker(new URL('./x.ts',
 * import.meta.url), { type: 'module' })` that Turbopack and webpack recognise and bundle as a
 * separate chunk.
 */

/** What post() adds to a request: the page's stop counter and its value when posted. */
export interface StopFields {
  stop?: Int32Array;
  generation?: number;
}

export class StoppableWorker<Request extends object, Response> {
  /** Slot 0 counts stops; shared with the worker. Null where SharedArrayBuffer is unavailable. */
  private readonly stops: Int32Array | null;

  constructor(
    private readonly worker: Worker,
    onMessage: (msg: Response) => void,
    onError?: (e: ErrorEvent) => void,
  ) {
    this.worker.onmessage = (e: MessageEvent<Response>) => onMessage(e.data);
    if (onError) this.worker.onerror = onError;
    this.stops = typeof SharedArrayBuffer === 'function' && globalThis.crossOriginIsolated ? new Int32Array(new SharedArrayBuffer(4)) : null;
  }

  post(request: Request): void {
    const shared: StopFields = this.stops ? { stop: this.stops, generation: Atomics.load(this.stops, 0) } : {};
    this.worker.postMessage({ ...request, ...shared });
  }

  /**
   * Stops the run in progress and any request posted before now. Returns true when the worker
   * stays usable: the stopped run answers at its next progress check. False when the worker had
   * to be terminated: make a new one.
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

/** Inside the worker: whether the page has stopped this request since posting it. */
export function stopRequested({ stop, generation }: StopFields): boolean {
  return stop !== undefined && Atomics.load(stop, 0) !== generation;
}
