/**
 * Issue #13 point 3: a computing worker gives the page its core while the page makes a frame
 * (components/workers/stoppable-worker.ts). The page side raises a flag in shared memory and
 * lowers it after the next frame; the worker side waits on it, never longer than YIELD_MAX_MS.
 */
import { Worker as ThreadWorker } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';

type Module = typeof import('../../components/workers/stoppable-worker');

/** A fresh copy of the module (its flag is made once per page), with the page's globals stubbed. */
async function load(isolated: boolean): Promise<Module> {
  vi.resetModules();
  vi.stubGlobal('crossOriginIsolated', isolated);
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => setTimeout(() => cb(performance.now()), 16));
  return import('../../components/workers/stoppable-worker');
}

/** What the page posts to a worker, captured from a stand-in Worker. */
function posted(mod: Module): Record<string, unknown> {
  let message: Record<string, unknown> = {};
  const fake = { postMessage: (m: Record<string, unknown>) => (message = m) } as unknown as Worker;
  new mod.StoppableWorker<{ id: number }, unknown>(fake, () => {}).post({ id: 1 });
  return message;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the page-busy flag', () => {
  it('is not sent, and nothing waits, without shared memory', async () => {
    const mod = await load(false);
    mod.pageNeedsCore();
    const msg = posted(mod);
    expect(msg.pageBusy).toBeUndefined();
    expect(mod.yieldToPage(msg)).toBe(0);
  });

  it('a worker does not wait while the page is not busy', async () => {
    const mod = await load(true);
    const msg = posted(mod);
    expect(msg.pageBusy).toBeInstanceOf(Int32Array);
    expect(mod.yieldToPage(msg)).toBe(0);
  });

  it('a worker waits while the page makes its frame, and is woken when the frame is done', async () => {
    const mod = await load(true);
    let frame: FrameRequestCallback | null = null;
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => void (frame = cb));
    const flag = posted(mod).pageBusy as Int32Array;
    // A real thread waits on the flag as yieldToPage does, but with no time limit of its own: it
    // returns only when the page lowers the flag and wakes it ('ok'; 'timed-out' would mean no
    // wake came).
    const thread = new ThreadWorker(
      `const { parentPort, workerData: flag } = require('node:worker_threads');
       parentPort.postMessage('ready');
       while (Atomics.load(flag, 0) === 0);
       parentPort.postMessage(Atomics.wait(flag, 0, 1, 10000));`,
      { eval: true, workerData: flag },
    );
    const messages: unknown[] = [];
    const outcome = new Promise((resolve, reject) => {
      thread.on('message', (m) => (messages.push(m), m !== 'ready' && resolve(m)));
      thread.once('error', reject);
    });
    await vi.waitFor(() => expect(messages).toContain('ready'));
    mod.pageNeedsCore();
    expect(Atomics.load(flag, 0)).toBe(1);
    await new Promise((r) => setTimeout(r, 20));
    expect(messages, 'the thread is still waiting for the page').toEqual(['ready']);
    // The next frame is painted; the task after it lowers the flag.
    frame!(performance.now());
    expect(await outcome).toBe('ok');
    await thread.terminate();
    expect(Atomics.load(flag, 0)).toBe(0);
    expect(mod.yieldToPage({ pageBusy: flag })).toBe(0);
  });

  it('never holds a worker longer than YIELD_MAX_MS per check, even if the page never lowers it', async () => {
    const mod = await load(true);
    const flag = new Int32Array(new SharedArrayBuffer(4));
    Atomics.store(flag, 0, 1);
    const waited = mod.yieldToPage({ pageBusy: flag });
    expect(waited).toBeGreaterThanOrEqual(mod.YIELD_MAX_MS - 5);
    expect(waited).toBeLessThan(mod.YIELD_MAX_MS * 20);
  });
});
