/**
 * The run's summary: signal state with stated thresholds, the symmetry check, the recommended
 * scheme for the activation and depth, and the match verdict with a sentence explaining it.
 *
 * Signal state: r = (post-activation std of the last layer) / (configured input std).
 *   r < 0.1 (or 0) -> vanishing;  r > 10 or any non-finite value -> exploding;  else stable.
 * The end-to-end ratio is what a student reads off the chart; a factor of 10 either way is
 * where a plain network stops training well. Mean field for ReLU + He predicts r = 0.83 at
 * every depth (the post-ReLU std is sqrt(1/2 - 1/(2 pi)) = 0.58 of the pre-activation std,
 * whose variance He sets to 2 s^2), so "stable" does not mean r = 1.
 *
 * Verdict: the effective gain g = sqrt(Var(W) * fan_in) of the first layer is compared with the
 * recommendation's accepted range (see recommend.ts); zero or symmetric weights never match.
 */
import type { SimConfig } from '../validation/sim-config';
import { ACTIVATION_INFO } from './activations';
import { recommendScheme } from './recommend';
import { describeFormula, SCHEME_INFO, weightVariance } from './schemes';
import type { SignalState, Summary } from './types';
import { layerWidths } from '../validation/sim-config';

export const SIGNAL_THRESHOLDS = {
  vanishingBelow: 0.1,
  explodingAbove: 10,
  description:
    'Signal state compares the last layer\u2019s post-activation std with the input std. Below 0.1\u00d7 (more than 90% of the signal lost) it is vanishing, above 10\u00d7 (or overflowing) it is exploding, and in between it is stable. A stable ReLU network with He init ends near 0.83\u00d7, because ReLU\u2019s output std is 0.58 of its input\u2019s.',
} as const;

const fmt = (x: number, digits = 3) => Number(x.toPrecision(digits)).toString();

/**
 * Signal state from the end-to-end ratio. An overflow anywhere (forward or backward) is exploding;
 * an underflow to exactly 0 is vanishing; a null ratio (overflowed output) is exploding.
 */
export function classifySignal(ratio: number | null, anyOverflow: boolean, underflow = false): SignalState {
  if (anyOverflow || ratio === null || !Number.isFinite(ratio) || ratio > SIGNAL_THRESHOLDS.explodingAbove) return 'exploding';
  if (underflow || ratio < SIGNAL_THRESHOLDS.vanishingBelow) return 'vanishing';
  return 'stable';
}

export interface SummaryInput {
  config: SimConfig;
  /** Null when the forward pass overflowed. */
  finalStd: number | null;
  overflowLayer: number | null;
  gradientOverflowLayer: number | null;
  underflowLayer: number | null;
  symmetryBroken: boolean;
}

export function summarize({ config, finalStd, overflowLayer, gradientOverflowLayer, underflowLayer, symmetryBroken }: SummaryInput): Summary {
  const fanOut1 = layerWidths(config)[0];
  const variance = weightVariance(config, config.width, fanOut1);
  const ratio = finalStd === null ? null : finalStd / config.inputStd;
  const overflow = overflowLayer !== null || gradientOverflowLayer !== null;
  const signalState = classifySignal(ratio, overflow, underflowLayer !== null);
  const rec = recommendScheme(config.activation, config.layers, config.activationParam);
  const effectiveGain = Math.sqrt(variance * config.width);
  const info = SCHEME_INFO[config.scheme];
  const actLabel = ACTIVATION_INFO[config.activation].label;
  const recLabel = SCHEME_INFO[rec.scheme].label;

  let verdict: 'match' | 'mismatch';
  let verdictText: string;
  if (!symmetryBroken || variance === 0) {
    verdict = 'mismatch';
    verdictText = `${info.label} leaves every unit of a layer computing the same value, so all units get the same gradient and stay identical: the symmetry between them is never broken, and the network behaves like one unit per layer. Use random weights (${recLabel}).`;
  } else if (effectiveGain >= rec.acceptedGains.min && effectiveGain <= rec.acceptedGains.max) {
    verdict = 'match';
    verdictText = `${info.label} gives Var(W) = ${fmt(effectiveGain * effectiveGain)} / fan_in, the scale ${actLabel} needs (recommended: ${recLabel}, gain ${fmt(rec.gain)}).`;
  } else {
    verdict = 'mismatch';
    const needed = `${fmt(rec.gain * rec.gain)} / fan_in`;
    const effect =
      signalState === 'vanishing'
        ? 'so the signal vanishes with depth'
        : signalState === 'exploding'
          ? 'so the signal explodes with depth'
          : effectiveGain < rec.acceptedGains.min
            ? 'too small: the signal shrinks layer by layer'
            : 'too large: the signal grows layer by layer';
    verdictText = `${info.label} gives Var(W) = ${fmt(effectiveGain * effectiveGain)} / fan_in but ${actLabel} needs about ${needed}, ${effect}. Recommended: ${recLabel}.`;
  }
  // Overflow and underflow are stated as codes (summary.overflowLayer, ...) for presenters; the
  // sentence here only keeps the verdict from contradicting them.
  if (overflowLayer !== null) verdictText += ` The signal overflowed the range of 64-bit numbers at layer ${overflowLayer}; later layers have no values.`;
  else if (gradientOverflowLayer !== null) verdictText += ` The gradient overflowed the range of 64-bit numbers at layer ${gradientOverflowLayer} on its way back.`;
  if (underflowLayer !== null) verdictText += ` The signal underflowed to exactly 0 at layer ${underflowLayer}: smaller than the smallest 64-bit number.`;
  if (config.normalization !== 'none' && symmetryBroken && variance > 0) {
    verdictText += ` With ${config.normalization === 'layernorm' ? 'LayerNorm' : 'BatchNorm'} the pre-activations are rescaled every layer, so the forward signal no longer depends on the weight scale.`;
  }

  return {
    scheme: config.scheme,
    formula: describeFormula(config),
    weightVariance: variance,
    inputStd: config.inputStd,
    finalStd,
    ratio,
    signalState,
    thresholds: { ...SIGNAL_THRESHOLDS },
    symmetryBroken,
    recommendedScheme: rec.scheme,
    recommendation: rec.text,
    verdict,
    verdictText,
    overflowLayer,
    gradientOverflowLayer,
    underflowLayer,
  };
}
