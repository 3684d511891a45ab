/**
 * Assignment definitions shared by the teacher guide's exercise templates, the seed data, the
 * assignment forms and server-side grading: which config a student starts from, which fields
 * they may change, and the pass criteria the engine checks when grading.
 */
import { z } from 'zod';
import { ACTIVATIONS, SCHEMES, simConfigSchema, type SimConfig } from './sim-config';
import { DATASETS, LEARNING_RATES, OPTIMIZERS } from './train-config';

/** Most training steps a train-loss-below criterion may ask for (grading must stay quick). */
export const TRAIN_CRITERION_MAX_STEPS = 1000;

export const CONFIG_FIELDS = [
  'scheme', 'fanMode', 'gain', 'customStd', 'activation', 'activationParam', 'layers', 'width',
  'widths', 'inputStd', 'samples', 'seed', 'biasStd', 'residual', 'normalization',
] as const satisfies readonly (keyof SimConfig)[];
export type ConfigField = (typeof CONFIG_FIELDS)[number];

/**
 * One pass criterion, checked against the engine's result for the submitted config.
 * - ratio-range: summary.ratio (final post-activation std / input std) within [min, max].
 * - signal-state: summary.signalState equals `state`, on the scale of lib/sim/signal-state.ts
 *   (stable: within a factor of 2 of the input). Criteria saved before the five-state scale said
 *   only vanishing / stable / exploding; they still parse and now mean the stricter scale.
 * - max-drift: every layer's post-activation RMS stays within a factor `factor` of the input
 *   RMS (max over layers of max(r, 1/r) with r = rms_l / rms_0 is at most `factor`).
 * - prediction: the student's predicted number for `quantity` is within `relTolerance`
 *   (relative) of the engine's value.
 * - train-loss-below: the submitted network (its scheme, seed and all) trained by lib/train on
 *   `dataset` for `steps` steps of `optimizer` at `learningRate` (batch 64) ends with a training
 *   loss below `below`. The work is bounded (lib/grading/train-criterion.ts): a submitted network
 *   too large for the bound fails the criterion rather than occupying the server.
 * - scheme-activation: the submitted config pairs `activation` with one of `schemes` (the
 *   pairing the exercise asks for, e.g. He with ReLU), whatever the numbers say.
 */
export const passCriterionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ratio-range'), min: z.number().nonnegative(), max: z.number().positive() }),
  z.object({ kind: z.literal('signal-state'), state: z.enum(['vanishing', 'fading', 'stable', 'growing', 'exploding']) }),
  z.object({ kind: z.literal('max-drift'), factor: z.number().min(1) }),
  z.object({
    kind: z.literal('prediction'),
    quantity: z.enum(['finalStd', 'ratio']),
    relTolerance: z.number().positive().max(1),
  }),
  z
    .object({
      kind: z.literal('train-loss-below'),
      steps: z.number().int().min(1).max(TRAIN_CRITERION_MAX_STEPS),
      below: z.number().positive(),
      dataset: z.enum(DATASETS),
      optimizer: z.enum(OPTIMIZERS),
      learningRate: z.number().positive(),
    })
    .refine((c) => LEARNING_RATES[c.optimizer].includes(c.learningRate), {
      error: 'The learning rate must be one of the training page’s choices for this optimizer',
      path: ['learningRate'],
    }),
  z.object({
    kind: z.literal('scheme-activation'),
    schemes: z.array(z.enum(SCHEMES)).min(1),
    activation: z.enum(ACTIVATIONS),
  }),
]);
export type PassCriterion = z.infer<typeof passCriterionSchema>;

export const exerciseSpecSchema = z.object({
  title: z.string().trim().min(1).max(200),
  prompt: z.string().trim().min(1).max(10_000),
  baseConfig: simConfigSchema,
  /** Fields the student may change; every other field is locked to the base config. */
  editableFields: z.array(z.enum(CONFIG_FIELDS)).min(1),
  /** Locked fields the student does not even see (e.g. the answer's scheme). */
  hiddenFields: z.array(z.enum(CONFIG_FIELDS)).default([]),
  criteria: z.array(passCriterionSchema).min(1),
});
export type ExerciseSpec = z.output<typeof exerciseSpecSchema>;
export type ExerciseSpecInput = z.input<typeof exerciseSpecSchema>;
