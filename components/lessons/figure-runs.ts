/**
 * The numbers a lesson's live figure draws, for one depth: each variant's signal curve, state and
 * final ratio. Shared by the lesson page on the server (the figure at its starting depth, built
 * with the page, so hydration runs no engine) and by the live figure in the browser (every other
 * depth, when the reader moves the slider). The same engine gives the same bits on both sides.
 */
import { signalCurve } from '@/components/charts/signal-sparkline';
import type { KeyFigure } from '@/lib/lessons/key-figures';
import { runLessonSim } from '@/lib/lessons/run';
import type { SignalState } from '@/lib/sim/types';

export interface FigureRun {
  label: string;
  /** Ratio to the input per layer, index 0 the input (see signalCurve). */
  curve: (number | null)[];
  state: SignalState;
  ratio: number | null;
}

export function figureRuns(figure: KeyFigure, layers: number): FigureRun[] {
  return figure.variants.map((v) => {
    const result = runLessonSim({ ...v.config, layers } as Parameters<typeof runLessonSim>[0]);
    return { label: v.label, curve: signalCurve(result), state: result.summary.signalState, ratio: result.summary.ratio };
  });
}
