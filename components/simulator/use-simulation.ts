'use client';
/**
 * Runs the engine for the simulator page and decides where: on the main thread when the predicted
 * time fits in a frame (so dragging a slider feels instant), otherwise in a Web Worker with
 * progress and cancel, so the page never freezes. The prediction is the engine's own cost estimate
 * (estimateRunMs: the cost model's milliseconds for the whole band) times a speed factor that is re-measured after every run (machines differ by 10x).
 *
 * Only the newest request matters: a newer config supersedes (and, in the worker, terminates) an
 * older run, so results never arrive out of order.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { simulate } from '@/lib/sim';
import type { SimResult } from '@/lib/sim/types';
import { DEFAULT_CONFIG, parseSimConfig, type SimConfig } from '@/lib/validation/sim-config';
import { configToSearchParams } from '@/lib/validation/sim-config-url';
import type { WorkerRequest, WorkerResponse } from './sim-worker';
import { BAND_SEEDS, runCost } from './run-budget';

/** Main-thread budget for a full run: about one frame plus slack; beyond this the worker takes over. */
const MAIN_THREAD_BUDGET_MS = 24;
/**
 * Budget for a one-seed preview on the main thread while the worker computes the full band. The
 * engine's summary and curves come from the first seed alone (the other seeds only add the band),
 * so the preview shows the final numbers early and the worker then adds the band.
 */
const PREVIEW_BUDGET_MS = 35;
/** Whatever the measured speed, never block the main thread on anything this big (estimated ms). */
const MAIN_THREAD_MAX_UNITS = 2000;
/** Debounce for worker runs, so a slider drag starts one big run at the end, not fifty. */
const WORKER_DEBOUNCE_MS = 120;
/**
 * Starting guess of this machine's milliseconds per estimated millisecond (the cost model is in
 * the development machine's milliseconds, and the browser's engine measured about 0.3-0.5 of
 * them on a 2-core machine, busy or not); replaced by measurements after each run.
 */
const INITIAL_MS_PER_UNIT = 0.6;

