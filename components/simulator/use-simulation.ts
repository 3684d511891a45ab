'use client';
/**
 * Runs the engine for the simulator page, off the main thread unless a run is tiny.
 * - Tiny runs (the whole band predicted within MAIN_THREAD_BUDGET_MS) run on the main thread in
 *   the next animation frame and commit there, so a small network follows a slider every frame.
 * - Everything else goes to two Web Workers:
 *   - the preview worker computes the first seed alone (the summary and curves come from it; the
 *     other seeds only add the band) and is never interrupted for a short job: a request that
 *     arrives while it is busy waits as the one pending request, so a burst of changes ends with
 *     the newest. The numbers of a default-sized network arrive in a frame or two, and the main
 *     thread computes nothing.
 *     Bigger previews (PREVIEW_WORKER_MAX_MS) are posted by the band worker instead, as soon as
 *     its first seed is done, so at most one thread computes a big run and the page keeps a core.
 *   - the band worker computes the full band with progress and cancel. A newer request stops it
 *     (engine-worker.ts: within a layer's time, and the warm worker takes the next band; or by
 *     terminating it where the page has no shared memory), and it starts WORKER_DEBOUNCE_MS
 *     after the last change, so a slider drag starts one band, not fifty, and not before the
 *     preview worker is done: one worker computes at a time.
 *   - While a worker computes, the page's own frames (an input, a result to draw) come first:
 *     the worker pauses at its next layer until the page has painted (stoppable-worker.ts,
 *     pageNeedsCore). On a 2-core machine a computing worker otherwise left the page's thread
 *     sharing one core with the compositor and the browser, and 15 ms frames took over 50 ms.
 * Only the newest request matters: results carry their request's id and older ones are dropped.
 * Predictions are the cost model's estimate (run-budget.ts) times this machine's measured
 * milliseconds per unit: the median of recent runs (machines differ by 10x).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { simulate } from '@/lib/sim';
import type { SimResult } from '@/lib/sim/types';
import { DEFAULT_CONFIG, parseSimConfig, type SimConfig } from '@/lib/validation/sim-config';
import { configToSearchParams } from '@/lib/validation/sim-config-url';
import type { WorkerResponse } from './sim-worker';
import { pageNeedsCore } from '../workers/stoppable-worker';
import { EngineWorker } from './engine-worker';
import { BAND_SEEDS, runCost } from './run-budget';

/** Main-thread budget for a full run: about one frame plus slack; beyond this the workers take over. */
const MAIN_THREAD_BUDGET_MS = 24;
/** Whatever the measured speed, never block the main thread on anything this big (estimated ms). */
const MAIN_THREAD_MAX_UNITS = 2000;
/** Debounce for band runs, so a slider drag starts one band at the end, not fifty. */
const WORKER_DEBOUNCE_MS = 120;
/**
 * A stale preview predicted to run on for longer than this is stopped rather than waited for
 * (a shorter one finishes, so a slider drag keeps showing numbers as it goes).
 */
const PREVIEW_RESTART_MS = 300;
/**
 * Previews predicted longer than this come from the band worker itself (its first seed): two
 * threads computing at once would leave a 2-core machine's page thread short of a core.
 */
const PREVIEW_WORKER_MAX_MS = 150;
/**
 * Starting guess of this machine's milliseconds per estimated millisecond (the cost model is in
 * the development machine's milliseconds, and the browser's engine measured about 0.3-0.5 of
 * them on a 2-core machine, busy or not); replaced by measurements after each run.
 */
const INITIAL_MS_PER_UNIT = 0.6;

export type RunOrigin = 'server' | 'main' | 'worker';

/** The main thread warms the engine up only in an idle period at least this long (ms; browsers give at most 50). */
const MAIN_WARM_UP_IDLE_MS = 40;
/** Idle callbacks to wait through for such a period before leaving the warm-up to the first run. */
const MAIN_WARM_UP_TRIES = 50;

