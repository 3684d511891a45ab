/**
 * The part of a stored run that lists, comparisons, share pages and preview images draw: the
 * per-layer curve of the post-activation std (index 0 is the input) and the summary's numbers and
 * codes. Pure and serializable, so server pages can hand it to client charts; the words around
 * the numbers are chosen by the components, not stored here.
 */
import { readSignalState } from '../sim/signal-state';
import type { SignalState } from '../sim/types';
import type { Scheme, SimConfig } from '../validation/sim-config';

/** What this module reads from an engine result (a SimResult or a stored run's result). */
type Num = number | null;
export interface ResultLike {
  input: { std: Num };
  /** `post` is null from the layer where the forward pass overflowed on (engine 1.2). */
  layers: readonly { post: { std: Num } | null; theory?: { postStd?: Num } }[];
  summary: {
    inputStd: number;
    finalStd: Num;
    ratio: Num;
    signalState: SignalState;
    recommendedScheme: Scheme;
    verdict: 'match' | 'mismatch';
  };
}

export interface RunSummaryView {
  inputStd: number;
  /** null when the engine's value was not finite (an overflowing network). */
  finalStd: number | null;
  ratio: number | null;
  signalState: SignalState;
  recommendedScheme: Scheme;
  verdict: 'match' | 'mismatch';
}

export interface RunView {
  /** Stable key of the item in a comparison ("experiment:<id>"). */
  key: string;
  title: string;
  /** Who or what the item is, when the title alone is not enough (a student's name). */
  subtitle: string | null;
  config: SimConfig;
  engineVersion: string;
  /** ISO time the run was computed. */
  computedAt: string;
  /** Post-activation std per layer; [0] is the input. null where the engine gave no finite value. */
  curve: (number | null)[];
  /** Mean-field prediction of the same, where the engine gave one. */
  theory: (number | null)[];
  summary: RunSummaryView;
}

const finite = (v: number | undefined | null): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function curveOf(result: ResultLike): (number | null)[] {
  return [finite(result.input.std), ...result.layers.map((l) => finite(l.post?.std))];
}

export function theoryOf(result: ResultLike): (number | null)[] {
  return [finite(result.summary.inputStd), ...result.layers.map((l) => finite(l.theory?.postStd))];
}

export function summaryOf(result: ResultLike): RunSummaryView {
  const s = result.summary;
  return {
    inputStd: s.inputStd,
    finalStd: finite(s.finalStd),
    ratio: finite(s.ratio),
    // Stored runs may carry the old three-state word; read it on today's scale.
    signalState: readSignalState({ signalState: s.signalState, ratio: finite(s.ratio), overflowLayer: finite(s.finalStd) === null ? 1 : null }),
    recommendedScheme: s.recommendedScheme,
    verdict: s.verdict,
  };
}

export function runView(opts: {
  key: string;
  title: string;
  subtitle?: string | null;
  config: SimConfig;
  engineVersion: string;
  computedAt: Date;
  result: ResultLike;
}): RunView {
  return {
    key: opts.key,
    title: opts.title,
    subtitle: opts.subtitle ?? null,
    config: opts.config,
    engineVersion: opts.engineVersion,
    computedAt: opts.computedAt.toISOString(),
    curve: curveOf(opts.result),
    theory: theoryOf(opts.result),
    summary: summaryOf(opts.result),
  };
}
