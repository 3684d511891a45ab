/**
 * simulate(): runs the Monte Carlo passes for the band's seeds, the mean-field prediction and
 * the summary, and assembles the SimResult. Synchronous and pure (no I/O), so the same call
 * serves the browser, a Web Worker, server-side grading and the command line.
 */
import { layerWidths, type SimConfig } from '../validation/sim-config';
import { meanField } from './mean-field';
import { isFrameLayer, runSeed, skipScale, Workspace, type EnginePath, type SeedPass } from './network';
import { isGaussianScheme, SCHEME_INFO } from './schemes';
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

/**
 * Estimated work (multiply-add equivalents) of one pass on each path. Covariance, per direction:
 * Gram matrix (rows B^2 / 2), Cholesky (B^3 / 6), then for Gaussian schemes outRows B^2 / 2 plus
 * outRows B normals; for square orthogonal layers with B <= n the random frame (network.ts
 * sampleFrame): with 2B <= n n B normals, a second Gram matrix and Cholesky, a triangular solve
 * and product (n B^2 + B^3 / 3), else B reflectors (2 n B^2 - B^3, n B - B^2 / 2 normals).
 * Other orthogonal layers cost the same on both paths.
 */
export function estimatePathCost(config: SimConfig): { materialized: number; covariance: number } {
  const widths = layerWidths(config);
  // Networks whose backward pass needs the forward weights run materialized on either request
  // (see needsSharedWeights), so the covariance path costs what the materialized one does.
  const shared = needsSharedWeights(config);
  const B = config.samples;
  const orthogonal = SCHEME_INFO[config.scheme].distribution === 'orthogonal';
  let mat = 0;
  let cov = 0;
  let fanIn = config.width;
  widths.forEach((out, l) => {
    const directions = l > 0 ? 2 : 1;
    const matLayer = fanIn * out * B * directions + fanIn * out * NORMAL_COST;
    mat += matLayer;
    const factor = (rows: number) => (rows * B * B) / 2 + (B * B * B) / 6;
    if (!orthogonal) {
      cov += factor(fanIn) + (out * B * B) / 2 + out * B * NORMAL_COST;
      if (directions === 2) cov += factor(out) + (fanIn * B * B) / 2 + fanIn * B * NORMAL_COST;
    } else if (isFrameLayer(config, fanIn, out, B)) {
      const frame = 2 * B <= fanIn ? factor(fanIn) + fanIn * B * B / 2 + (B * B * B) / 6 + fanIn * B * NORMAL_COST : 2 * fanIn * B * B - B * B * B + (fanIn * B - (B * B) / 2) * NORMAL_COST;
      cov += directions * (factor(fanIn) + frame);
    } else {
      cov += matLayer;
    }
    fanIn = out;
  });
  return { materialized: mat, covariance: shared ? mat : cov };
}

/**
 * Whether the backward pass must reuse the forward pass's own weights: networks with a skip
 * connection or a normalization. There the covariance path's fresh backward weights (the
 * gradient-independence assumption) are measurably wrong, not an O(1/width) detail: a 50-layer
 * plain-residual He/ReLU network's layer-1 gradient came out about 900 times too small (the
 * skip term and the branch's W^T phi'(W a) are correlated through the forward weights), and
 * BatchNorm networks 1.3 to 3 times too large. Both agree with numpy on shared weights.
 */
export function needsSharedWeights(config: SimConfig): boolean {
  if (config.normalization !== 'none') return true;
  if (config.residual === 'none') return false;
  const widths = layerWidths(config);
  return widths.some((out, l) => skipScale(config, l === 0 ? config.width : widths[l - 1], out) !== 0);
}

/**
 * The path a run takes: covariance only where it is exact in distribution (i.i.d. Gaussian
 * schemes; orthogonal schemes with at least one square layer of width >= B), where the backward
 * pass may use fresh weights (plain networks: not needsSharedWeights) and, on 'auto', cheaper.
 * A request for the covariance path that cannot be honoured runs materialized; the result's
 * `path` says which ran.
 */
export function choosePath(config: SimConfig, requested: 'auto' | EnginePath = 'auto'): EnginePath {
  if (!isGaussianScheme(config.scheme) && !hasFrameLayer(config)) return 'materialized';
  if (needsSharedWeights(config)) return 'materialized';
  if (requested !== 'auto') return requested;
  const cost = estimatePathCost(config);
  return cost.covariance < cost.materialized ? 'covariance' : 'materialized';
}

function hasFrameLayer(config: SimConfig): boolean {
  const widths = layerWidths(config);
  return widths.some((out, l) => isFrameLayer(config, l === 0 ? config.width : widths[l - 1], out, config.samples));
}

/**
 * The last run's buffers, reused by the next run: interactive use reruns the same shapes over and
 * over (a slider drag), and allocating, zero-filling and collecting megabytes per run is wasted
 * time. Workspaces above SPARE_WORKSPACE_MAX_DOUBLES (32 MB) are dropped after their run, so a
 * big run does not keep its memory.
 */
let spareWorkspace: Workspace | null = null;
const SPARE_WORKSPACE_MAX_DOUBLES = 4 * 1024 * 1024;

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
  const workspace = spareWorkspace ?? new Workspace();
  spareWorkspace = null; // a re-entrant run (from onProgress) gets its own
  try {
    for (let k = 0; k < bandSeeds; k++) {
      passes.push(runSeed(config, config.seed + k, { path, histograms: k === 0, onStep, workspace }));
    }
  } finally {
    if (workspace.size() <= SPARE_WORKSPACE_MAX_DOUBLES) spareWorkspace = workspace;
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
    theory,
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
