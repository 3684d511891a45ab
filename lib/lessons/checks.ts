/**
 * The "check yourself" questions at the end of each lesson: predict, then reveal by running the
 * engine in the browser. The answer is never stored — `grade` derives it from the engine's
 * result at the moment the reader asks, so a question cannot go stale when the engine changes.
 * Client-safe (imported by a client component): no server-only code here.
 */
import type { SimResult } from '../sim/types';
import type { SimConfigInput } from '../validation/sim-config';
import { CONFIGS } from './configs';
import { formatNumber } from '../format';
import { measures, known } from './measures';

interface BaseCheck {
  id: string;
  question: string;
  /** Configs to run (several when the question compares runs). */
  configs: SimConfigInput[];
  /** The run the "open in simulator" link after the reveal points to. */
  tryIt: SimConfigInput;
}

export interface ChoiceCheck extends BaseCheck {
  kind: 'choice';
  options: { id: string; label: string }[];
  /** Which option the engine's results make correct. */
  grade: (results: SimResult[]) => string;
  /** Engine-derived explanation shown after the reveal. */
  explain: (results: SimResult[]) => string;
}

export interface EstimateCheck extends BaseCheck {
  kind: 'estimate';
  /** Label of the number input. */
  inputLabel: string;
  quantity: (results: SimResult[]) => number;
  /** Band seeds to run (the spread over seeds is the answer's own tolerance). */
  bandSeeds: number;
  /**
   * The range that counts as right: the answer's own band (its spread over the band's seeds) and
   * the mean-field prediction, not a flat percentage.
   */
  accepted: (results: SimResult[]) => { min: number; max: number };
  /** Quantities the question rules out (e.g. the RMS when it asks for the std). */
  ruledOut: (results: SimResult[]) => { label: string; value: number }[];
  explain: (results: SimResult[]) => string;
}

/**
 * Grades an estimate: inside the accepted range, and nearer the answer than any quantity the
 * question rules out (so a guess of the excluded RMS is never right, even when it is close).
 */
export function gradeEstimate(check: EstimateCheck, results: SimResult[], guess: number): { correct: boolean; ruledOut: string | null } {
  const truth = check.quantity(results);
  const { min, max } = check.accepted(results);
  const hit = check.ruledOut(results).find((q) => Math.abs(guess - q.value) < Math.abs(guess - truth));
  return { correct: guess >= min && guess <= max && !hit, ruledOut: hit?.label ?? null };
}

export type Check = ChoiceCheck | EstimateCheck;

const f = formatNumber;
// The engine's five signal states (lib/sim/signal-state.ts), so the graded answer is the state.
const stateOptions = [
  { id: 'vanishing', label: 'It vanishes: less than a tenth of the input' },
  { id: 'fading', label: 'It fades: between a tenth and half of the input' },
  { id: 'stable', label: 'It stays at about the input’s size (within a factor of 2)' },
  { id: 'growing', label: 'It grows: between twice and ten times the input' },
  { id: 'exploding', label: 'It explodes: more than ten times the input' },
];

