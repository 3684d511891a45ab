'use client';
/**
 * The losses of an exercise's `train-loss-below` criteria for the network on screen, trained in a
 * Web Worker (the training page's, components/train/train-worker.ts), so the preview never trains
 * on the page's thread: a criterion is seconds of CPU at its bound, and grading in the render used
 * to repeat it on every keystroke. A changed network stops the training under way (shared-memory
 * stop counter) and starts its own; losses are kept per network, so going back shows at once.
 * The page's bundle gets no training engine or datasets: they load with the worker, and only when
 * an exercise has such a criterion.
 */
import { useEffect, useMemo, useReducer, useRef } from 'react';
import { criterionLoss, trainSpecForCriterion, type TrainLossCriterion } from '@/lib/grading/train-criterion';
import type { PassCriterion } from '@/lib/validation/assignment';
import type { SimConfig } from '@/lib/validation/sim-config';
import type { TrainSpec } from '@/lib/validation/train-config';
import { configKey } from '@/components/simulator/use-simulation';
import type { TrainWorkerRequest, TrainWorkerResponse } from '@/components/train/train-worker';
import { StoppableWorker, type StopFields } from '@/components/workers/stoppable-worker';

type TrainWorker = StoppableWorker<Omit<TrainWorkerRequest, keyof StopFields>, TrainWorkerResponse>;

export interface TrainLosses {
  /** Loss per `train-loss-below` criterion known for the network (null: too large to check). */
  losses: ReadonlyMap<PassCriterion, number | null>;
  /** Whether some of its criteria are still training. */
  pending: boolean;
  /** A training that failed, in words, or null. */
  error: string | null;
}

const isTrainCriterion = (c: PassCriterion): c is TrainLossCriterion => c.kind === 'train-loss-below';

/** `config`: the network to train for, or null while the one on screen is not settled. */
export function useTrainLosses(criteria: readonly PassCriterion[], config: SimConfig | null): TrainLosses {
  const trainCriteria = useMemo(() => criteria.filter(isTrainCriterion), [criteria]);
  /** Losses by network and criterion index. */
  const known = useRef(new Map<string, number | null>());
  const [, changed] = useReducer((n: number) => n + 1, 0);
  const worker = useRef<TrainWorker | null>(null);
  /** What each posted job trains: the `known` key it fills. */
  const jobs = useRef(new Map<number, string>());
  const nextJob = useRef(0);
  const error = useRef<string | null>(null);
  const key = config ? configKey(config) : null;

  useEffect(() => () => worker.current?.terminate(), []);

  useEffect(() => {
    if (!config || !key || trainCriteria.length === 0) return;
    const todo: { id: string; spec: TrainSpec }[] = [];
    let settled = false;
    trainCriteria.forEach((criterion, i) => {
      const id = `${key}#${i}`;
      if (known.current.has(id)) return;
      // Too large to check within the bound: it fails without training.
      const spec = trainSpecForCriterion(config, criterion);
      if (spec === null) {
        known.current.set(id, null);
        settled = true;
      } else {
        todo.push({ id, spec });
      }
    });
    if (todo.length === 0) {
      if (settled) changed();
      return;
    }
    // A newer network: whatever is training is of no use now.
    if (worker.current && !worker.current.stop()) worker.current = null;
    jobs.current.clear();
    error.current = null;
    if (!worker.current) {
      const w: TrainWorker = new StoppableWorker(
        new Worker(new URL('../train/train-worker.ts', import.meta.url), { type: 'module' }),
        (msg) => {
          const id = jobs.current.get(msg.job);
          if (id === undefined || msg.type === 'progress' || msg.type === 'cancelled') return;
          jobs.current.delete(msg.job);
          if (msg.type === 'done') known.current.set(id, criterionLoss(msg.run));
          else error.current = msg.message;
          changed();
        },
        (e) => {
          e.preventDefault();
          error.current = `The training worker failed${e.message ? `: ${e.message}` : ''}.`;
          worker.current?.terminate();
          worker.current = null;
          changed();
        },
      );
      worker.current = w;
    }
    for (const { id, spec } of todo) {
      const job = ++nextJob.current;
      jobs.current.set(job, id);
      worker.current.post({ job, spec, index: 0 });
    }
    changed();
    // config is read through key (configKey(config) names the network exactly).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, trainCriteria]);

  const losses = new Map<PassCriterion, number | null>();
  let pending = false;
  if (key) {
    trainCriteria.forEach((criterion, i) => {
      const id = `${key}#${i}`;
      if (known.current.has(id)) losses.set(criterion, known.current.get(id)!);
      else pending = true;
    });
  }
  return { losses, pending: pending && error.current === null, error: error.current };
}
