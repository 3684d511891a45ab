/**
 * Assignment definitions shared by the teacher guide's exercise templates, the seed data, the
 * assignment forms and server-side grading: which config a student starts from, which fields
 * they may change, and the pass criteria the engine checks when grading.
 */
import { z } from 'zod';
import { simConfigSchema, type SimConfig } from './sim-config';

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