export const CHECKS: Record<string, Check> = {
  'why-initialization-matters': {
    id: 'why-initialization-matters',
    kind: 'choice',
    question:
      'A 20-layer ReLU network of width 256 is initialized with Xavier normal (Var(W) = 1/n). Input std is 1. What happens to the signal by the last layer?',
    configs: [CONFIGS.xavierRelu20],
    tryIt: CONFIGS.xavierRelu20,
    options: stateOptions,
    grade: ([r]) => r.summary.signalState,
    explain: ([r]) =>
      `The engine reports a final std of ${f(known(r.summary.finalStd))}, a ratio of ${f(known(r.summary.ratio))} to the input. ReLU halves the second moment at every layer and Xavier does not pay it back, so the loss compounds: twenty halvings of the variance.`,
  },
  'xavier-glorot': {
    id: 'xavier-glorot',
    kind: 'choice',
    question:
      'A linear pyramid halves its width at every layer (1024 → 512 → … → 32). Weights use Xavier normal with fan_out. Going forwards, does the signal shrink, stay level, or grow?',
    configs: [CONFIGS.pyramidFanOut],
    tryIt: CONFIGS.pyramidFanOut,
    options: [
      { id: 'shrink', label: 'Shrink' },
      { id: 'level', label: 'Stay level' },
      { id: 'grow', label: 'Grow' },
    ],
    grade: ([r]) => (known(r.summary.ratio) > 1.5 ? 'grow' : known(r.summary.ratio) < 1 / 1.5 ? 'shrink' : 'level'),
    explain: ([r]) =>
      `Final/input std: ${f(known(r.summary.ratio))}. With fan_out, Var(W) = 1/fan_out, but the forward sum has fan_in = 2·fan_out terms, so each layer doubles the variance. fan_out protects the backward pass instead.`,
  },
  'he-kaiming': {
    id: 'he-kaiming',
    kind: 'estimate',
    question:
      'ReLU, He normal, 12 layers, width 256, input std 1. Predict the post-ReLU std of the last layer (not the RMS, not the pre-activation std).',
    configs: [CONFIGS.heRelu12],
    tryIt: CONFIGS.heRelu12,
    inputLabel: 'Your prediction for the final post-ReLU std',
    quantity: ([r]) => known(r.summary.finalStd),
    bandSeeds: 5,
    accepted: ([r]) => {
      const last = r.layers[r.layers.length - 1];
      const theory = known(last.theory.postStd);
      return { min: Math.min(known(last.band.postStd?.min), theory), max: Math.max(known(last.band.postStd?.max), theory) };
    },
    ruledOut: ([r]) => {
      const last = r.layers[r.layers.length - 1];
      return [
        { label: 'the RMS', value: known(last.theory.postRms) },
        { label: 'the RMS', value: known(last.post?.rms) },
        { label: 'the pre-activation std', value: known(last.theory.preStd) },
        { label: 'the pre-activation std', value: known(last.pre?.std) },
      ];
    },
    explain: ([r]) => {
      const last = r.layers[r.layers.length - 1];
      return `The engine gives ${f(known(last.post?.std))}. He keeps the pre-activation std near √2 (here ${f(known(last.pre?.std))}) and the post-ReLU RMS at the input’s level (here ${f(known(last.post?.rms))}); the std of a ReLU output is only √(1/2 − 1/(2π)) of the pre-activation std because the output has a positive mean.`;
    },
  },
  'zero-and-constant-init': {
    id: 'zero-and-constant-init',
    kind: 'choice',
    question: 'Zero weights, ReLU, 12 layers, but now with BatchNorm after every linear layer. Does normalization break the symmetry?',
    configs: [CONFIGS.zeroReluBatchNorm12],
    tryIt: CONFIGS.zeroReluBatchNorm12,
    options: [
      { id: 'yes', label: 'Yes: normalization rescales the units and they start to differ' },
      { id: 'no', label: 'No: every unit in a layer still computes the same thing' },
    ],
    grade: ([r]) => (r.summary.symmetryBroken ? 'yes' : 'no'),
    explain: ([r]) =>
      `Symmetry broken according to the engine: ${r.summary.symmetryBroken ? 'yes' : 'no'}; final std ${f(known(r.summary.finalStd))}. Normalization subtracts a mean and divides by a spread; applied to identical units it returns identical units.`,
  },
  'activation-by-activation': {
    id: 'activation-by-activation',
    kind: 'choice',
    question:
      'Two 50-layer tanh networks of width 256: one with Xavier’s gain 1, one with PyTorch’s tanh gain 5/3. Which one delivers the larger gradient to its first layer (relative to the output)?',
    configs: [CONFIGS.tanhXavier50, CONFIGS.tanhMatched50],
    tryIt: CONFIGS.tanhMatched50,
    options: [
      { id: 'gain1', label: 'Gain 1' },
      { id: 'gain53', label: 'Gain 5/3' },
    ],
    grade: ([a, b]) => (measures.gradientRatio(a) > measures.gradientRatio(b) ? 'gain1' : 'gain53'),
    explain: ([a, b]) =>
      `Gradient at layer 1 relative to the output: ${f(measures.gradientRatio(a))} with gain 1, ${f(measures.gradientRatio(b))} with gain 5/3. Forward, the final/input std is ${f(known(a.summary.ratio))} and ${f(known(b.summary.ratio))}. The larger gain keeps the forward signal alive and makes the backward one grow: that is the trade-off.`,
  },
  'normalization-and-residuals': {
    id: 'normalization-and-residuals',
    kind: 'choice',
    question: 'ReLU + He normal, 20 layers, with a plain residual sum a ← a + ReLU(Wa) at every layer. What does the residual stream do?',
    configs: [CONFIGS.residualPlain20],
    tryIt: CONFIGS.residualPlain20,
    options: stateOptions,
    grade: ([r]) => r.summary.signalState,
    explain: ([r]) =>
      `Final/input std: ${f(known(r.summary.ratio))}. Each block adds a branch as large as the stream itself, so the second moment roughly doubles per block even though every branch is perfectly He-initialized. Scaling branches by 1/√L fixes it.`,
  },
  'initialization-in-training': {
    id: 'initialization-in-training',
    kind: 'choice',
    question:
      'Before training anything: a 20-layer ReLU network of width 64 starts from Xavier normal. What does the simulator say its signal does by the last layer at step zero (and so, what should plain SGD expect)?',
    configs: [{ scheme: 'xavier-normal', activation: 'relu', layers: 20, width: 64 }],
    tryIt: { scheme: 'xavier-normal', activation: 'relu', layers: 20, width: 64 },
    options: stateOptions,
    grade: ([r]) => r.summary.signalState,
    explain: ([r]) =>
      `The engine reports a final std of ${f(known(r.summary.finalStd))}, ${f(known(r.summary.ratio))} times the input. The weight gradients are built from these activations, so the first SGD steps barely move the weights: the stall the training comparison shows.`,
  },
  'debugging-checklist': {
    id: 'debugging-checklist',
    kind: 'choice',
    question:
      'A 12-layer ReLU net of width 256 was initialized with N(0, 0.01²) and its loss does not move. Which single change makes the forward signal stable?',
    configs: [
      CONFIGS.smallRelu12,
      { ...CONFIGS.smallRelu12, scheme: 'he-normal' },
      { ...CONFIGS.smallRelu12, inputStd: 10 },
      { ...CONFIGS.smallRelu12, layers: 6 },
    ],
    tryIt: CONFIGS.heRelu12,
    options: [
      { id: 'he', label: 'Switch the weights to He normal' },
      { id: 'input', label: 'Scale the input up ten times' },
      { id: 'shallower', label: 'Halve the depth' },
    ],
    grade: ([, he, input, shallow]) =>
      he.summary.signalState === 'stable' ? 'he' : input.summary.signalState === 'stable' ? 'input' : shallow.summary.signalState === 'stable' ? 'shallower' : 'he',
    explain: ([base, he, input, shallow]) =>
      `Final/input std — as given: ${f(known(base.summary.ratio))}; He normal: ${f(known(he.summary.ratio))}; input ×10: ${f(known(input.summary.ratio))}; half the depth: ${f(known(shallow.summary.ratio))}. A bigger input only shifts the whole curve up by a constant; the slope, set by the weights, is unchanged.`,
  },
  faq: {
    id: 'faq',
    kind: 'choice',
    question: 'ReLU + He normal, 12 layers. Compare width 64 with width 1024. How does the final/input std change?',
    configs: [CONFIGS.heRelu12Narrow, CONFIGS.heRelu12Wide],
    tryIt: CONFIGS.heRelu12Wide,
    options: [
      { id: 'same', label: 'About the same' },
      { id: 'wider-larger', label: 'Much larger for the wider net' },
      { id: 'wider-smaller', label: 'Much smaller for the wider net' },
    ],
    grade: ([a, b]) => {
      const q = known(b.summary.ratio) / known(a.summary.ratio);
      return q > 1.5 ? 'wider-larger' : q < 1 / 1.5 ? 'wider-smaller' : 'same';
    },
    explain: ([a, b]) =>
      `Width 64: ${f(known(a.summary.ratio))}; width 1024: ${f(known(b.summary.ratio))}. The init already divides by the fan-in, so width cancels out of the typical size; what width changes is the fluctuation around it.`,
  },
};
