/**
 * Every number a lesson states about a simulation lives here, as a recipe (config + measure),
 * never as a value.
 *
 * How the "numbers come from the engine" guarantee works:
 *  1. Lesson prose renders numbers only through <Fact id="..."/> (components/lessons/fact.tsx),
 *     <WorkedExample/> tables (lib/lessons/worked-examples.ts) and computed constants
 *     (lib/lessons/constants.ts). Each of those runs the engine (or the maths) when the static
 *     page is generated, so a rebuilt page can only show what the current engine produces.
 *  2. Prose also makes qualitative statements around the numbers ("He keeps it level",
 *     "the gradient at layer 1 is tiny"). Each fact carries the `claim` its surrounding sentence
 *     relies on; tests/lessons/facts.test.ts recomputes every fact with the engine and fails if a
 *     claim no longer holds — i.e. if the engine stopped producing what the text says.
 *  3. tests/lessons/no-typed-numbers.test.ts parses the lesson sources with the TypeScript
 *     compiler and fails on any decimal or approximate number ("≈ 0.85", "about 60") typed into
 *     prose or TeX outside a short, commented allowlist — so nobody can bypass 1 by typing.
 *  `FactId` is a union of the keys below, so a typo in <Fact id> fails the type check.
 */
import type { SimResult } from '../sim/types';
import { balancedTanhGain, calculateGain, sigmoidGradientPreservingGain } from '../sim';
import { CONFIGS, type ConfigName } from './configs';
import { formatNumber } from '../format';
import { formatInverse, formatPercent } from './format';
import { measures, type MeasureName } from './measures';
import { runLessonSim } from './run';
import { POST_RELU_STD_FACTOR } from './constants';
import { runLessonTraining, trainingMeasures, type TrainingMeasureName, type TrainingSpecName } from './training';
import type { Scheme } from '../validation/sim-config';

export type FactFormat = 'number' | 'inverse' | 'percent';

interface Claim {
  /** The sentence-level statement the lesson makes about this number. */
  says: string;
  holds: (value: number, result?: SimResult) => boolean;
}

export interface FactSpec {
  /** What the number is, in words (used in test messages and the tooltip). */
  what: string;
  /** A simulation fact: run this config, read this measure. */
  config?: ConfigName;
  measure?: MeasureName;
  /** A non-simulation fact computed by an engine helper (e.g. a numerically computed gain). */
  compute?: () => number;
  format?: FactFormat;
  claim?: Claim;
}

const sim = (config: ConfigName, measure: MeasureName, what: string, claim?: Claim, format?: FactFormat): FactSpec => ({
  what,
  config,
  measure,
  claim,
  format,
});

const train = (
  spec: TrainingSpecName,
  scheme: Scheme,
  measure: TrainingMeasureName,
  what: string,
  claim?: Claim,
  format?: FactFormat,
): FactSpec => ({ what, compute: () => trainingMeasures[measure](runLessonTraining(spec, scheme)), claim, format });

const between = (lo: number, hi: number): Claim['holds'] => (v) => v >= lo && v <= hi;
const within = (target: number, rel: number): Claim['holds'] => (v) => Math.abs(v / target - 1) <= rel;

