/**
 * The training run's config: the network comes from the simulator's config (scheme, gain, fan
 * mode, activation and its parameter, depth, widths, bias, residual, normalization, seed), plus
 * what training adds (dataset, optimizer, learning rate, steps, batch size) and up to four
 * initialization schemes trained side by side. One zod schema shared by the /train page, its URL,
 * the worker, the bench and grading. The bounds keep one comparison interactive and one server
 * check bounded: `TRAIN_LIMITS.work` caps the multiply-adds of a whole comparison.
 */
import { z } from 'zod';
import { SCHEMES, simConfigSchema, type Scheme, type SimConfig, type SimConfigInput } from './sim-config';

export const DATASETS = ['spirals', 'digits'] as const;
export type DatasetName = (typeof DATASETS)[number];

export const OPTIMIZERS = ['sgd', 'adam'] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];

/** The fixed learning-rate choices per optimizer (a menu, not a free number: fewer ways to get lost). */
export const LEARNING_RATES: Record<OptimizerName, readonly number[]> = {
  sgd: [0.001, 0.003, 0.01, 0.02, 0.05, 0.1],
  adam: [0.0001, 0.0003, 0.001, 0.003, 0.01],
};

export const BATCH_SIZES = [16, 32, 64, 128] as const;

export const TRAIN_LIMITS = {
  layers: { min: 1, max: 50 },
  width: { min: 2, max: 256 },
  steps: { min: 1, max: 2000 },
  schemes: { min: 1, max: 4 },
  /**
   * Multiply-adds of a whole comparison (3 per weight per sample per step: forward, input
   * gradient, weight gradient, summed over the initializations). The default comparison
   * (4 x 20 layers x 64 units, 300 steps of 64) is about 1.9e10 (a few seconds); this admits the
   * simulator's default network (12 x 256) compared four ways (1.7e11, about half a minute).
   */
  work: 2e11,
} as const;

/** Training fields beside the network's. */
const trainFieldsSchema = z.object({
  dataset: z.enum(DATASETS, { error: `Dataset must be one of: ${DATASETS.join(', ')}` }).default('spirals'),
  optimizer: z.enum(OPTIMIZERS, { error: `Optimizer must be one of: ${OPTIMIZERS.join(', ')}` }).default('sgd'),
  learningRate: z.number({ error: 'Learning rate must be a number' }).default(0.02),
  steps: z
    .number({ error: 'Steps must be a number' })
    .int({ error: 'Steps must be a whole number' })
    .min(TRAIN_LIMITS.steps.min, { error: `Steps must be between ${TRAIN_LIMITS.steps.min} and ${TRAIN_LIMITS.steps.max}` })
    .max(TRAIN_LIMITS.steps.max, { error: `Steps must be between ${TRAIN_LIMITS.steps.min} and ${TRAIN_LIMITS.steps.max}` })
    .default(300),
  batchSize: z
    .number({ error: 'Batch size must be a number' })
    .refine((v) => (BATCH_SIZES as readonly number[]).includes(v), { error: `Batch size must be one of: ${BATCH_SIZES.join(', ')}` })
    .default(64),
  /** The initializations compared; the network config's own scheme is ignored in favour of these. */
  schemes: z
    .array(z.enum(SCHEMES, { error: `Each scheme must be one of: ${SCHEMES.join(', ')}` }))
    .min(TRAIN_LIMITS.schemes.min, { error: 'Choose at least one initialization' })
    .max(TRAIN_LIMITS.schemes.max, { error: `Compare at most ${TRAIN_LIMITS.schemes.max} initializations` })
    .refine((s) => new Set(s).size === s.length, { error: 'Each initialization may appear only once' }),
});

