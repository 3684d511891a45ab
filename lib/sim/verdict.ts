/**
 * The match verdict: does the whole choice (scheme, gain, fan mode, the activation's parameter,
 * residual and normalization) keep the signal as level as this network allows, and if not, what
 * to change. Numbers and codes only; lib/present/summary-words.ts turns them into sentences.
 *
 * The reference is this same network (activation and its parameter, widths, depth, normalization)
 * with the recommended scheme and gain (recommend.ts) and, for a plain residual stack without
 * normalization, the 1/sqrt(L)-scaled residual branch. Mean-field theory predicts the end-to-end
 * forward ratio (last layer's post-activation std / input std) and the gradient ratio (gradient
 * RMS at layer 1 / at the output) of both; the choice matches when
 *   - the weights break the symmetry between units,
 *   - the reference itself can keep the signal (no vanishing or exploding forward or gradient
 *     ratio: deep sigmoid stacks cannot, whatever the scale, so the change is the activation),
 *   - both predicted ratios are within a factor sqrt 2 of the reference's (so a 3 % gain error
 *     that compounds over 30 layers is caught, while the same error in 3 layers is not), and
 *   - the measured outcome is not vanishing or exploding (finite width can drift from theory).
 * A verdict is thus never "match" beside a vanishing or exploding signal.
 */
import type { FanMode, Residual, Scheme, SimConfig } from '../validation/sim-config';
import { log } from './exact-math';
import { meanField, type MeanFieldLayer } from './mean-field';
import { recommendScheme, type Recommendation } from './recommend';
import { resolveFanMode, resolveGain, SCHEME_INFO, weightVariance } from './schemes';
import { classifySignal } from './signal-state';
import type { SignalState } from './types';

/** One change that brings the choice to the reference, with the value to use. */
export type VerdictChange =
  | { field: 'scheme'; to: Scheme; gain: number | null }
  | { field: 'gain'; from: number; to: number }
  | { field: 'fanMode'; from: FanMode; to: FanMode }
  | { field: 'residual'; from: Residual; to: Residual }
  /** No initialization keeps this activation's signal at this depth. */
  | { field: 'activation' }
  /** Theory keeps the signal but the measured finite-width network does not. */
  | { field: 'width' };

export interface Prediction {
  /** Mean-field last-layer post-activation std / input std. */
  forwardRatio: number;
  /** Mean-field gradient RMS at layer 1 / at the last layer. */
  gradientRatio: number;
  forwardState: SignalState;
  gradientState: SignalState;
}

export interface Verdict {
  verdict: 'match' | 'mismatch';
  /** Why it differs: empty for a match. */
  changes: VerdictChange[];
  /** Mean-field prediction for the config as chosen. */
  predicted: Prediction;
  /** Mean-field prediction for the reference (the recommended setup of this network). */
  reference: Prediction;
  /** The reference config (what "apply the recommendation" would run). */
  referenceConfig: SimConfig;
}

/** Predicted ratios within this factor of the reference's count as the same outcome. */
export const VERDICT_TOLERANCE = Math.SQRT2;

export function predict(config: SimConfig, theory: MeanFieldLayer[] = meanField(config)): Prediction {
  const last = theory[theory.length - 1];
  const forwardRatio = last.postStd / config.inputStd;
  const gradientRatio = theory[0].gradientNorm / last.gradientNorm;
  const finite = Number.isFinite(forwardRatio) && Number.isFinite(gradientRatio);
  return {
    forwardRatio,
    gradientRatio,
    forwardState: classifySignal(forwardRatio, !finite),
    gradientState: classifySignal(gradientRatio, !finite),
  };
}

/** The recommended setup of this network: recommended scheme and gain, scaled residual branch. */
export function referenceConfig(config: SimConfig, rec: Recommendation): SimConfig {
  return {
    ...config,
    scheme: rec.scheme,
    gain: rec.gain,
    fanMode: 'auto',
    residual: config.residual === 'plain' && config.normalization === 'none' ? 'scaled' : config.residual,
  };
}

const LOG_TOLERANCE = log(VERDICT_TOLERANCE);
const far = (a: number, b: number) => !(Math.abs(log(a / b)) <= LOG_TOLERANCE);
const extreme = (s: SignalState) => s === 'vanishing' || s === 'exploding';

export interface VerdictInput {
  config: SimConfig;
  symmetryBroken: boolean;
  /** Measured signal state of the run. */
  signalState: SignalState;
  /** meanField(config), when the caller has it already. */
  theory?: MeanFieldLayer[];
}

export function judgeChoice({ config, symmetryBroken, signalState, theory }: VerdictInput): Verdict {
  const rec = recommendScheme(config.activation, config.layers, config.activationParam);
  const refConfig = referenceConfig(config, rec);
  const predicted = predict(config, theory);
  const reference = predict(refConfig);
  const changes: VerdictChange[] = [];
  const info = SCHEME_INFO[config.scheme];
  const recInfo = SCHEME_INFO[rec.scheme];
  const schemeChange: VerdictChange = { field: 'scheme', to: rec.scheme, gain: Math.abs(rec.gain - recInfo.defaultGain) < 1e-9 ? null : rec.gain };

  if (!symmetryBroken || weightVariance(config, config.width, config.widths?.[0] ?? config.width) === 0) {
    changes.push(schemeChange);
  } else if (extreme(reference.forwardState) || extreme(reference.gradientState)) {
    changes.push({ field: 'activation' });
  } else {
    if (refConfig.residual !== config.residual) changes.push({ field: 'residual', from: config.residual, to: refConfig.residual });
    if (far(predicted.forwardRatio, reference.forwardRatio) || far(predicted.gradientRatio, reference.gradientRatio)) {
      // Same family (e.g. He normal vs He uniform): the gain is the knob; otherwise the scheme.
      const tunable = info.family === recInfo.family && info.defaultFanMode !== null;
      if (tunable) {
        const gain = resolveGain(config);
        if (Math.abs(gain - rec.gain) > 1e-9 * rec.gain) changes.push({ field: 'gain', from: gain, to: rec.gain });
        if (resolveFanMode(config) !== resolveFanMode(refConfig)) changes.push({ field: 'fanMode', from: config.fanMode, to: 'auto' });
      } else {
        changes.push(schemeChange);
        if (config.fanMode !== 'auto' && recInfo.defaultFanMode !== null) changes.push({ field: 'fanMode', from: config.fanMode, to: 'auto' });
      }
      // Only the residual differed in a way the mean field sees: nothing else to add.
      if (changes.length === 0) changes.push(schemeChange);
    }
    if (changes.length === 0 && extreme(signalState) && !extreme(reference.forwardState)) changes.push({ field: 'width' });
  }
  return { verdict: changes.length === 0 ? 'match' : 'mismatch', changes, predicted, reference, referenceConfig: refConfig };
}