export const FACTS = {
  // — Why initialization matters —
  'xavierRelu12.finalStd': sim('xavierRelu12', 'finalStd', 'final std, ReLU + Xavier, 12 layers', {
    says: 'the signal has all but vanished (below a twentieth of the input)',
    holds: (v) => v < 1 / 20,
  }),
  'xavierRelu12.ratio': sim('xavierRelu12', 'ratio', 'final/input ratio, ReLU + Xavier, 12 layers', {
    says: 'the ratio is of order 1/60 (between 1/150 and 1/30)',
    holds: between(1 / 150, 1 / 30),
  }, 'inverse'),
  'xavierRelu12.perLayer': sim('xavierRelu12', 'perLayerRmsFactor', 'per-layer RMS factor, ReLU + Xavier', {
    says: 'each layer multiplies the RMS by about sqrt(1/2)',
    holds: within(Math.SQRT1_2, 0.05),
  }),
  'xavierRelu12.gradientRatio': sim('xavierRelu12', 'gradientRatio', 'gradient at layer 1 / at the output, ReLU + Xavier', {
    says: 'the gradient reaching layer 1 is a small fraction of the output gradient',
    holds: (v) => v < 0.1,
  }),
  'heRelu12.finalStd': sim('heRelu12', 'finalStd', 'final std, ReLU + He, 12 layers', {
    says: 'the signal stays at the same order as the input (between 0.5 and 1.2)',
    holds: between(0.5, 1.2),
  }),
  'heRelu12.gradientRatio': sim('heRelu12', 'gradientRatio', 'gradient at layer 1 / at the output, ReLU + He', {
    says: 'the gradient reaches layer 1 at about the size it left the output (0.5 to 2)',
    holds: between(0.5, 2),
  }),
  'smallRelu12.finalStd': sim('smallRelu12', 'finalStd', 'final std, ReLU + N(0, 0.01²), 12 layers', {
    says: 'the signal is astronomically small',
    holds: (v) => v < 1e-6,
  }),
  'largeRelu12.finalStd': sim('largeRelu12', 'finalStd', 'final std, ReLU + N(0, 1), 12 layers', {
    says: 'the signal is astronomically large',
    holds: (v) => v > 1e6,
  }),
  'linearShrink50.ratio': sim('linearShrink50', 'ratio', 'ratio, linear, gain 0.9, 50 layers', {
    says: 'a 10% too-small gain loses most of the signal over 50 layers',
    holds: (v) => v < 0.05,
  }),
  'linearGrow50.ratio': sim('linearGrow50', 'ratio', 'ratio, linear, gain 1.1, 50 layers', {
    says: 'a 10% too-large gain multiplies the signal many times over 50 layers',
    holds: (v) => v > 20,
  }),
  'linearXavier50.ratio': sim('linearXavier50', 'ratio', 'ratio, linear, Xavier, 50 layers', {
    says: 'the exact gain keeps the signal level',
    holds: between(0.7, 1.4),
  }),

  // — Xavier —
  'xavierUniformLinear12.ratio': sim('xavierUniformLinear12', 'ratio', 'ratio, linear, Xavier uniform, 12 layers', {
    says: 'uniform and normal behave the same: level',
    holds: between(0.8, 1.25),
  }),
  'xavierNormalLinear12.ratio': sim('xavierNormalLinear12', 'ratio', 'ratio, linear, Xavier normal, 12 layers', {
    says: 'uniform and normal behave the same: level',
    holds: between(0.8, 1.25),
  }),

  // — He —
  'heRelu12.firstPreStd': sim('heRelu12', 'firstPreStd', 'pre-activation std at layer 1, ReLU + He', {
    says: 'the pre-activation std is about sqrt 2 times the input std',
    holds: within(Math.SQRT2, 0.1),
  }),
  'heRelu12.finalPreStd': sim('heRelu12', 'finalPreStd', 'pre-activation std at layer 12, ReLU + He', {
    says: 'one sampled network wanders around sqrt 2 (within 25%)',
    holds: within(Math.SQRT2, 0.25),
  }),
  'heRelu12.finalPreStdTheory': sim('heRelu12', 'finalPreStdTheory', 'mean-field pre-activation std at layer 12, ReLU + He', {
    says: 'the infinite-width prediction is exactly sqrt 2',
    holds: within(Math.SQRT2, 0.01),
  }),
  'heRelu12.finalRmsTheory': sim('heRelu12', 'finalRmsTheory', 'mean-field post RMS at layer 12, ReLU + He', {
    says: 'the infinite-width prediction of the RMS is exactly 1',
    holds: within(1, 0.01),
  }),
  'heRelu12.finalRms': sim('heRelu12', 'finalRms', 'post-activation RMS at layer 12, ReLU + He', {
    says: 'one sampled network’s RMS wanders around 1 (within 25%)',
    holds: within(1, 0.25),
  }),
  // Width 1024: one sampled network's ratio has about half the seed-to-seed spread it has at 256.
  'heRelu12Wide.postOverPre': sim('heRelu12Wide', 'finalPostOverPre', 'post std / pre std at layer 12, ReLU + He, width 1024', {
    says: 'post-ReLU std is sqrt(1/2 - 1/(2π)) of the pre-activation std',
    holds: within(POST_RELU_STD_FACTOR, 0.05),
  }),
  'leakyHeDefault30.ratio': sim('leakyHeDefault30', 'ratio', 'ratio, leaky ReLU (0.5) + He with the ReLU gain, 30 layers', {
    says: 'the ReLU gain over-amplifies a leaky ReLU: the signal grows several-fold',
    holds: (v) => v > 3,
  }),
  'leakyHeMatched30.ratio': sim('leakyHeMatched30', 'ratio', 'ratio, leaky ReLU (0.5) + matched gain, 30 layers', {
    says: 'the matched gain keeps the signal level',
    holds: between(0.5, 2),
  }),

  // — Zero init —
  'zeroRelu12.finalStd': sim('zeroRelu12', 'finalStd', 'final std, zero init', {
    says: 'the output is exactly zero and symmetry is never broken',
    holds: (v, r) => v === 0 && r?.summary.symmetryBroken === false,
  }),

  // — Activations —
  'tanhXavier50.ratio': sim('tanhXavier50', 'ratio', 'ratio, tanh + Xavier (gain 1), 50 layers', {
    says: 'with gain 1 the forward signal decays slowly but clearly',
    holds: (v) => v < 0.5,
  }),
  'tanhXavier50.gradientRatio': sim('tanhXavier50', 'gradientRatio', 'gradient at layer 1 / output, tanh + Xavier, 50 layers', {
    says: 'with gain 1 the gradient reaching layer 1 is smaller than at the output but not vanishing',
    holds: between(0.05, 1),
  }),
  'tanhMatched50.ratio': sim('tanhMatched50', 'ratio', 'ratio, tanh + gain 5/3, 50 layers', {
    says: 'gain 5/3 keeps the forward signal at order one',
    holds: between(0.4, 1.5),
  }),
  'tanhMatched50.gradientRatio': sim('tanhMatched50', 'gradientRatio', 'gradient at layer 1 / output, tanh + gain 5/3, 50 layers', {
    says: 'with gain 5/3 the gradient grows on its way back',
    holds: (v) => v > 1.5,
  }),
  'tanhMatched50.saturated': sim('tanhMatched50', 'finalSaturated', 'saturated fraction at layer 50, tanh + gain 5/3', {
    says: 'a noticeable share of units sit in the flat tails',
    holds: between(0.01, 0.9),
  }, 'percent'),
  'gain.tanhBalanced50': {
    what: 'tanh gain balancing forward decay and gradient growth over 50 layers',
    compute: () => balancedTanhGain(50),
    claim: { says: 'the balancing gain lies strictly between 1 and 5/3', holds: (v) => v > 1.02 && v < 5 / 3 - 0.02 },
  },
  'gain.sigmoidLevel': {
    what: 'sigmoid gain at which the mean-field gradient factor per layer reaches 1',
    compute: () => sigmoidGradientPreservingGain().gain,
    claim: { says: 'the level-gradient gain is far larger than any usual gain (above 4)', holds: (v) => v > 4 },
  },
  'sigmoid.saturatedAtLevel': {
    what: 'fraction of saturated sigmoid units at the level-gradient gain',
    compute: () => sigmoidGradientPreservingGain().saturated,
    format: 'percent',
    claim: { says: 'at that gain a large share of units is saturated (over a third)', holds: (v) => v > 1 / 3 },
  },
  'sigmoidXavier20.finalMean': sim('sigmoidXavier20', 'finalMean', 'post-activation mean at layer 20, sigmoid + Xavier', {
    says: 'sigmoid outputs are centred near 1/2, not 0',
    holds: between(0.4, 0.6),
  }),
  'sigmoidXavier20.gradientRatio': sim('sigmoidXavier20', 'gradientRatio', 'gradient at layer 1 / output, sigmoid + Xavier, 20 layers', {
    says: 'the gradient at layer 1 has vanished',
    holds: (v) => v < 1e-6,
  }),
  'gain.gelu': { what: 'variance-preserving gain for GELU', compute: () => calculateGain('gelu'), claim: { says: 'GELU needs more than ReLU’s sqrt 2', holds: (v) => v > Math.SQRT2 } },
  'gain.swish': { what: 'variance-preserving gain for Swish', compute: () => calculateGain('swish'), claim: { says: 'Swish needs more than ReLU’s sqrt 2', holds: (v) => v > Math.SQRT2 } },
  'geluHe50.ratio': sim('geluHe50', 'ratio', 'ratio, GELU + He (gain sqrt 2), 50 layers', {
    says: 'the ReLU gain is too small for GELU: the signal decays over depth',
    holds: (v) => v < 0.5,
  }),
  'geluMatched50.ratio': sim('geluMatched50', 'ratio', 'ratio, GELU + computed gain, 50 layers', {
    says: 'even with the computed gain the signal runs away upwards over 50 layers',
    holds: (v) => v > 2,
  }),
  'geluMatched50.firstPreStd': sim('geluMatched50', 'firstPreStd', 'pre-activation std at layer 1, GELU + computed gain', {
    says: 'the first layer starts above the fixed point q = 1 (its std is the gain itself)',
    holds: (v) => v > 1.2,
  }),
  'swishMatched50.ratio': sim('swishMatched50', 'ratio', 'ratio, Swish + computed gain, 50 layers', {
    says: 'even with the computed gain the signal runs away upwards over 50 layers',
    holds: (v) => v > 2,
  }),
  'seluLecun50.finalStd': sim('seluLecun50', 'finalStd', 'final std, SELU + LeCun normal, 50 layers', {
    says: 'SELU with LeCun normal settles at unit std',
    holds: within(1, 0.2),
  }),
  'seluLecun50.finalMean': sim('seluLecun50', 'finalMean', 'final mean, SELU + LeCun normal, 50 layers', {
    says: 'and at zero mean',
    holds: (v) => Math.abs(v) < 0.2,
  }),
  'seluHe50.ratio': sim('seluHe50', 'ratio', 'ratio, SELU + He, 50 layers', {
    says: 'twice the variance breaks self-normalization: the signal grows',
    holds: (v) => v > 2,
  }),

  // — Normalization and residuals —
  'smallRelu12.ratio': sim('smallRelu12', 'ratio', 'ratio, ReLU + small random, 12 layers', {
    says: 'without normalization the small init has vanished',
    holds: (v) => v < 1e-6,
  }),
  'smallReluBatchNorm12.ratio': sim('smallReluBatchNorm12', 'ratio', 'ratio, ReLU + small random + BatchNorm, 12 layers', {
    says: 'BatchNorm restores an order-one signal',
    holds: between(0.3, 2),
  }),
  'largeReluLayerNorm12.ratio': sim('largeReluLayerNorm12', 'ratio', 'ratio, ReLU + large random + LayerNorm, 12 layers', {
    says: 'LayerNorm tames even N(0, 1) weights in the forward pass',
    holds: between(0.3, 2),
  }),
  'zeroReluBatchNorm12.finalStd': sim('zeroReluBatchNorm12', 'finalStd', 'final std, zero init + BatchNorm', {
    says: 'normalization cannot break the symmetry of zero weights',
    holds: (_v, r) => r?.summary.symmetryBroken === false,
  }),
  'residualPlain20.ratio': sim('residualPlain20', 'ratio', 'ratio, plain residual ReLU + He, 20 layers', {
    says: 'a plain residual stream grows enormously with depth',
    holds: (v) => v > 100,
  }),
  'residualScaled20.ratio': sim('residualScaled20', 'ratio', 'ratio, 1/sqrt(L)-scaled residual ReLU + He, 20 layers', {
    says: 'branch scaling keeps the stream within a small multiple of the input, thousands of times below the plain stream',
    holds: (v) => v > 0.5 && v < 5 && v < measures.ratio(runLessonSim(CONFIGS.residualPlain20)) / 1000,
  }),
  'residualScaled2L20.ratio': sim('residualScaled2L20', 'ratio', 'ratio, 1/sqrt(2L)-scaled residual ReLU + He, 20 layers', {
    says: 'the GPT-2 scaling grows the stream even less than 1/sqrt(L)',
    holds: (v) => v >= 1 && v < measures.ratio(runLessonSim(CONFIGS.residualScaled20)),
  }),
  'residualZero20.finalStd': sim('residualZero20', 'finalStd', 'final std, zero-gain residual ReLU + He, 20 layers', {
    says: 'with every branch gain at zero the stream is exactly the input',
    holds: (v, r) => r !== undefined && v === r.input.std,
  }),

  // — Debugging —
  'smallRelu12.perLayer': sim('smallRelu12', 'perLayerRmsFactor', 'per-layer RMS factor, ReLU + N(0, 0.01²)', {
    says: 'each layer multiplies the signal by a roughly constant factor far below 1',
    holds: between(0.05, 0.25),
  }),
  'debug.impliedStd': {
    what: 'weight std implied by the measured slope: 0.01 / per-layer factor',
    compute: () => 0.01 / measures.perLayerRmsFactor(runLessonSim(CONFIGS.smallRelu12)),
    claim: { says: 'reading the slope recovers the He std sqrt(2/256) within 10%', holds: within(Math.sqrt(2 / 256), 0.1) },
  },

  // — FAQ —
  'heRelu12Narrow.ratio': sim('heRelu12Narrow', 'ratio', 'ratio, ReLU + He, width 64', {
    says: 'width barely changes the typical final std',
    holds: (v) => Math.abs(v / measures.ratio(runLessonSim(CONFIGS.heRelu12Wide)) - 1) < 0.2,
  }),
  'heRelu12Wide.ratio': sim('heRelu12Wide', 'ratio', 'ratio, ReLU + He, width 1024', {
    says: 'width barely changes the typical final std',
    holds: between(0.5, 1.2),
  }),
  'heRelu12Input2.ratio': sim('heRelu12Input2', 'ratio', 'ratio, ReLU + He, input std 2', {
    says: 'for ReLU the ratio does not depend on the input scale',
    holds: (v) => Math.abs(v / measures.ratio(runLessonSim(CONFIGS.heRelu12)) - 1) < 0.1,
  }),

  // — Does the initialization matter once training starts? (lib/lessons/training.ts) —
  'train.sgdHe.firstLoss': train('sgdDeep', 'he-normal', 'firstLoss', 'He, SGD: minibatch loss at step 1', { says: 'starts at a finite loss', holds: (v) => v > 0 }),
  'train.sgdHe.loss': train('sgdDeep', 'he-normal', 'finalLoss', 'He, SGD: training loss after the last step', {
    says: 'He has learned: its loss is well below the loss of guessing (ln 2) and below Xavier’s',
    holds: (v) => v < 0.85 * Math.LN2 && v < trainingMeasures.finalLoss(runLessonTraining('sgdDeep', 'xavier-normal')),
  }),
  'train.sgdHe.accuracy': train('sgdDeep', 'he-normal', 'finalAccuracy', 'He, SGD: training accuracy', { says: 'well above chance', holds: (v) => v > 0.65 }, 'percent'),
  'train.sgdXavier.loss': train('sgdDeep', 'xavier-normal', 'finalLoss', 'Xavier, SGD: training loss after the last step', {
    says: 'Xavier has barely moved from the loss of guessing, ln 2',
    holds: (v) => v > 0.95 * Math.LN2,
  }),
  'train.sgdXavier.firstLoss': train('sgdDeep', 'xavier-normal', 'firstLoss', 'Xavier, SGD: minibatch loss at step 1', { says: 'starts at the loss of guessing', holds: within(Math.LN2, 0.02) }),
  'train.sgdZero.loss': train('sgdDeep', 'zero', 'finalLoss', 'zero init, SGD: training loss after the last step', {
    says: 'zero init ends exactly where guessing ends, ln 2 (to three digits)',
    holds: within(Math.LN2, 0.002),
  }),
  'train.sgdLarge.nanStep': train('sgdDeep', 'large-random', 'divergenceStep', 'N(0, 1) weights, SGD: step whose loss is NaN', {
    says: 'the large random net overflows within the first few steps',
    holds: between(1, 10),
  }),
  'train.sgdHe.grad1': train('sgdDeep', 'he-normal', 'firstLayerGradient', 'He, step 1: norm of the first layer’s weight gradient', {
    says: 'a gradient of ordinary size reaches the first layer',
    holds: between(0.01, 100),
  }),
  'train.sgdXavier.grad1': train('sgdDeep', 'xavier-normal', 'firstLayerGradient', 'Xavier, step 1: norm of the first layer’s weight gradient', {
    says: 'with Xavier the first layer’s gradient is hundreds of times smaller than with He',
    holds: (v) => v < trainingMeasures.firstLayerGradient(runLessonTraining('sgdDeep', 'he-normal')) / 100,
  }),
  'train.adamXavier.loss': train('adamDeep', 'xavier-normal', 'finalLoss', 'Xavier, Adam: training loss after the last step', {
    says: 'with Adam the same Xavier network learns: its loss falls far below ln 2',
    holds: (v) => v < 0.6 * Math.LN2,
  }),
  'train.adamXavier.accuracy': train('adamDeep', 'xavier-normal', 'finalAccuracy', 'Xavier, Adam: training accuracy', { says: 'well above chance', holds: (v) => v > 0.75 }, 'percent'),
  'train.adamHe.loss': train('adamDeep', 'he-normal', 'finalLoss', 'He, Adam: training loss after the last step', {
    says: 'He learns with Adam too',
    holds: (v) => v < 0.6 * Math.LN2,
  }),
} satisfies Record<string, FactSpec>;

