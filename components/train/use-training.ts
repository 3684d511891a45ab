'use client';
/**
 * Runs a training comparison in Web Workers: one worker per core (at most one per
 * initialization), each taking the next scheme until all are done, with per-scheme progress and
 * cancel. Results are per scheme, so a run that finishes early shows while the others continue.
 * Only the newest job counts: a new start or a cancel stops the old job's runs mid-way through
 * shared memory (components/workers/stoppable-worker.ts), and the same warm workers take the next
 * job; only where that is unavailable are they terminated and made anew.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TrainRun } from '@/lib/train';
import type { TrainSpec } from '@/lib/validation/train-config';
import { StoppableWorker, type StopFields } from '../workers/stoppable-worker';
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

type TrainWorker = StoppableWorker<Omit<TrainWorkerRequest, keyof StopFields>, TrainWorkerResponse>;

export function useTraining() {
  const [state, setState] = useState<TrainingState>(IDLE);
  /** Workers kept across jobs (warm), each with the handlers of the job it serves now. */
  const pool = useRef<TrainWorker[]>([]);
  const onMessage = useRef<(w: TrainWorker, msg: TrainWorkerResponse) => void>(() => {});
  const onFailure = useRef<(w: TrainWorker, message: string) => void>(() => {});
  const job = useRef(0);

  /** Stops every worker's run; a worker that can only be terminated leaves the pool. */
  const stopAll = () => {
    pool.current = pool.current.filter((w) => w.stop());
  };

  useEffect(
    () => () => {
      for (const w of pool.current) w.terminate();
      pool.current = [];
    },
    [],
  );

  const makeWorker = (): TrainWorker => {
    const w: TrainWorker = new StoppableWorker(
      // Literal `new URL(..., import.meta.url)` inside `new Worker(...)`: the form the bundler
      // recognises and emits as a separate worker chunk.
      new Worker(new URL('./train-worker.ts', import.meta.url), { type: 'module' }),
      (msg) => onMessage.current(w, msg),
      (e) => {
        e.preventDefault();
        onFailure.current(w, `The training worker failed${e.message ? `: ${e.message}` : ''}.`);
      },
    );
    return w;
  };

  const start = useCallback((spec: TrainSpec) => {
    stopAll();
    const id = ++job.current;
    const k = spec.schemes.length;
    const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency ? navigator.hardwareConcurrency : 2;
    const poolSize = Math.max(1, Math.min(k, cores));
    while (pool.current.length < poolSize) pool.current.push(makeWorker());
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

    // An idle worker simply waits, warm, for the next job.
    const feed = (w: TrainWorker) => {
      if (next < k) w.post({ job: id, spec, index: next++ });
    };

    onMessage.current = (w, msg) => {
      // The mark lets tests see a run given up mid-way (e2e/train.spec.ts).
      if (msg.type === 'cancelled') performance.mark('initlab:train-cancelled');
      // Answers for a stopped job (its progress, its `cancelled`) are not this job's.
      if (msg.job !== id || id !== job.current || msg.type === 'cancelled') return;
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
        feed(w);
      } else {
        fail(msg.message);
      }
    };
    onFailure.current = (w, message) => {
      // A worker that crashed is not reused.
      w.terminate();
      pool.current = pool.current.filter((x) => x !== w);
      fail(message);
    };

    for (const w of pool.current.slice(0, poolSize)) feed(w);
  }, []);

  const cancel = useCallback(() => {
    job.current++;
    stopAll();
    setState((s) => (s.status === 'running' ? { ...s, status: 'cancelled' } : s));
  }, []);

  return { state, start, cancel };
}
