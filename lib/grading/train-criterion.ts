/**
 * The training side of the `train-loss-below` pass criterion: trains the submitted network (its
 * own scheme and seed) as the criterion says, with the work bounded before any is done, and
 * returns the final training loss. Pure (lib/train), so the teacher guide, tests and server
 * grading agree; the server should still run it where engine work runs (a worker), as it is
 * seconds of CPU at the bound.
 */
import { trainScheme } from '../train';
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

/**
 * Final training loss of the config trained as the criterion says; Infinity when the run
 * overflowed; null when the network is too large to check within the bound (the criterion then
 * fails: exercises using it should lock the depth and width).
 */
export function trainingLossForCriterion(config: SimConfig, c: TrainLossCriterion): number | null {
  const spec = trainSpecForCriterion(config, c);
  if (!spec) return null;
  const run = trainScheme(spec, 0);
  return run.final ? run.final.trainLoss : Infinity;
}
