/**
 * Ready-made exercises for the teacher guide, as typed data in the shared assignment format
 * (ExerciseSpecInput, validated by exerciseSpecSchema). Each carries a `referenceAnswer`: the
 * config changes a correct student would make. tests/lessons/exercise-templates.test.ts runs the
 * engine to prove that the reference answer passes every criterion and that the untouched base
 * config fails at least one — a template whose base already passes would teach nothing.
 *
 * Thresholds in `criteria` are the teacher's choices (inputs), not engine results.
 */
import type { ExerciseSpecInput } from '../validation/assignment';
import type { SimConfig, SimConfigInput } from '../validation/sim-config';
import { CONFIGS } from './configs';

export interface ExerciseTemplate {
  id: string;
  /** The lesson the exercise practises. */
  lesson: string;
  spec: ExerciseSpecInput;
  /** Fields a correct answer changes (only editable fields). */
  referenceAnswer: Partial<SimConfig>;
  /** For the teacher: why the reference answer works. */
  solutionNote: string;
}

const cfg = (c: SimConfigInput) => c;

export const EXERCISE_TEMPLATES: ExerciseTemplate[] = [
  {
    id: 'fix-vanishing-relu',
    lesson: 'why-initialization-matters',
    spec: {
      title: 'Rescue a vanishing ReLU network',
      prompt:
        'This 12-layer ReLU network was initialized with Xavier normal and its signal fades layer by layer. Change the initialization scheme or the gain so that the final std stays between half and twice the input std, and the simulator calls the signal stable. Explain in one sentence why your choice works.',
      baseConfig: cfg(CONFIGS.xavierRelu12),
      editableFields: ['scheme', 'gain'],
      criteria: [
        { kind: 'signal-state', state: 'stable' },
        { kind: 'ratio-range', min: 0.5, max: 2 },
      ],
    },
    referenceAnswer: { scheme: 'he-normal' },
    solutionNote: 'ReLU keeps half of the second moment; He doubles Var(W) to 2/n and pays it back at every layer.',
  },
  {
    id: 'tame-explosion',
    lesson: 'why-initialization-matters',
    spec: {
      title: 'Tame an exploding network',
      prompt:
        'Weights drawn from N(0, 1) make this ReLU network explode. Choose an initialization so that no layer’s RMS ends up more than four times larger or smaller than the input’s.',
      baseConfig: cfg(CONFIGS.largeRelu12),
      editableFields: ['scheme', 'gain', 'customStd'],
      criteria: [{ kind: 'max-drift', factor: 4 }],
    },
    referenceAnswer: { scheme: 'he-normal' },
    solutionNote: 'Var(W) must scale as 1/n; with N(0, 1) each layer multiplies the second moment by about n/2.',
  },
  {
    id: 'fan-mode-pyramid',
    lesson: 'xavier-glorot',
    spec: {
      title: 'Pick the fan for a pyramid',
      prompt:
        'Every layer of this linear network halves the width. With fan_out the forward signal grows. Choose the fan mode that keeps the final std between 70% and 140% of the input std, and say what it costs in the backward pass.',
      baseConfig: cfg(CONFIGS.pyramidFanOut),
      editableFields: ['fanMode'],
      criteria: [{ kind: 'ratio-range', min: 0.7, max: 1.4 }],
    },
    referenceAnswer: { fanMode: 'fan_in' },
    solutionNote: 'fan_in makes n_in·Var(W) = 1 in the forward sum; the gradient then shrinks by a factor of 2 in variance per layer.',
  },
  {
    id: 'leaky-gain',
    lesson: 'he-kaiming',
    spec: {
      title: 'The right gain for a leaky ReLU',
      prompt:
        'This 30-layer network uses leaky ReLU with a large negative slope, initialized with He’s ReLU gain. Adjust only the gain so that every layer’s RMS stays within a factor of two of the input’s.',
      baseConfig: cfg(CONFIGS.leakyHeDefault30),
      editableFields: ['gain'],
      criteria: [{ kind: 'max-drift', factor: 2 }],
    },
    referenceAnswer: { gain: 'activation' },
    solutionNote: 'Leaky ReLU keeps (1 + a²)/2 of the second moment, so the gain is sqrt(2 / (1 + a²)), smaller than sqrt 2.',
  },
  {
    id: 'deep-tanh',
    lesson: 'activation-by-activation',
    spec: {
      title: 'Keep a deep tanh network alive',
      prompt:
        'Fifty tanh layers with Xavier’s gain 1 slowly lose their signal. Change the gain so that the final std is between half and twice the input std. Then look at the gradient panel: what did your fix cost?',
      baseConfig: cfg(CONFIGS.tanhXavier50),
      editableFields: ['gain'],
      criteria: [{ kind: 'ratio-range', min: 0.5, max: 2 }],
    },
    referenceAnswer: { gain: 'activation' },
    solutionNote: 'The tanh gain 5/3 gives the forward recursion a stable fixed point of order one; the backward factor at that point exceeds one, so gradients grow.',
  },
  {
    id: 'selu-self-normalizing',
    lesson: 'activation-by-activation',
    spec: {
      title: 'Make SELU self-normalize',
      prompt:
        'This SELU network was given He initialization and its signal grows. Pick the scheme that lets SELU settle at unit variance, and keep the final std within a quarter of the input std.',
      baseConfig: cfg(CONFIGS.seluHe50),
      editableFields: ['scheme'],
      criteria: [{ kind: 'ratio-range', min: 0.75, max: 1.25 }],
    },
    referenceAnswer: { scheme: 'lecun-normal' },
    solutionNote: 'SELU’s constants are derived for Var(W) = 1/n (LeCun normal), where mean 0 and variance 1 are an attracting fixed point.',
  },
  {
    id: 'deep-residual',
    lesson: 'normalization-and-residuals',
    spec: {
      title: 'Level a residual stream',
      prompt:
        'Twenty residual blocks, each branch He-initialized, and the stream still blows up. Without changing the weights, change the residual structure or add normalization so that the simulator calls the signal stable.',
      baseConfig: cfg(CONFIGS.residualPlain20),
      editableFields: ['residual', 'normalization'],
      criteria: [{ kind: 'signal-state', state: 'stable' }],
    },
    referenceAnswer: { residual: 'scaled', normalization: 'layernorm' },
    solutionNote: 'Scaling each branch by 1/sqrt(L) makes each block add about 1/L of the stream’s second moment instead of doubling it, so the growth is bounded by (1 + 1/L)^L < e; the ReLU branches’ positive means still push the stream past twice the input (growing), and LayerNorm before each activation keeps every branch’s contribution fixed, which brings it within a factor of 2. Removing the skip connections also levels it, at the cost of what residual networks are for.',
  },
];

/** Applies a template's reference answer to its base config. */
export function referenceConfig(t: ExerciseTemplate): SimConfigInput {
  return { ...(t.spec.baseConfig as SimConfigInput), ...t.referenceAnswer } as SimConfigInput;
}
