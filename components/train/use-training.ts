'use client';
/**
 * Runs a training comparison in Web Workers: one worker per core (at most one per
 * initialization), each taking the next scheme until all are done, with per-scheme progress and
 * cancel (terminate every worker). Results are per scheme, so a run that finishes early shows
 * while the others continue. Only the newest job counts: a new start cancels the old one.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TrainRun } from '@/lib/train';
import type { TrainSpec } from '@/lib/validation/train-config';
import type { TrainWorkerRequest, TrainWorkerResponse } from './train-worker';

export type TrainingStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface TrainingState {
  status: TrainingStatus;
  spec: TrainSpec | null;
  /** Per scheme of the spec: the finished run, or null. */
  runs: (TrainRun | null)[];
  /** Per scheme: fraction done 0..1. */
  progress: number[];
  error: string | null;
  /** Wall-clock milliseconds of the whole comparison, once done. */
  ms: number | null;
}

const IDLE: TrainingState = { status: 'idle', spec: null, runs: [], progress: [], error: null, ms: null };

export function useTraining() {
  const [state, setState] = useState<TrainingState>(IDLE);
  const workers = useRef<Worker[]>([]);
  const job = useRef(0);

  const stopAll = () => {
    for (const w of workers.current) w.terminate();
    workers.current = [];
  };

  useEffect(() => stopAll, []);

  const start = useCallback((spec: TrainSpec) => {
    stopAll();
    const id = ++job.current;
    const k = spec.schemes.length;
    const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency ? navigator.hardwareConcurrency : 2;
    const poolSize = Math.max(1, Math.min(k, cores));
    const began = performance.now();
    let next = 0;
    let finished = 0;
    setState({ status: 'running', spec, runs: new Array(k).fill(null), progress: new Array(k).fill(0), error: null, ms: null });

    const fail = (message: string) => {
      if (id !== job.current) return;
      job.current++;
      stopAll();
      setState((s) => ({ ...s, status: 'error', error: message }));
    };

    const feed = (w: Worker) => {
      if (next >= k) {
        w.terminate();
        return;
      }
      const req: TrainWorkerRequest = { job: id, spec, index: next++ };
      w.postMessage(req);
    };

    for (let i = 0; i < poolSize; i++) {
      // Literal `new URL(..., import.meta.url)` inside `new Worker(...)`: the form the bundler
      // recognises and emits as a separate worker chunk.
      const w = new Worker(new URL('./train-worker.ts', import.meta.url), { type: 'module' });
      w.onmessage = (e: MessageEvent<TrainWorkerResponse>) => {
        const msg = e.data;
        if (msg.job !== job.current) return;
        if (msg.type === 'progress') {
          setState((s) => ({ ...s, progress: s.progress.map((p, j) => (j === msg.index ? msg.fraction : p)) }));
        } else if (msg.type === 'done') {
          finished++;
          const done = finished === k;
          setState((s) => ({
            ...s,
            runs: s.runs.map((r, j) => (j === msg.index ? msg.run : r)),
            progress: s.progress.map((p, j) => (j === msg.index ? 1 : p)),
            status: done ? 'done' : s.status,
            ms: done ? performance.now() - began : null,
          }));
          if (done) workers.current = [];
          feed(w);
        } else {
          fail(msg.message);
        }
      };
      w.onerror = (e) => {
        e.preventDefault();
        fail(`The training worker failed${e.message ? `: ${e.message}` : ''}.`);
      };
      workers.current.push(w);
      feed(w);
    }
  }, []);

  const cancel = useCallback(() => {
    job.current++;
    stopAll();
    setState((s) => (s.status === 'running' ? { ...s, status: 'cancelled' } : s));
  }, []);

  return { state, start, cancel };
}