export type RunOrigin = 'server' | 'main' | 'worker';

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
  const msPerUnit = useRef(INITIAL_MS_PER_UNIT);
  const worker = useRef<Worker | null>(null);
  const workerBusy = useRef(false);
  const jobId = useRef(0);
  const rafId = useRef<number | null>(null);
  const debounceId = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef<SimConfig | null>(null);
  const shownKey = useRef<string | null>(initialResult ? configKey(initialResult.config) : null);

  // Seeded with the starting guess twice, so a single slow first run cannot decide alone.
  const recent = useRef<number[]>([INITIAL_MS_PER_UNIT, INITIAL_MS_PER_UNIT]);
  const workerRecent = useRef<number[]>([INITIAL_MS_PER_UNIT, INITIAL_MS_PER_UNIT]);
  const workerMsPerUnit = useRef(INITIAL_MS_PER_UNIT);
  /** Main-thread speed, from main-thread runs only (the worker's share the machine differently). */
  const learn = (units: number, ms: number) => {
    const m = medianOfRecent(recent.current, units, ms);
    if (m !== null) msPerUnit.current = m;
  };
  const learnWorker = (units: number, ms: number) => {
    const m = medianOfRecent(workerRecent.current, units, ms);
    if (m !== null) workerMsPerUnit.current = m;
  };

  const stopWorker = () => {
    if (worker.current && workerBusy.current) {
      worker.current.terminate();
      worker.current = null;
    }
    workerBusy.current = false;
  };

  const clearTimers = () => {
    if (rafId.current !== null) cancelAnimationFrame(rafId.current);
    if (debounceId.current !== null) clearTimeout(debounceId.current);
    rafId.current = null;
    debounceId.current = null;
  };

  const getWorker = (): Worker => {
    if (!worker.current) {
      // Literal `new URL(..., import.meta.url)` inside `new Worker(...)`: the form Turbopack and
      // webpack both recognise and bundle as a separate worker chunk.
      const w = new Worker(new URL('./sim-worker.ts', import.meta.url), { type: 'module' });
      w.onmessage = (e: MessageEvent<WorkerResponse>) => {
        const msg = e.data;
        if (msg.id !== jobId.current) return;
        performance.mark(`initlab:worker-${msg.type}`);
        if (msg.type === 'progress') {
          setState((s) => ({ ...s, progress: msg.fraction }));
        } else if (msg.type === 'preview') {
          shownKey.current = null;
          setState((s) => ({ ...s, result: msg.result, viewResult: msg.result, origin: 'worker', preview: true, error: null }));
        } else if (msg.type === 'done') {
          workerBusy.current = false;
          learnWorker(runCost(msg.result.config), msg.ms);
          shownKey.current = configKey(msg.result.config);
          setState({ result: msg.result, viewResult: msg.result, origin: 'worker', running: false, preview: false, progress: null, pending: null, error: null, cancelled: false });
        } else {
          workerBusy.current = false;
          setState((s) => ({ ...s, viewResult: s.result, running: false, progress: null, error: msg.message }));
        }
      };
      w.onerror = (e) => {
        e.preventDefault();
        workerBusy.current = false;
        worker.current?.terminate();
        worker.current = null;
        setState((s) => ({ ...s, viewResult: s.result, running: false, progress: null, error: `The background simulation failed to run${e.message ? `: ${e.message}` : ''}.` }));
      };
      worker.current = w;
    }
    return worker.current;
  };

  const runOnMain = (config: SimConfig) => {
    const start = performance.now();
    try {
      const result = simulate(config, { bandSeeds: BAND_SEEDS });
      performance.measure('initlab:engine-main', { start });
      learn(runCost(config), performance.now() - start);
      shownKey.current = configKey(config);
      // Committed now, inside this animation frame, so the numbers paint in this very frame.
      flushSync(() => setState({ result, viewResult: result, origin: 'main', running: false, preview: false, progress: null, pending: null, error: null, cancelled: false }));
    } catch (err) {
      setState((s) => ({ ...s, running: false, progress: null, error: err instanceof Error ? err.message : String(err) }));
    }
  };

  /** One seed on the main thread; the worker run for the same config stays in flight. */
  const runPreview = (config: SimConfig) => {
    const start = performance.now();
    try {
      const result = simulate(config, { bandSeeds: 1 });
      performance.measure('initlab:engine-preview', { start });
      learn(runCost(config) / BAND_SEEDS, performance.now() - start);
      // What is on screen is no longer the last full result: a request for that older config
      // must compute again rather than be answered "already shown" (it would leave this preview).
      shownKey.current = null;
      const bandSoon = runCost(config) * workerMsPerUnit.current <= BAND_SOON_MS;
      flushSync(() => setState((s) => ({ ...s, result, viewResult: bandSoon && s.viewResult ? s.viewResult : result, origin: 'main', preview: true, error: null })));
    } catch {
      // The worker run reports any error.
    }
  };

  const runInWorker = (config: SimConfig, preview: boolean) => {
    stopWorker();
    const id = ++jobId.current;
    workerBusy.current = true;
    setState((s) => ({ ...s, running: true, progress: 0, pending: config, error: null, cancelled: false }));
    const req: WorkerRequest = { id, config, bandSeeds: BAND_SEEDS, preview };
    getWorker().postMessage(req);
  };

  /** Ask for a result for `config`; `immediate` skips the worker debounce (presets, URL load). */
  const request = useCallback((config: SimConfig, opts: { immediate?: boolean } = {}) => {
    latest.current = config;
    const key = configKey(config);
    clearTimers();
    if (key === shownKey.current && !workerBusy.current) {
      setState((s) => (s.running || s.pending ? { ...s, running: false, pending: null, progress: null } : s));
      return;
    }
    const units = runCost(config);
    const rate = msPerUnit.current;
    // Where the run goes and why, for the page's performance timeline (bench/ui-bench.ts).
    performance.mark('initlab:request', { detail: { estimatedMs: units * rate, msPerUnit: rate } });
    if (units * rate <= MAIN_THREAD_BUDGET_MS && units <= MAIN_THREAD_MAX_UNITS) {
      // Supersede any background run, then compute in the next frame (coalescing a burst of
      // input events from a slider drag into one run per frame).
      stopWorker();
      jobId.current++;
      setState((s) => ({ ...s, running: true, progress: null, pending: config, error: null, cancelled: false }));
      rafId.current = requestAnimationFrame(() => {
        rafId.current = null;
        if (latest.current) runOnMain(latest.current);
      });
      return;
    }
    const previewUnits = units / BAND_SEEDS;
    setState((s) => ({ ...s, running: true, progress: 0, pending: config, error: null, cancelled: false }));
    const mainPreview = previewUnits * rate <= PREVIEW_BUDGET_MS && previewUnits <= MAIN_THREAD_MAX_UNITS;
    if (mainPreview) {
      rafId.current = requestAnimationFrame(() => {
        rafId.current = null;
        if (latest.current) runPreview(latest.current);
      });
    }
    debounceId.current = setTimeout(
      () => {
        debounceId.current = null;
        if (latest.current) runInWorker(latest.current, !mainPreview);
      },
      opts.immediate ? 0 : WORKER_DEBOUNCE_MS,
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const cancel = useCallback(() => {
    clearTimers();
    stopWorker();
    jobId.current++;
    setState((s) => ({ ...s, viewResult: s.result, running: false, progress: null, cancelled: true }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Once the page is idle, warm the engine up on both threads with a tiny run of the same kind:
  // the first real run would otherwise pay for compiling the WebAssembly kernels and the
  // JavaScript, take several times longer than the next, and teach the speed estimate that this
  // machine is slow. Nothing is shown or learned from it.
  useEffect(() => {
    const warm = () => {
      const base = latest.current ?? initialResult?.config ?? DEFAULT_CONFIG;
      const parsed = parseSimConfig({ ...base, layers: 2, width: Math.min(base.width, 32), samples: Math.min(base.samples, 16) });
      const tiny = parsed.ok ? parsed.config : { ...DEFAULT_CONFIG, layers: 2, width: 32, samples: 16 };
      try {
        const start = performance.now();
        simulate(tiny, { bandSeeds: 1 });
        performance.measure('initlab:warm-up', { start });
      } catch {
        // A failing warm-up changes nothing; the real run reports its own errors.
      }
      if (!workerBusy.current) {
        const req: WorkerRequest = { id: WARM_UP_JOB, config: tiny, bandSeeds: 1 };
        getWorker().postMessage(req);
      }
    };
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(warm, { timeout: 2000 });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(warm, 300);
    return () => clearTimeout(id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(
    () => () => {
      clearTimers();
      worker.current?.terminate();
      worker.current = null;
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  return { ...state, request, cancel };
}
