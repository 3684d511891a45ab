/**
 * Turns a training comparison's numbers into plain sentences (the engine returns numbers; words
 * are the presenter's job). Every number quoted here comes from the runs passed in.
 */
import { SCHEME_INFO } from '@/lib/sim/schemes';
import { formatNumber } from '@/lib/format';
import type { TrainRun } from '@/lib/train';
import type { TrainSpec } from '@/lib/validation/train-config';

export const schemeLabel = (s: TrainRun['scheme']) => SCHEME_INFO[s].label;

export function formatPercent(fraction: number): string {
  return `${formatNumber(100 * fraction, 3)} %`;
}

/** "NaN at step 3 (layer 2 overflowed first)" for a diverged run; null otherwise. */
export function describeDivergence(run: TrainRun, hiddenLayers: number): string | null {
  const d = run.divergence;
  if (!d) return null;
  const where = d.layer === null ? '' : d.layer > hiddenLayers ? ' (the output layer overflowed)' : ` (layer ${d.layer} overflowed first)`;
  return `NaN at step ${d.step}${where}`;
}

/** Whether a finished run is no better than guessing: loss near ln K and accuracy near 1/K. */
export function learnedNothing(run: TrainRun, classes: number): boolean {
  if (!run.final) return false;
  const chance = Math.log(classes);
  return run.final.trainLoss > 0.95 * chance && run.final.trainAccuracy < 1 / classes + 0.1;
}

export function describeRun(run: TrainRun, spec: TrainSpec, classes: number, hiddenLayers: number): string {
  const name = schemeLabel(run.scheme);
  const diverged = describeDivergence(run, hiddenLayers);
  if (diverged) return `With ${name} the numbers overflowed: ${diverged}, so training stopped there.`;
  const f = run.final!;
  const steps = spec.steps;
  const first = run.loss[0];
  let text: string;
  if (learnedNothing(run, classes)) {
    text = `With ${name} the training loss is still ${formatNumber(f.trainLoss)} after ${steps} steps, the loss of guessing (ln ${classes} = ${formatNumber(Math.log(classes))}): it has not learned.`;
  } else {
    text = `With ${name} the training loss went from ${formatNumber(first)} at step 1 to ${formatNumber(f.trainLoss)} after ${steps} steps; it classifies ${formatPercent(f.trainAccuracy)} of the training set and ${formatPercent(f.testAccuracy)} of the held-out set.`;
  }
  const g = run.gradientNorms.first;
  if (g.length > 1 && g[g.length - 1] > 0 && Number.isFinite(g[0] / g[g.length - 1])) {
    text += ` At step 1 the first layer's weight gradient was ${formatNumber(g[0] / g[g.length - 1])} times the output layer's.`;
  }
  if (!run.symmetryBroken) text += ' Every unit of a hidden layer still has the same weights as its neighbours: the symmetry was never broken.';
  return text;
}

/** One sentence per run plus, with two or more finished runs, which ended lowest. */
export function describeComparison(runs: TrainRun[], spec: TrainSpec, classes: number, hiddenLayers: number): string[] {
  const lines = runs.map((r) => describeRun(r, spec, classes, hiddenLayers));
  const finished = runs.filter((r) => r.final);
  if (finished.length >= 2) {
    const best = finished.reduce((a, b) => (b.final!.trainLoss < a.final!.trainLoss ? b : a));
    const worst = finished.reduce((a, b) => (b.final!.trainLoss > a.final!.trainLoss ? b : a));
    if (best !== worst) {
      lines.push(
        `Same network, data, batches and seed: only the initialization differs, and it leaves ${schemeLabel(best.scheme)} at a loss of ${formatNumber(best.final!.trainLoss)} and ${schemeLabel(worst.scheme)} at ${formatNumber(worst.final!.trainLoss)}.`,
      );
    }
  }
  return lines;
}
