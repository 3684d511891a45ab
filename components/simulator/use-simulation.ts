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
import { simulate } from '@/lib/sim';
import type { SimResult } from '@/lib/sim/types';
import type { SimConfig } from '@/lib/validation/sim-config';
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
const PREVIEW_BUDGET_MS = 70;
/** Whatever the measured speed, never block the main thread on anything this big (estimated ms). */
const MAIN_THREAD_MAX_UNITS = 2000;
/** Debounce for worker runs, so a slider drag starts one big run at the end, not fifty. */
const WORKER_DEBOUNCE_MS = 220;
/**
 * Starting guess of this machine's milliseconds per estimated millisecond (the cost model is in
 * the development machine's milliseconds); replaced by measurements after each run.
 */
const INITIAL_MS_PER_UNIT = 1;

export type RunOrigin = 'server' | 'main' | 'worker';

export interface SimulationState {
  result: SimResult | null;
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

export const configKey = (c: SimConfig) => configToSearchParams(c).toString();

export function useSimulation(initialResult: SimResult | null) {
  const [state, setState] = useState<SimulationState>({
    result: initialResult,
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

  const learn = (units: number, ms: number) => {
    if (units <= 0 || !(ms > 0)) return;
    // Smooth, but let a slow measurement pull the estimate up fast (a frozen page is worse).
    const measured = ms / units;
    msPerUnit.current = measured > msPerUnit.current ? measured : 0.7 * msPerUnit.current + 0.3 * measured;
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
        if (msg.type === 'progress') {
          setState((s) => ({ ...s, progress: msg.fraction }));
        } else if (msg.type === 'preview') {
          shownKey.current = null;
          setState((s) => ({ ...s, result: msg.result, origin: 'worker', preview: true, error: null }));
        } else if (msg.type === 'done') {
          workerBusy.current = false;
          learn(runCost(msg.result.config), msg.ms);
          shownKey.current = configKey(msg.result.config);
          setState({ result: msg.result, origin: 'worker', running: false, preview: false, progress: null, pending: null, error: null, cancelled: false });
        } else {
          workerBusy.current = false;
          setState((s) => ({ ...s, running: false, progress: null, error: msg.message }));
        }
      };
      w.onerror = (e) => {
        e.preventDefault();
        workerBusy.current = false;
        worker.current?.terminate();
        worker.current = null;
        setState((s) => ({ ...s, running: false, progress: null, error: `The background simulation failed to run${e.message ? `: ${e.message}` : ''}.` }));
      };
      worker.current = w;
    }
    return worker.current;
  };

  const runOnMain = (config: SimConfig) => {
    const start = performance.now();
    try {
      const result = simulate(config, { bandSeeds: BAND_SEEDS });
      learn(runCost(config), performance.now() - start);
      shownKey.current = configKey(config);
      setState({ result, origin: 'main', running: false, preview: false, progress: null, pending: null, error: null, cancelled: false });
    } catch (err) {
      setState((s) => ({ ...s, running: false, progress: null, error: err instanceof Error ? err.message : String(err) }));
    }
  };

  /** One seed on the main thread; the worker run for the same config stays in flight. */
  const runPreview = (config: SimConfig) => {
    const start = performance.now();
    try {
      const result = simulate(config, { bandSeeds: 1 });
      learn(runCost(config) / BAND_SEEDS, performance.now() - start);
      // What is on screen is no longer the last full result: a request for that older config
      // must compute again rather than be answered "already shown" (it would leave this preview).
      shownKey.current = null;
      setState((s) => ({ ...s, result, origin: 'main', preview: true, error: null }));
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
    setState((s) => ({ ...s, running: false, progress: null, cancelled: true }));
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
