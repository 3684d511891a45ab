/**
 * Words for a run's summary: the signal state, its thresholds, the match verdict and what to
 * change, written from the engine's numbers and codes for this run only (the engine writes no
 * sentences about them, so none can quote another network's number). Shared by the simulator's
 * results panel, stored runs (run-summary.ts), the command line and the lessons. Pure.
 */
import { ACTIVATION_INFO } from '../sim/activations';
import { SCHEME_INFO } from '../sim/schemes';
import type { SignalState, Summary, VerdictChange } from '../sim/types';
import type { SimConfig } from '../validation/sim-config';
import { formatNumber, formatStat } from '../format';

export interface SummaryWords {
  /** The state as a short label, e.g. "fading". */
  stateLabel: string;
  /** Two sentences on this run's state: the ratio, the per-layer factor, what it means. */
  stateText: string;
  /** The scale, stated once (the same for every run). */
  thresholdsText: string;
  /** e.g. "✓ Keeps the signal level" / "✗ Change the gain to 1.26". */
  verdictHeadline: string;
  /** The verdict explained for this config. */
  verdictText: string;
  /** One short instruction per change (empty for a match). */
  changes: string[];
}

export const STATE_LABEL: Record<SignalState, string> = {
  vanishing: 'vanishing',
  fading: 'fading',
  stable: 'stable',
  growing: 'growing',
  exploding: 'exploding',
};

const x = (v: number | null) => `${formatStat(v)}×`;

export function describeThresholds(t: Summary['thresholds']): string {
  return `The state compares the last layer\u2019s post-activation std with the input std: within a factor of ${formatNumber(t.stableWithin)} either way it is stable; down to ${formatNumber(t.vanishingBelow)}× it is fading and below that vanishing; up to ${formatNumber(t.explodingAbove)}× it is growing and above that (or overflowing) exploding.`;
}

/** What this run's state means, with its own numbers. */
export function describeState(
  s: Pick<Summary, 'ratio' | 'perLayerFactor' | 'signalState'> & Partial<Pick<Summary, 'overflowLayer' | 'gradientOverflowLayer' | 'underflowLayer'>>,
  layers: number,
  overflowLayer: number | null = s.overflowLayer ?? null,
): string {
  if (overflowLayer !== null || s.ratio === null || !Number.isFinite(s.ratio)) {
    return `The values overflowed${overflowLayer !== null ? ` at layer ${overflowLayer}` : ''}: the signal grew past what a 64-bit number can hold, so it is exploding.`;
  }
  if (s.gradientOverflowLayer != null) {
    return `The gradient overflowed at layer ${s.gradientOverflowLayer} on its way back (the forward signal ends at ${x(s.ratio)} the input’s), so the state is exploding.`;
  }
  if (s.underflowLayer != null) {
    return `The signal underflowed to exactly 0 at layer ${s.underflowLayer}, below the smallest 64-bit number: it has vanished.`;
  }
  const per =
    s.perLayerFactor !== null && Number.isFinite(s.perLayerFactor)
      ? ` On average each of the ${layers} layer${layers === 1 ? '' : 's'} multiplies it by ${formatNumber(s.perLayerFactor, 4)}.`
      : '';
  const ratio = x(s.ratio);
  switch (s.signalState) {
    case 'stable':
      return `The last layer\u2019s spread is ${ratio} the input\u2019s, within a factor of 2: the signal keeps its scale.${per}`;
    case 'fading':
      return `The last layer keeps ${formatNumber(s.ratio * 100)} % of the input\u2019s spread (${ratio}): the signal fades, and a deeper stack of the same kind would lose more.${per}`;
    case 'vanishing':
      return s.ratio === 0
        ? `Nothing of the signal reaches the last layer (${ratio}): it has vanished.${per}`
        : `Only ${ratio} of the input\u2019s spread reaches the last layer, less than a tenth: the signal vanishes.${per}`;
    case 'growing':
      return `The last layer\u2019s spread is ${ratio} the input\u2019s, more than twice: the signal grows with depth.${per}`;
    case 'exploding':
      return `The last layer\u2019s spread is ${ratio} the input\u2019s, more than ten times: the signal explodes.${per}`;
  }
}

