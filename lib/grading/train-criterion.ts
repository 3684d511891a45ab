/**
 * The training side of the `train-loss-below` pass criterion: the training run a criterion means
 * for a submitted network (its own scheme and seed), with the work bounded before any is done,
 * and the loss read from that run. The training itself is train-loss.ts (it imports lib/train and
 * its datasets), run where engine work runs: the server's pool, the browser's worker. This file
 * stays free of lib/train, so a page that only reads criteria does not download the datasets.
 */
import type { TrainRun } from '../train';
import type { PassCriterion } from '../validation/assignment';
import type { SimConfig } from '../validation/sim-config';
import { estimateTrainWork, trainSpecSchema, type TrainSpec } from '../validation/train-config';

export type TrainLossCriterion = Extract<PassCriterion, { kind: 'train-loss-below' }>;

/**
 * Most multiply-adds one criterion check may cost (about a second or two on one core here;
 * the training page's default comparison is 1.9e10 for four networks).
 */
export const TRAIN_CRITERION_MAX_WORK = 6e9;
export const TRAIN_CRITERION_BATCH = 64;

/** The training spec a criterion means for a submitted config, or null if it is out of bounds. */
export function trainSpecForCriterion(config: SimConfig, c: TrainLossCriterion): TrainSpec | null {
  const parsed = trainSpecSchema.safeParse({
    network: config,
    dataset: c.dataset,
    optimizer: c.optimizer,
    learningRate: c.learningRate,
    steps: c.steps,
    batchSize: TRAIN_CRITERION_BATCH,
    schemes: [config.scheme],
  });
  if (!parsed.success || estimateTrainWork(parsed.data) > TRAIN_CRITERION_MAX_WORK) return null;
  return parsed.data;
}

/** A criterion's loss from its training run: the final training loss, Infinity if it overflowed. */
export function criterionLoss(run: TrainRun): number {
  return run.final ? run.final.trainLoss : Infinity;
}
