/**
 * simulate(): runs the Monte Carlo passes for the band's seeds, the mean-field prediction and
 * the summary, and assembles the SimResult. Synchronous and pure (no I/O), so the same call
 * serves the browser, a Web Worker, server-side grading and the command line.
 */
import { layerWidths, type SimConfig } from '../validation/sim-config';
import { meanField } from './mean-field';
import { runSeed, type EnginePath, type SeedPass } from './network';
import { isGaussianScheme } from './schemes';
import { summarize } from './summary';
import type { Band, LayerResult, ProgressFn, SimResult } from './types';
import { ENGINE_VERSION } from './version';

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
}

/** Cost of one normal draw in multiply-add equivalents (measured on V8). */
const NORMAL_COST = 12;

/** Estimated work (multiply-add equivalents) of one pass on each path. */
export function estimatePathCost(config: SimConfig): { materialized: number; covariance: number } {
  const widths = layerWidths(config);
  const B = config.samples;
  let mat = 0;
  let cov = 0;
  let fanIn = config.width;
  widths.forEach((out, l) => {
    const backward = l > 0 ? 1 : 0;
    mat += fanIn * out * B * (1 + backward) + fanIn * out * NORMAL_COST;
    cov += (fanIn + out) * (B * B) / 2 + (B * B * B) / 6 + out * B * NORMAL_COST;
    if (backward) cov += (fanIn + out) * (B * B) / 2 + (B * B * B) / 6 + fanIn * B * NORMAL_COST;
    fanIn = out;
  });
  return { materialized: mat, covariance: cov };
}

/** The path a run takes: covariance only for i.i.d. Gaussian schemes (exact there). */
export function choosePath(config: SimConfig, requested: 'auto' | EnginePath = 'auto'): EnginePath {
  if (!isGaussianScheme(config.scheme)) return 'materialized';
  if (requested !== 'auto') return requested;
  const cost = estimatePathCost(config);
  return cost.covariance < cost.materialized ? 'covariance' : 'materialized';
}

function band(values: number[]): Band {
  let min = values[0];
  let max = values[0];
  for (const v of values) {
    if (v < min || Number.isNaN(v)) min = v;
    if (v > max || Number.isNaN(v)) max = v;
  }
  return { min, max };
}

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
  for (let k = 0; k < bandSeeds; k++) {
    passes.push(runSeed(config, config.seed + k, { path, histograms: k === 0, onStep }));
  }
  const main = passes[0];
  const theory = meanField(config);

  let overflowLayer: number | null = null;
  const layers: LayerResult[] = main.layers.map((lp, l) => {
    const finite = [lp.pre.std, lp.post.std, lp.post.rms, lp.gradientNorm].every(Number.isFinite);
    if (!finite && overflowLayer === null) overflowLayer = l + 1;
    const mf = theory[l];
    return {
      layer: l + 1,
      width: lp.width,
      pre: lp.pre,
      post: lp.post,
      gradientNorm: lp.gradientNorm,
      theory: { preStd: mf.preStd, postRms: mf.postRms, gradientNorm: mf.gradientNorm, postStd: mf.postStd, postMean: mf.postMean },
      histogram: lp.histogram!,
      band: {
        preStd: band(passes.map((p) => p.layers[l].pre.std)),
        postStd: band(passes.map((p) => p.layers[l].post.std)),
        postRms: band(passes.map((p) => p.layers[l].post.rms)),
        gradientNorm: band(passes.map((p) => p.layers[l].gradientNorm)),
      },
      unitsIdentical: lp.unitsIdentical,
    };
  });

  const last = layers[layers.length - 1];
  const summary = summarize({
    config,
    finalStd: last.post.std,
    anyNonFinite: overflowLayer !== null,
    symmetryBroken: !layers.some((l) => l.unitsIdentical),
  });
  summary.theoryFinalStd = theory[theory.length - 1].postStd;

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
