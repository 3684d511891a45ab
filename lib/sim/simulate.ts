/**
 * simulate(): runs the Monte Carlo passes for the band's seeds, the mean-field prediction and
 * the summary, and assembles the SimResult. Synchronous and pure (no I/O), so the same call
 * serves the browser, a Web Worker, server-side grading and the command line.
 */
import { layerWidths, type SimConfig } from '../validation/sim-config';
import { meanField } from './mean-field';
import { choosePath } from './cost';
import { runSeed, Workspace, type EnginePath, type SeedPass } from './network';
import { summarize } from './summary';
import type { Band, LayerResult, ProgressFn, SimResult } from './types';
import { ENGINE_VERSION } from './version';

/** Re-exported: the cost model used to live here. */
export { choosePath, estimatePathCost, needsSharedWeights } from './cost';

export class SimulationCancelled extends Error {
  constructor() {
    super('Simulation cancelled');
    this.name = 'SimulationCancelled';
  }
}

export interface SimulateOptions {
  /** Seeds in the band: seed, seed + 1, ... (default 5; at least 1). */
  bandSeeds?: number;
  /** Called with the fraction done after every layer of every pass; return false to cancel. */
  onProgress?: ProgressFn;
  /** 'auto' (default) takes the covariance path when it is exact and cheaper. */
  path?: 'auto' | EnginePath;
  /**
   * Called once the first seed is done, with the result a one-seed run would return (the same
   * as `simulate(config, { bandSeeds: 1 })`, bit for bit), before the other seeds start: a big
   * run's early preview without computing its first seed twice.
   */
  onFirstSeed?: (preview: SimResult) => void;
}

/**
 * The last run's buffers, reused by the next run: interactive use reruns the same shapes over and
 * over (a slider drag), and allocating, zero-filling and collecting megabytes per run is wasted
 * time. Workspaces above SPARE_WORKSPACE_MAX_DOUBLES (32 MB) are dropped after their run, so a
 * big run does not keep its memory.
 */
let spareWorkspace: Workspace | null = null;
const SPARE_WORKSPACE_MAX_DOUBLES = 4 * 1024 * 1024;

/** Min and max over the seeds; null when any seed overflowed there (the spread is unbounded). */
function band(values: (number | null | undefined)[]): Band | null {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v === null || v === undefined || !Number.isFinite(v)) return null;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}

/** A mean-field value, or null where the prediction overflowed (JSON has no Infinity). */
const finiteOrNull = (x: number | undefined): number | null => (x !== undefined && Number.isFinite(x) ? x : null);

export function simulate(config: SimConfig, options: SimulateOptions = {}): SimResult {
  const bandSeeds = Math.max(1, Math.floor(options.bandSeeds ?? 5));
  const path = choosePath(config, options.path ?? 'auto');
  const L = layerWidths(config).length;
  const totalSteps = bandSeeds * 2 * L;
  let steps = 0;
  const onStep = options.onProgress
    ? () => {
        steps++;
        if (options.onProgress!(steps / totalSteps) === false) throw new SimulationCancelled();
      }
    : undefined;

  const passes: SeedPass[] = [];
  let theory: ReturnType<typeof meanField> | null = null;
  const workspace = spareWorkspace ?? new Workspace();
  spareWorkspace = null; // a re-entrant run (from onProgress) gets its own
  try {
    for (let k = 0; k < bandSeeds; k++) {
      passes.push(runSeed(config, config.seed + k, { path, histograms: k === 0, onStep, workspace }));
      if (k === 0 && options.onFirstSeed) options.onFirstSeed(assemble(config, path, passes, (theory = meanField(config))));
    }
  } finally {
    if (workspace.size() <= SPARE_WORKSPACE_MAX_DOUBLES) spareWorkspace = workspace;
  }
  return assemble(config, path, passes, theory ?? meanField(config));
}

/** The result of the passes of seeds config.seed, config.seed + 1, ... (the band is over all of them). */
function assemble(config: SimConfig, path: EnginePath, passes: readonly SeedPass[], theory: ReturnType<typeof meanField>): SimResult {
  const bandSeeds = passes.length;
  const main = passes[0];

  const { overflowLayer, gradientOverflowLayer, underflowLayer } = main;
  const layers: LayerResult[] = main.layers.map((lp, l) => {
    const mf = theory[l];
    return {
      layer: l + 1,
      width: lp.width,
      pre: lp.pre,
      post: lp.post,
      gradientNorm: lp.gradientNorm,
      theory: {
        preStd: finiteOrNull(mf.preStd),
        postRms: finiteOrNull(mf.postRms),
        gradientNorm: finiteOrNull(mf.gradientNorm),
        postStd: finiteOrNull(mf.postStd),
        postMean: finiteOrNull(mf.postMean),
      },
      histogram: lp.histogram ?? null,
      band: {
        preStd: band(passes.map((p) => p.layers[l].pre?.std)),
        postStd: band(passes.map((p) => p.layers[l].post?.std)),
        postRms: band(passes.map((p) => p.layers[l].post?.rms)),
        gradientNorm: band(passes.map((p) => p.layers[l].gradientNorm)),
      },
      unitsIdentical: lp.unitsIdentical,
    };
  });

  // Symmetry is judged on the layers that hold numbers: after an underflow every unit is 0 (and so
  // identical) without the init being symmetric.
  const judged = layers.slice(0, (underflowLayer ?? overflowLayer ?? layers.length + 1) - 1);
  const last = layers[layers.length - 1];
  const summary = summarize({
    config,
    finalStd: last.post?.std ?? null,
    overflowLayer,
    gradientOverflowLayer,
    underflowLayer,
    symmetryBroken: !judged.some((l) => l.unitsIdentical),
    theory,
  });
  summary.theoryFinalStd = finiteOrNull(theory[theory.length - 1].postStd);

  return {
    engineVersion: ENGINE_VERSION,
    config,
    path,
    bandSeeds,
    input: main.input,
    layers,
    summary,
    overflowLayer,
  };
}