/** Job id of the warm-up run; real jobs count up from 1, so its answer is never shown. */
const WARM_UP_JOB = -1;

export interface SimulationState {
  result: SimResult | null;
  /**
   * What the heavy views (charts, network view, table) show: the result, except that a one-seed
   * preview whose full band follows within BAND_SOON_MS is not drawn twice (the views keep the
   * previous full result until the band arrives; the numbers show the preview at once).
   */
  viewResult: SimResult | null;
  origin: RunOrigin | null;
  /** A run is queued or computing for `pending`. */
  running: boolean;
  /** The shown result is a one-seed preview; the full band is still being computed (or was cancelled). */
  preview: boolean;
  /** Worker progress 0..1, null when the run is on the main thread or nothing runs. */
  progress: number | null;
  /** The config being computed (or the last one that failed / was cancelled). */
  pending: SimConfig | null;
  error: string | null;
  cancelled: boolean;
}

/** A preview's band expected within this long is not drawn by the heavy views (see viewResult). */
const BAND_SOON_MS = 600;

/**
 * Adds a run's ms per unit to `recent` (the last five) and returns their median: one run slowed
 * by a garbage collection or a busy neighbour process must not move small runs off the main
 * thread for good.
 */
function medianOfRecent(recent: number[], units: number, ms: number): number | null {
  if (units <= 0 || !(ms > 0)) return null;
  recent.push(ms / units);
  if (recent.length > 5) recent.shift();
  const sorted = [...recent].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export const configKey = (c: SimConfig) => configToSearchParams(c).toString();

export function useSimulation(initialResult: SimResult | null) {
  const [state, setState] = useState<SimulationState>({
    result: initialResult,
    viewResult: initialResult,
    origin: initialResult ? 'server' : null,
    running: false,
    preview: false,
    progress: null,
    pending: null,
    error: null,
    cancelled: false,
  });
  /** Id of the newest request; every result carries the id of the request it answers. */
  const jobId = useRef(0);
  const latest = useRef<SimConfig | null>(null);
  const shownKey = useRef<string | null>(initialResult ? configKey(initialResult.config) : null);
  const rafId = useRef<number | null>(null);
  const debounceId = useRef<ReturnType<typeof setTimeout> | null>(null);
  const band = useRef<{ worker: EngineWorker | null; busy: boolean }>({ worker: null, busy: false });
  const preview = useRef<{ worker: EngineWorker | null; busy: boolean; startedAt: number; estimateMs: number; pending: { id: number; config: SimConfig } | null }>({
    worker: null,
    busy: false,
    startedAt: 0,
    estimateMs: 0,
    pending: null,
  });
  /** Id of the last request whose full band arrived (a late preview of it is dropped). */
  const bandDoneId = useRef(-1);
  /**
   * A band whose debounce has passed while the preview worker still computes: it starts when the
   * preview is done, so at most one worker computes at a time and the page keeps a core.
   */
  const bandWaiting = useRef<(() => void) | null>(null);
  /** The engine has run on the main thread (its code and kernels are compiled there). */
  const mainWarm = useRef(false);

  // Seeded with the starting guess twice, so a single slow first run cannot decide alone.
  const mainRecent = useRef<number[]>([INITIAL_MS_PER_UNIT, INITIAL_MS_PER_UNIT]);
  const mainMsPerUnit = useRef(INITIAL_MS_PER_UNIT);
  const workerRecent = useRef<number[]>([INITIAL_MS_PER_UNIT, INITIAL_MS_PER_UNIT]);
  const workerMsPerUnit = useRef(INITIAL_MS_PER_UNIT);
  /** Main-thread speed, from main-thread runs only (the workers share the machine differently). */
  const learnMain = (units: number, ms: number) => {
    const m = medianOfRecent(mainRecent.current, units, ms);
    if (m !== null) mainMsPerUnit.current = m;
  };
  const learnWorker = (units: number, ms: number) => {
    const m = medianOfRecent(workerRecent.current, units, ms);
    if (m !== null) workerMsPerUnit.current = m;
  };

  const clearTimers = () => {
    if (rafId.current !== null) cancelAnimationFrame(rafId.current);
    if (debounceId.current !== null) clearTimeout(debounceId.current);
    rafId.current = null;
    debounceId.current = null;
    bandWaiting.current = null;
  };

  const startWaitingBand = () => {
    const start = bandWaiting.current;
    bandWaiting.current = null;
    start?.();
  };

  const stopBand = () => {
    if (band.current.worker && band.current.busy && !band.current.worker.stop()) band.current.worker = null;
    band.current.busy = false;
  };

  const failed = (message: string) => setState((s) => ({ ...s, viewResult: s.result, running: false, progress: null, error: message }));

  const bandWorker = (): EngineWorker => {
    if (band.current.worker) return band.current.worker;
    const onMessage = (msg: WorkerResponse) => {
      // A stopped run answers `cancelled`; by then a newer request owns the worker.
      if (msg.type === 'cancelled') return void performance.mark('initlab:band-cancelled');
      if (msg.id !== jobId.current) return;
      performance.mark(`initlab:band-${msg.type}`);
      if (msg.type === 'progress') {
        setState((s) => ({ ...s, progress: msg.fraction }));
      } else if (msg.type === 'preview') {
        pageNeedsCore();
        shownKey.current = null;
        setState((s) => ({ ...s, result: msg.result, viewResult: msg.result, origin: 'worker', preview: true, error: null }));
      } else if (msg.type === 'done') {
        band.current.busy = false;
        bandDoneId.current = msg.id;
        // How long the band waited for the page's frames (bench/ui-bench.ts reports it).
        performance.mark('initlab:band-paused', { detail: { ms: msg.pausedMs } });
        learnWorker(runCost(msg.result.config), msg.ms);
        shownKey.current = configKey(msg.result.config);
        setState({ result: msg.result, viewResult: msg.result, origin: 'worker', running: false, preview: false, progress: null, pending: null, error: null, cancelled: false });
      } else {
        band.current.busy = false;
        failed(msg.message);
      }
    };
    const w = new EngineWorker(onMessage, (e) => {
      e.preventDefault();
      band.current.busy = false;
      band.current.worker?.terminate();
      band.current.worker = null;
      failed(`The background simulation failed to run${e.message ? `: ${e.message}` : ''}.`);
    });
    band.current.worker = w;
    return w;
  };

  const postPreview = (id: number, config: SimConfig) => {
    const p = preview.current;
    const estimateMs = (runCost(config) / BAND_SEEDS) * workerMsPerUnit.current;
    if (p.busy) {
      // Wait for a short job; stop a long one (its answer is stale anyway). A worker that stays
      // usable answers `cancelled` at once, and then takes this request as the pending one.
      const long = p.worker && p.estimateMs - (performance.now() - p.startedAt) > PREVIEW_RESTART_MS;
      if (long && !p.worker!.stop()) {
        p.worker = null;
        p.busy = false;
      } else {
        p.pending = { id, config };
        return;
      }
    }
    p.busy = true;
    p.pending = null;
    p.startedAt = performance.now();
    p.estimateMs = estimateMs;
    previewWorker().post({ id, config, bandSeeds: 1 });
  };

  const previewWorker = (): EngineWorker => {
    const p = preview.current;
    if (p.worker) return p.worker;
    const onMessage = (msg: WorkerResponse) => {
      if (msg.id === WARM_UP_JOB || msg.type === 'progress' || msg.type === 'preview') return;
      p.busy = false;
      if (msg.type === 'done') {
        learnWorker(runCost(msg.result.config) / BAND_SEEDS, msg.ms);
        if (msg.id === jobId.current && bandDoneId.current !== msg.id) {
          performance.mark('initlab:preview-done');
          pageNeedsCore();
          // What is on screen is no longer the last full result: a request for that older config
          // must compute again rather than be answered "already shown".
          shownKey.current = null;
          const bandSoon = runCost(msg.result.config) * workerMsPerUnit.current <= BAND_SOON_MS;
          setState((s) => ({ ...s, result: msg.result, viewResult: bandSoon && s.viewResult ? s.viewResult : msg.result, origin: 'worker', preview: true, error: null }));
        }
      }
      // An error is reported by the band run of the same config.
      const next = p.pending;
      if (next) postPreview(next.id, next.config);
      else startWaitingBand();
    };
    const w = new EngineWorker(onMessage, (e) => {
      e.preventDefault();
      p.worker?.terminate();
      p.worker = null;
      p.busy = false;
      startWaitingBand();
    });
    p.worker = w;
    return w;
  };

  /** Stops the preview worker's run, if any; its `cancelled` answer starts a waiting band. */
  const stopPreview = () => {
    const p = preview.current;
    p.pending = null;
    if (!p.busy || !p.worker) return;
    if (!p.worker.stop()) {
      p.worker = null;
      p.busy = false;
    }
  };

  const startBand = (id: number, config: SimConfig, preview: boolean) => {
    stopBand();
    band.current.busy = true;
    bandWorker().post({ id, config, bandSeeds: BAND_SEEDS, preview });
  };

  const runOnMain = (config: SimConfig) => {
    const start = performance.now();
    try {
      mainWarm.current = true;
      const result = simulate(config, { bandSeeds: BAND_SEEDS });
      performance.measure('initlab:engine-main', { start });
      learnMain(runCost(config), performance.now() - start);
      shownKey.current = configKey(config);
      // Committed now, inside this animation frame, so the numbers paint in this very frame.
      flushSync(() => setState({ result, viewResult: result, origin: 'main', running: false, preview: false, progress: null, pending: null, error: null, cancelled: false }));
    } catch (err) {
      failed(err instanceof Error ? err.message : String(err));
    }
  };

  /** Ask for a result for `config`; `immediate` skips the band's debounce (presets, URL load). */
  const request = useCallback((config: SimConfig, opts: { immediate?: boolean } = {}) => {
    latest.current = config;
    const key = configKey(config);
    clearTimers();
    preview.current.pending = null;
    if (key === shownKey.current && !band.current.busy) {
      jobId.current++;
      setState((s) => (s.running || s.pending ? { ...s, running: false, pending: null, progress: null } : s));
      return;
    }
    const id = ++jobId.current;
    const units = runCost(config);
    const rate = mainMsPerUnit.current;
    const onMain = units * rate <= MAIN_THREAD_BUDGET_MS && units <= MAIN_THREAD_MAX_UNITS;
    // Where the run goes and why, for the page's performance timeline (bench/ui-bench.ts).
    performance.mark('initlab:request', { detail: { onMain, estimatedMs: units * (onMain ? rate : workerMsPerUnit.current) } });
    if (onMain) {
      stopBand();
      setState((s) => ({ ...s, running: true, progress: null, pending: config, error: null, cancelled: false }));
      // In the next frame: a burst of input events from a slider drag makes one run per frame.
      rafId.current = requestAnimationFrame(() => {
        rafId.current = null;
        if (latest.current) runOnMain(latest.current);
      });
      return;
    }
    // A band for older settings stops at once: it would only compete for a core with this preview.
    stopBand();
    setState((s) => ({ ...s, running: true, progress: 0, pending: config, error: null, cancelled: false }));
    const ownPreview = (units / BAND_SEEDS) * workerMsPerUnit.current <= PREVIEW_WORKER_MAX_MS;
    if (ownPreview) postPreview(id, config);
    // A preview for older settings is stale: stop it rather than make this band wait for it.
    else stopPreview();
    debounceId.current = setTimeout(
      () => {
        debounceId.current = null;
        const begin = () => startBand(id, config, !ownPreview);
        if (preview.current.busy) bandWaiting.current = begin;
        else begin();
      },
      opts.immediate ? 0 : WORKER_DEBOUNCE_MS,
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const cancel = useCallback(() => {
    clearTimers();
    stopBand();
    stopPreview();
    jobId.current++;
    setState((s) => ({ ...s, viewResult: s.result, running: false, progress: null, cancelled: true }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Once the page is idle, warm the engine up in both workers and on the main thread with a tiny
  // run of the same kind: the first real run would otherwise pay for compiling the WebAssembly
  // kernels and the JavaScript and take several times longer than the next. Nothing is shown or
  // learned from it. The workers are warmed at the first idle moment (posting costs the page
  // little). The main thread's own warm-up takes 20-40 ms here, so it waits for an idle period
  // that long with no worker computing, and is never forced by a timeout: it used to land in the
  // middle of big worker runs as their one task over 50 ms (bench/ui-bench.ts). A thread that has
  // run the engine already is warm and is left alone; a page that never idles that long warms up
  // on its first main-thread run instead.
  useEffect(() => {
    // Of the kind the student is looking at when the warm-up runs.
    const tiny = (): SimConfig => {
      const base = latest.current ?? initialResult?.config ?? DEFAULT_CONFIG;
      const parsed = parseSimConfig({ ...base, layers: 2, width: Math.min(base.width, 32), samples: Math.min(base.samples, 16) });
      return parsed.ok ? parsed.config : { ...DEFAULT_CONFIG, layers: 2, width: 32, samples: 16 };
    };
    const warmWorkers = () => {
      const req = { id: WARM_UP_JOB, config: tiny(), bandSeeds: 1 };
      if (!preview.current.worker) previewWorker().post(req);
      if (!band.current.worker) bandWorker().post(req);
    };
    const warmMain = () => {
      if (mainWarm.current) return;
      mainWarm.current = true;
      try {
        const start = performance.now();
        simulate(tiny(), { bandSeeds: 1 });
        performance.measure('initlab:warm-up', { start });
      } catch {
        // A failing warm-up changes nothing; the real run reports its own errors.
      }
    };
    if (typeof requestIdleCallback !== 'function') {
      const id = setTimeout(() => {
        warmWorkers();
        if (!band.current.busy && !preview.current.busy) warmMain();
      }, 300);
      return () => clearTimeout(id);
    }
    let tries = 0;
    let id = 0;
    const whenIdle = (deadline: IdleDeadline) => {
      warmWorkers();
      if (mainWarm.current) return;
      // An idle page thread is not an idle machine: a computing worker holds a core.
      const workerBusy = band.current.busy || preview.current.busy;
      if (!workerBusy && deadline.timeRemaining() >= MAIN_WARM_UP_IDLE_MS) warmMain();
      else if (++tries < MAIN_WARM_UP_TRIES) id = requestIdleCallback(whenIdle);
    };
    id = requestIdleCallback(whenIdle, { timeout: 2000 });
    return () => cancelIdleCallback(id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // While a worker computes, an input on the page asks it to pause until the page has drawn the
  // answer (stoppable-worker.ts: pageNeedsCore).
  useEffect(() => {
    const onInput = () => {
      if (band.current.busy || preview.current.busy) pageNeedsCore();
    };
    const events = ['pointerdown', 'keydown', 'input'] as const;
    for (const e of events) window.addEventListener(e, onInput, { capture: true, passive: true });
    return () => {
      for (const e of events) window.removeEventListener(e, onInput, { capture: true });
    };
  }, []);

  useEffect(
    () => () => {
      clearTimers();
      band.current.worker?.terminate();
      preview.current.worker?.terminate();
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  return { ...state, request, cancel };
}
