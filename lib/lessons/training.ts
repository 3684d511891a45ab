/**
 * The training runs the lesson "Does the initialization really matter once training starts?"
 * quotes, as recipes (specs), and the measures read from them. Like runLessonSim, runs are
 * memoized per process: the page generator, the facts test and the lesson share them.
 * Client-safe: no server-only code (the facts module is imported by client widgets too).
 */
import { trainScheme, type TrainRun } from '../train';
import { DEFAULT_TRAIN_NETWORK, trainSpecSchema, type TrainSpec, type TrainSpecInput } from '../validation/train-config';
import type { Scheme } from '../validation/sim-config';

/** The default comparison (20 ReLU layers of 64, two spirals, 300 steps): SGD, then Adam. */
export const TRAINING_SPECS = {
  sgdDeep: { network: DEFAULT_TRAIN_NETWORK, optimizer: 'sgd', learningRate: 0.02, schemes: ['he-normal', 'xavier-normal', 'zero', 'large-random'] },
  adamDeep: { network: DEFAULT_TRAIN_NETWORK, optimizer: 'adam', learningRate: 0.001, schemes: ['he-normal', 'xavier-normal'] },
} satisfies Record<string, TrainSpecInput>;
export type TrainingSpecName = keyof typeof TRAINING_SPECS;

export function lessonTrainSpec(name: TrainingSpecName): TrainSpec {
  return trainSpecSchema.parse(TRAINING_SPECS[name]);
}

const cache = new Map<string, TrainRun>();

/** One initialization of a lesson comparison (memoized: each run takes about a second). */
export function runLessonTraining(name: TrainingSpecName, scheme: Scheme): TrainRun {
  const key = `${name}:${scheme}`;
  let run = cache.get(key);
  if (!run) {
    const spec = lessonTrainSpec(name);
    const index = spec.schemes.indexOf(scheme);
    if (index < 0) throw new Error(`${scheme} is not part of the lesson comparison ${name}`);
    run = trainScheme(spec, index);
    cache.set(key, run);
  }
  return run;
}

/** Numbers read from a run; NaN when the run has none (e.g. a diverged run's final loss). */
export const trainingMeasures = {
  firstLoss: (r: TrainRun) => r.loss[0] ?? NaN,
  finalLoss: (r: TrainRun) => r.final?.trainLoss ?? NaN,
  finalAccuracy: (r: TrainRun) => r.final?.trainAccuracy ?? NaN,
  heldOutAccuracy: (r: TrainRun) => r.final?.testAccuracy ?? NaN,
  divergenceStep: (r: TrainRun) => r.divergence?.step ?? NaN,
  /** Norm of layer 1's weight gradient at step 1. */
  firstLayerGradient: (r: TrainRun) => r.gradientNorms.first[0] ?? NaN,
} satisfies Record<string, (r: TrainRun) => number>;
export type TrainingMeasureName = keyof typeof trainingMeasures;
