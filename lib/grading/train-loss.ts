/**
 * Trains the network a `train-loss-below` criterion means (train-criterion.ts) and returns its loss.
 * Seconds of CPU at the bound: the server calls it on a pool thread (lib/runs/engine-task.ts), the
 * exercise page in a Web Worker (components/classroom/use-train-losses.ts).
 */
import { trainScheme } from '../train';
import type { SimConfig } from '../validation/sim-config';
import { criterionLoss, trainSpecForCriterion, type TrainLossCriterion } from './train-criterion';

/**
 * Final training loss of the config trained as the criterion says; Infinity when the run
 * overflowed; null when the network is too large to check within the bound (the criterion then
 * fails: exercises using it should lock the depth and width).
 */
export function trainingLossForCriterion(config: SimConfig, c: TrainLossCriterion): number | null {
  const spec = trainSpecForCriterion(config, c);
  return spec ? criterionLoss(trainScheme(spec, 0)) : null;
}