const schemeLabel = (s: keyof typeof SCHEME_INFO) => SCHEME_INFO[s].label;

export function describeChange(c: VerdictChange, config: SimConfig): string {
  switch (c.field) {
    case 'scheme':
      return `Use ${schemeLabel(c.to)}${c.gain !== null ? ` with gain ${formatNumber(c.gain)}` : ''}.`;
    case 'gain':
      return `Set the gain to ${formatNumber(c.to)} (now ${formatNumber(c.from)}).`;
    case 'fanMode':
      return `Set the fan mode back to the scheme\u2019s own (${c.to === 'auto' ? 'auto' : c.to}).`;
    case 'residual':
      return `Scale the residual branch by 1/\u221aL instead of adding it at full size.`;
    case 'activation':
      return `Choose another activation: no initialization keeps ${ACTIVATION_INFO[config.activation].label} level over ${config.layers} layers.`;
    case 'width':
      return `Use wider layers: at width ${config.width} the measured signal drifts away from the theory\u2019s over ${config.layers} layers.`;
  }
}

export function describeVerdict(s: Summary, config: SimConfig): Pick<SummaryWords, 'verdictHeadline' | 'verdictText' | 'changes'> {
  const changes = s.changes.map((c) => describeChange(c, config));
  const act = ACTIVATION_INFO[config.activation].label;
  const ref = s.reference;
  const pred = s.predicted;
  const refLevel = `theory predicts ${x(ref.forwardRatio)} for the signal and ${x(ref.gradientRatio)} for the gradient at layer 1`;
  if (s.verdict === 'match') {
    const caveat =
      s.signalState === 'stable'
        ? ''
        : ` Even so the signal is ${s.signalState} here: this is as level as ${act} over ${config.layers} layers gets with this architecture.`;
    return {
      verdictHeadline: '✓ Keeps the signal as level as this network allows',
      verdictText: `${schemeLabel(config.scheme)} (${s.formula}) with this ${act} network matches the recommended setup: ${refLevel}.${caveat}`,
      changes,
    };
  }
  const first = s.changes[0];
  let why: string;
  if (!s.symmetryBroken || first.field === 'scheme' && s.weightVariance === 0) {
    why = `${schemeLabel(config.scheme)} leaves every unit of a layer computing the same value, so all units get the same gradient and stay identical: the network behaves like one unit per layer.`;
  } else if (first.field === 'activation') {
    why = `Even the recommended setup cannot hold ${act} over ${config.layers} layers: ${refLevel}.`;
  } else if (first.field === 'width') {
    why = `The settings match what theory recommends (${refLevel}), but this finite-width run measured ${x(s.ratio)}.`;
  } else {
    why = `With these settings theory predicts ${x(pred.forwardRatio)} for the signal and ${x(pred.gradientRatio)} for the gradient at layer 1; the recommended setup of this network gives ${x(ref.forwardRatio)} and ${x(ref.gradientRatio)}.`;
  }
  return {
    verdictHeadline: `✗ ${changes[0] ?? 'Differs from the recommendation'}`,
    verdictText: `${why} ${changes.join(' ')}${numericLimits(s)}`.trim(),
    changes,
  };
}

/** Overflow and underflow, stated beside the verdict so it never reads as if the numbers were fine. */
function numericLimits(s: Summary): string {
  if (s.overflowLayer != null) return ` The signal overflowed the range of 64-bit numbers at layer ${s.overflowLayer}; later layers have no values.`;
  if (s.gradientOverflowLayer != null) return ` The gradient overflowed the range of 64-bit numbers at layer ${s.gradientOverflowLayer} on its way back.`;
  if (s.underflowLayer != null) return ` The signal underflowed to exactly 0 at layer ${s.underflowLayer}: smaller than the smallest 64-bit number.`;
  return '';
}

export function describeSummary(s: Summary, config: SimConfig, overflowLayer: number | null = s.overflowLayer ?? null): SummaryWords {
  return {
    stateLabel: STATE_LABEL[s.signalState],
    stateText: describeState(s, config.widths?.length ?? config.layers, overflowLayer),
    thresholdsText: describeThresholds(s.thresholds),
    ...describeVerdict(s, config),
  };
}
