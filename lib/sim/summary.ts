/**
 * The run's summary, as numbers and codes: the signal state on the scale of signal-state.ts with
 * the average per-layer factor, the symmetry check, the recommended scheme for the activation and
 * depth, the match verdict with the changes it asks for (verdict.ts), and where the signal
 * overflowed or underflowed. The words a page or the command line shows are written from these by
 * lib/present/summary-words.ts, so no sentence here can quote a number from a different network.
 */
import type { SimConfig } from '../validation/sim-config';
import type { MeanFieldLayer } from './mean-field';
import { recommendScheme } from './recommend';
import { describeFormula, weightVariance } from './schemes';
import { classifySignal, perLayerFactor, SIGNAL_THRESHOLDS } from './signal-state';
import type { Summary } from './types';
import { judgeChoice } from './verdict';
import { layerWidths } from '../validation/sim-config';

export { classifySignal, perLayerFactor, readSignalState, SIGNAL_STATES, SIGNAL_THRESHOLDS } from './signal-state';

export interface SummaryInput {
  config: SimConfig;
  /** Null when the forward pass overflowed. */
  finalStd: number | null;
  overflowLayer: number | null;
  gradientOverflowLayer: number | null;
  underflowLayer: number | null;
  symmetryBroken: boolean;
  /** meanField(config), when the caller computed it already. */
  theory?: MeanFieldLayer[];
}

export function summarize({ config, finalStd, overflowLayer, gradientOverflowLayer, underflowLayer, symmetryBroken, theory }: SummaryInput): Summary {
  const widths = layerWidths(config);
  const variance = weightVariance(config, config.width, widths[0]);
  const ratio = finalStd === null ? null : finalStd / config.inputStd;
  const overflow = overflowLayer !== null || gradientOverflowLayer !== null;
  const signalState = classifySignal(ratio, overflow, underflowLayer !== null);
  const rec = recommendScheme(config.activation, config.layers, config.activationParam);
  const judged = judgeChoice({ config, symmetryBroken, signalState, theory });

  return {
    scheme: config.scheme,
    formula: describeFormula(config),
    weightVariance: variance,
    inputStd: config.inputStd,
    finalStd,
    ratio,
    perLayerFactor: overflow || ratio === null ? null : perLayerFactor(ratio, widths.length),
    signalState,
    thresholds: { ...SIGNAL_THRESHOLDS },
    symmetryBroken,
    recommendedScheme: rec.scheme,
    recommendedGain: rec.gain,
    recommendation: rec.text,
    verdict: judged.verdict,
    changes: judged.changes,
    predicted: judged.predicted,
    reference: judged.reference,
    overflowLayer,
    gradientOverflowLayer,
    underflowLayer,
  };
}