export type FactId = keyof typeof FACTS;

export interface FactValue {
  id: FactId;
  value: number;
  text: string;
  what: string;
}

const memo = new Map<FactId, FactValue>();

/** Computes one fact (memoized): the engine run behind it plus its formatted text. */
export function getFact(id: FactId): FactValue {
  const hit = memo.get(id);
  if (hit) return hit;
  const spec: FactSpec = FACTS[id];
  const value = evaluate(spec);
  const text = spec.format === 'inverse' ? formatInverse(value) : spec.format === 'percent' ? formatPercent(value) : formatNumber(value);
  const fv = { id, value, text, what: spec.what };
  memo.set(id, fv);
  return fv;
}

function evaluate(spec: FactSpec): number {
  if (spec.compute) return spec.compute();
  if (spec.config && spec.measure) return measures[spec.measure](runLessonSim(CONFIGS[spec.config]));
  throw new Error(`Fact "${spec.what}" has neither compute nor config + measure`);
}

/** Every fact with its claim verdict: what the facts test asserts. */
export function computeLessonFacts(): Array<FactValue & { claim?: string; claimHolds: boolean }> {
  return (Object.keys(FACTS) as FactId[]).map((id) => {
    const spec: FactSpec = FACTS[id];
    const fv = getFact(id);
    const result = spec.config ? runLessonSim(CONFIGS[spec.config]) : undefined;
    const claimHolds = spec.claim ? spec.claim.holds(fv.value, result) : Number.isFinite(fv.value);
    return { ...fv, claim: spec.claim?.says, claimHolds };
  });
}
