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
 * The same shared memory carries one more signal, for all of the page's workers: the page is busy
 * (pageNeedsCore: an input to answer, a result to draw). A worker that honours it (yieldToPage at
 * its progress checks) pauses until the page has painted, because on a 2-core machine a worker
 * holding one core left the page's thread, the compositor and the browser sharing the other, and
 * a 15 ms frame stretched past 50 ms.
 *
 * The Worker itself is made by the caller, with the literal `new Worker(new URL('./x.ts',
 * import.meta.url), { type: 'module' })` that Turbopack and webpack recognise and bundle as a
 * separate chunk.
 */

/** What post() adds to a request: the page's stop counter, its value when posted, and the page's busy flag. */
export interface StopFields {
  stop?: Int32Array;
  generation?: number;
  pageBusy?: Int32Array;
}

const sharedMemory = () => typeof SharedArrayBuffer === 'function' && globalThis.crossOriginIsolated;

/**
 * One flag for all of the page's workers: 1 while the page has a frame of its own to make (an
 * input to answer, a result to draw). Undefined until first needed, null without shared memory.
 */
let pageBusy: Int32Array | null | undefined;
const pageBusyFlag = (): Int32Array | null => (pageBusy === undefined ? (pageBusy = sharedMemory() ? new Int32Array(new SharedArrayBuffer(4)) : null) : pageBusy);
let lowerScheduled = false;
/** The page's busy flag drops after this long even without a frame (a hidden tab has none). */
const PAGE_BUSY_MAX_MS = 100;
/** Longest pause of a worker at one progress check. */
export const YIELD_MAX_MS = 50;

/**
 * The page has work for its main thread (an input, a result to draw): workers that honour the
 * flag (`yieldToPage`) pause at their next progress check until the page has painted the next
 * frame, so on a machine with few cores the page's thread, the compositor and the browser get
 * the core a worker would hold. Bounded on both sides: the flag drops after the next frame or
 * PAGE_BUSY_MAX_MS, whichever comes first, and a worker waits at most YIELD_MAX_MS per check.
 */
export function pageNeedsCore(): void {
  const flag = pageBusyFlag();
  if (!flag) return;
  Atomics.store(flag, 0, 1);
  if (lowerScheduled) return;
  lowerScheduled = true;
  let lowered = false;
  const lower = () => {
    if (lowered) return;
    lowered = true;
    lowerScheduled = false;
    Atomics.store(flag, 0, 0);
    Atomics.notify(flag, 0);
  };
  // After the next frame is painted: a task queued from requestAnimationFrame runs after paint.
  requestAnimationFrame(() => setTimeout(lower, 0));
  setTimeout(lower, PAGE_BUSY_MAX_MS);
}

/**
 * Inside the worker, at a progress check: pauses while the page is busy (see pageNeedsCore).
 * Returns the milliseconds spent waiting (0 when the page was not busy).
 */
export function yieldToPage({ pageBusy }: StopFields): number {
  if (!pageBusy || Atomics.load(pageBusy, 0) !== 1) return 0;
  const start = performance.now();
  Atomics.wait(pageBusy, 0, 1, YIELD_MAX_MS);
  return performance.now() - start;
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
    this.stops = sharedMemory() ? new Int32Array(new SharedArrayBuffer(4)) : null;
  }

  post(request: Request): void {
    const shared: StopFields = this.stops ? { stop: this.stops, generation: Atomics.load(this.stops, 0), pageBusy: pageBusyFlag() ?? undefined } : {};
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
