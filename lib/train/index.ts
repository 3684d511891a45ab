/**
 * Public API of the training engine: the simulator's network trained on a small dataset, several
 * initializations side by side. Pure TypeScript beside lib/sim (same PRNG, initializers and
 * exact math), so the page's worker, the server and the tests get bit-identical numbers.
 */
export { train, trainScheme, evaluationSteps, TrainingCancelled, TRAIN_ENGINE_VERSION, type TrainResult, type TrainRun, type Divergence, type TrainOptions } from './train';
export { loadDataset, SPIRALS_PER_CLASS, TEST_FRACTION, type Dataset } from './datasets';