export const trainSpecSchema = z
  .object({ network: simConfigSchema })
  .extend(trainFieldsSchema.shape)
  .strict()
  .superRefine((s, ctx) => {
    const rates = LEARNING_RATES[s.optimizer];
    if (!rates.includes(s.learningRate)) {
      ctx.addIssue({ code: 'custom', path: ['learningRate'], message: `Learning rate for ${s.optimizer} must be one of: ${rates.join(', ')}` });
    }
    const n = s.network;
    const widths = n.widths ?? [n.width];
    if (n.layers > TRAIN_LIMITS.layers.max) {
      ctx.addIssue({ code: 'custom', path: ['network', 'layers'], message: `Training takes at most ${TRAIN_LIMITS.layers.max} layers` });
    }
    if ([n.width, ...widths].some((w) => w > TRAIN_LIMITS.width.max || w < TRAIN_LIMITS.width.min)) {
      ctx.addIssue({
        code: 'custom',
        path: ['network', 'width'],
        message: `Training takes layers of ${TRAIN_LIMITS.width.min} to ${TRAIN_LIMITS.width.max} units`,
      });
    }
    const work = estimateTrainWork(s);
    if (work > TRAIN_LIMITS.work) {
      ctx.addIssue({
        code: 'custom',
        path: ['steps'],
        message: `This comparison is too large to train here: initializations x steps x batch x weights x 3 must stay below ${TRAIN_LIMITS.work.toExponential(1)} (got ${work.toExponential(2)})`,
      });
    }
  });

export type TrainSpecInput = z.input<typeof trainSpecSchema>;
export type TrainSpec = z.output<typeof trainSpecSchema>;

/** Input dimension and number of classes of each dataset (fixed by the data). */
export const DATASET_SHAPE: Record<DatasetName, { inputs: number; classes: number }> = {
  spirals: { inputs: 2, classes: 2 },
  digits: { inputs: 64, classes: 10 },
};

/** Output widths of the hidden layers (the head adds one layer of `classes` units). */
export function hiddenWidths(network: Pick<SimConfig, 'layers' | 'width' | 'widths'>): number[] {
  return network.widths ?? Array.from({ length: network.layers }, () => network.width);
}

/** Weights (without biases) of the network trained on `dataset`, head included. */
export function countWeights(network: Pick<SimConfig, 'layers' | 'width' | 'widths'>, dataset: DatasetName): number {
  const { inputs, classes } = DATASET_SHAPE[dataset];
  let fanIn = inputs;
  let total = 0;
  for (const w of hiddenWidths(network)) {
    total += fanIn * w;
    fanIn = w;
  }
  return total + fanIn * classes;
}

/** Multiply-adds of a whole comparison (see TRAIN_LIMITS.work). */
export function estimateTrainWork(s: Pick<TrainSpec, 'network' | 'dataset' | 'steps' | 'batchSize' | 'schemes'>): number {
  return 3 * countWeights(s.network, s.dataset) * s.batchSize * s.steps * s.schemes.length;
}

/** The default network of the training page: the issue's default comparison, 20 ReLU layers of 64. */
export const DEFAULT_TRAIN_NETWORK: SimConfigInput = { scheme: 'he-normal', activation: 'relu', layers: 20, width: 64 };

/** Four initializations whose outcomes differ: learns, learns slowly, vanishes, explodes. */
export const DEFAULT_TRAIN_SCHEMES: Scheme[] = ['he-normal', 'xavier-normal', 'small-random', 'large-random'];

export const DEFAULT_TRAIN_SPEC: TrainSpec = trainSpecSchema.parse({ network: DEFAULT_TRAIN_NETWORK, schemes: DEFAULT_TRAIN_SCHEMES });

export type TrainParseResult = { ok: true; spec: TrainSpec } | { ok: false; errors: Record<string, string> };

/** Validates an untrusted spec; on failure one message per field (network fields by their own name). */
export function parseTrainSpec(input: unknown): TrainParseResult {
  const r = trainSpecSchema.safeParse(input);
  if (r.success) return { ok: true, spec: r.data };
  const errors: Record<string, string> = {};
  for (const issue of r.error.issues) {
    const key = String((issue.path[0] === 'network' ? issue.path[1] : issue.path[0]) ?? '_');
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}
