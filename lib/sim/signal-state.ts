/**
 * The signal-state scale: r = (last layer's post-activation std) / (input std), read as a factor.
 *   stable     1/2 <= r <= 2      the signal keeps its scale (within a factor of 2)
 *   fading     1/10 <= r < 1/2    growing   2 < r <= 10
 *   vanishing  r < 1/10 (or 0)    exploding r > 10, or any statistic overflowed
 * A factor of 2 is what a learner reads as "the same size"; beyond a factor of 10 a plain network
 * stops training well. Runs stored before this scale (engine 1.1.0 and older) said "stable" for
 * anything between 0.1 and 10; readSignalState re-reads them from their stored ratio.
 */
import { exp, log } from './exact-math';
import type { SignalState } from './types';

export const SIGNAL_STATES = ['vanishing', 'fading', 'stable', 'growing', 'exploding'] as const;

export const SIGNAL_THRESHOLDS = {
  /** Stable when max(r, 1/r) <= stableWithin. */
  stableWithin: 2,
  vanishingBelow: 0.1,
  explodingAbove: 10,
} as const;

/**
 * Signal state from the end-to-end ratio. An overflow anywhere (forward or backward) is exploding;
 * an underflow to exactly 0 is vanishing; a null ratio (overflowed output) is exploding.
 */
export function classifySignal(ratio: number | null, anyOverflow: boolean, underflow = false): SignalState {
  if (anyOverflow || ratio === null || !Number.isFinite(ratio) || ratio > SIGNAL_THRESHOLDS.explodingAbove) return 'exploding';
  if (underflow || !(ratio >= SIGNAL_THRESHOLDS.vanishingBelow)) return 'vanishing';
  if (ratio < 1 / SIGNAL_THRESHOLDS.stableWithin) return 'fading';
  if (ratio > SIGNAL_THRESHOLDS.stableWithin) return 'growing';
  return 'stable';
}

/** Average factor per layer: r^(1/L) (NaN when r is not finite). */
export function perLayerFactor(ratio: number, layers: number): number {
  if (!Number.isFinite(ratio) || ratio < 0) return Number.NaN;
  return ratio === 0 ? 0 : exp(log(ratio) / Math.max(1, layers));
}

/**
 * A stored state as today's scale reads it: recomputed from the stored ratio when there is one
 * (old runs said "stable" for 0.1 to 10), else the stored word when it is a known state.
 */
export function readSignalState(stored: {
  signalState: string;
  ratio: number | null;
  overflowLayer?: number | null;
  gradientOverflowLayer?: number | null;
  underflowLayer?: number | null;
}): SignalState {
  if (stored.overflowLayer != null || stored.gradientOverflowLayer != null) return 'exploding';
  if (stored.underflowLayer != null) return 'vanishing';
  if (stored.ratio !== null && Number.isFinite(stored.ratio)) return classifySignal(stored.ratio, false);
  return (SIGNAL_STATES as readonly string[]).includes(stored.signalState) ? (stored.signalState as SignalState) : 'exploding';
}
