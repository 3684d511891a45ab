/**
 * The `train-loss-below` pass criterion: it trains the submitted network itself (a number from the
 * browser is never trusted), tells a learning initialization from a stalled one, and refuses work
 * beyond its bound by failing rather than running.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../lib/sim';
import { criterionHolds } from '../../lib/grading/check-criterion';
import { TRAIN_CRITERION_MAX_WORK, trainSpecForCriterion, type TrainLossCriterion } from '../../lib/grading/train-criterion';
import { trainingLossForCriterion } from '../../lib/grading/train-loss';
import { passCriterionSchema } from '../../lib/validation/assignment';
import { simConfigSchema, type Scheme } from '../../lib/validation/sim-config';
import { estimateTrainWork } from '../../lib/validation/train-config';

const criterion: TrainLossCriterion = { kind: 'train-loss-below', steps: 300, below: 0.6, dataset: 'spirals', optimizer: 'sgd', learningRate: 0.02 };
const network = (scheme: Scheme) => simConfigSchema.parse({ scheme, activation: 'relu', layers: 20, width: 64 });

describe('train-loss-below criterion', () => {
  it('passes He and fails Xavier and zero on the lesson network, from the engine’s own losses', () => {
    const verdicts = (['he-normal', 'xavier-normal', 'zero'] as const).map((s) => {
      const config = network(s);
      const loss = trainingLossForCriterion(config, criterion)!;
      expect(loss).not.toBeNull();
      const result = simulate(config, { bandSeeds: 1 });
      expect(criterionHolds(criterion, { ...result, trainLosses: new Map([[criterion, loss]]) })).toBe(loss < criterion.below);
      // Grading never trains: without its loss the criterion fails.
      expect(criterionHolds(criterion, result)).toBe(false);
      return loss < criterion.below;
    });
    expect(verdicts).toEqual([true, false, false]);
  });

  it('stays within its work bound, and a network beyond it fails without training', () => {
    expect(estimateTrainWork(trainSpecForCriterion(network('he-normal'), criterion)!)).toBeLessThanOrEqual(TRAIN_CRITERION_MAX_WORK);
    const big = simConfigSchema.parse({ scheme: 'he-normal', activation: 'relu', layers: 40, width: 256 });
    expect(trainSpecForCriterion(big, criterion)).toBeNull();
    expect(trainingLossForCriterion(big, criterion)).toBeNull();
    const result = simulate(simConfigSchema.parse({ ...big, layers: 2, width: 8 }), { bandSeeds: 1 });
    expect(criterionHolds(criterion, { ...result, config: big, trainLosses: new Map([[criterion, trainingLossForCriterion(big, criterion)]]) })).toBe(false);
  });

  it('the schema takes only the training page’s learning rates and bounded steps', () => {
    expect(passCriterionSchema.safeParse(criterion).success).toBe(true);
    expect(passCriterionSchema.safeParse({ ...criterion, learningRate: 0.5 }).success).toBe(false);
    expect(passCriterionSchema.safeParse({ ...criterion, steps: 100_000 }).success).toBe(false);
    expect(passCriterionSchema.safeParse({ ...criterion, optimizer: 'adam', learningRate: 0.001 }).success).toBe(true);
  });
});
