/**
 * Trains the network of a TrainSpec once per initialization scheme, on the same data, in the same
 * minibatch order, from the same seed: only the initialization differs between the runs.
 *
 * - Minibatches: each epoch is a seeded permutation of the training split (stream
 *   TRAIN_STREAM.order, round = epoch); batches are consecutive slices, an incomplete last slice
 *   is skipped (every step sees exactly batchSize examples).
 * - Optimizers, as PyTorch defines them: SGD with momentum 0.9 (v = 0.9 v + g, p -= lr v) and
 *   Adam (beta1 0.9, beta2 0.999, eps 1e-8, bias-corrected; beta^t by repeated multiplication).
 *   No weight decay, a constant learning rate.
 * - Recorded: every step's minibatch loss and accuracy (before that step's update), the held-out
 *   loss and accuracy at about EVAL_POINTS evenly spaced steps, each layer's weight-gradient norm
 *   at step 1 and at the last step, and the final loss and accuracy on the whole training split
 *   and the held-out split. BatchNorm evaluates a split with that split's own statistics.
 * - Divergence: when a step's loss is not finite, the run stops there and reports the step and the
 *   first layer whose activations overflowed (L + 1 means the logits), never a broken curve.
 */
import { ENGINE_VERSION } from '../sim/version';
import type { Scheme } from '../validation/sim-config';
import type { TrainSpec } from '../validation/train-config';
import { loadDataset, permutation, TRAIN_STREAM, type Dataset } from './datasets';
import { Arena, arenaSize } from './linalg';
import {
  backward,
  Buffers,
  buildModel,
  crossEntropy,
  evaluate,
  firstNonFiniteLayer,
  forward,
  gatherBatch,
  initParams,
  weightGradientNorms,
  type Model,
} from './model';

/** Version of the training engine's numbers; bump when a seed's numbers change. */
export const TRAIN_ENGINE_VERSION = `${ENGINE_VERSION}+train.1`;

/** About this many held-out evaluations per run (plus the last step). */
export const EVAL_POINTS = 20;
export const MOMENTUM = 0.9;
export const ADAM = { beta1: 0.9, beta2: 0.999, eps: 1e-8 } as const;

export class TrainingCancelled extends Error {
  constructor() {
    super('Training was cancelled');
    this.name = 'TrainingCancelled';
  }
}

export interface Divergence {
  /** 1-based step whose loss was not finite. */
  step: number;
  /** First hidden layer (1-based) with a non-finite activation; L + 1 = the output layer; null if none was found. */
  layer: number | null;
}

export interface TrainRun {
  scheme: Scheme;
  /** Minibatch loss at each step (before its update); shorter than `steps` when the run diverged. */
  loss: number[];
  /** Minibatch accuracy (0..1) at each step. */
  accuracy: number[];
  /** Held-out evaluations: step numbers and the loss and accuracy after that step's update. */
  evaluations: { step: number[]; loss: number[]; accuracy: number[] };
  /** Weight-gradient norm of each layer (hidden layers, then the output layer) at step 1 and at `laterStep`. */
  gradientNorms: { first: number[]; later: number[] | null; laterStep: number | null };
  /** After the last step: whole training split and held-out split (null when the run diverged). */
  final: { trainLoss: number; trainAccuracy: number; testLoss: number; testAccuracy: number } | null;
  divergence: Divergence | null;
  /** True when, at the end, every hidden layer still has two units with different weights (a zero init never gets there). */
  symmetryBroken: boolean;
}

export interface TrainResult {
  engineVersion: string;
  spec: TrainSpec;
  dataset: { name: Dataset['name']; inputs: number; classes: number; trainSize: number; testSize: number };
  /** Hidden layers + 1 (the output layer), for labelling gradient norms. */
  layerCount: number;
  runs: TrainRun[];
}

export interface TrainOptions {
  /** Called with the fraction done (0..1) of this call's work; return false to cancel. */
  onProgress?: (fraction: number) => boolean | void;
}

/** Evaluation steps of a run of `steps` steps. */
export function evaluationSteps(steps: number): number[] {
  const every = Math.max(1, Math.round(steps / EVAL_POINTS));
  const out: number[] = [];
  for (let s = every; s < steps; s += every) out.push(s);
  out.push(steps);
  return out;
}

/** Whether every hidden layer has at least two units whose incoming weights differ. */
function unitsDiffer(model: Model, params: Float64Array): boolean {
  for (let l = 0; l < model.L; l++) {
    const fanIn = model.dims[l];
    const out = model.dims[l + 1];
    if (out < 2) continue;
    const w = model.wOff[l];
    let differ = false;
    for (let i = 1; i < out && !differ; i++) {
      for (let p = 0; p < fanIn; p++) {
        if (params[w + i * fanIn + p] !== params[w + p]) {
          differ = true;
          break;
        }
      }
      if (params[model.bOff[l] + i] !== params[model.bOff[l]]) differ = true;
    }
    if (!differ) return false;
  }
  return true;
}

/** Trains one initialization (schemes[index] of the spec). */
export function trainScheme(spec: TrainSpec, index: number, options: TrainOptions = {}): TrainRun {
  const scheme = spec.schemes[index];
  const data = loadDataset(spec.dataset);
  const model = buildModel(spec.network, scheme, data.inputs, data.classes);
  const B = spec.batchSize;
  const evalB = Math.max(data.train.n, data.test.n);
  const adam = spec.optimizer === 'adam';
  const arena = new Arena(
    arenaSize([model.size, model.size, model.size, adam ? model.size : 0, ...Buffers.lengths(model, B, false), ...Buffers.lengths(model, evalB, true)]),
  );
  const params = initParams(model, arena.take(model.size));
  const grads = arena.take(model.size);
  const state1 = arena.take(model.size);
  const state2 = adam ? arena.take(model.size) : null;
  const bufs = new Buffers(model, B, false, arena);
  const dLogits = bufs.dLogits;
  const evalBufs = new Buffers(model, evalB, true, arena);
  const evalAt = new Set(evaluationSteps(spec.steps));
  const lr = spec.learningRate;

  const run: TrainRun = {
    scheme,
    loss: [],
    accuracy: [],
    evaluations: { step: [], loss: [], accuracy: [] },
    gradientNorms: { first: [], later: null, laterStep: null },
    final: null,
    divergence: null,
    symmetryBroken: false,
  };

  const perEpoch = Math.floor(data.train.n / B);
  let epoch = -1;
  let order: Int32Array = new Int32Array(0);
  let b1t = 1;
  let b2t = 1;
  for (let step = 1; step <= spec.steps; step++) {
    const slot = (step - 1) % perEpoch;
    if (slot === 0) order = permutation(data.train.n, spec.network.seed, TRAIN_STREAM.order, ++epoch);
    const idx = order.subarray(slot * B, slot * B + B);
    gatherBatch(data.train.x, data.inputs, idx, B, bufs.acts[0]);
    forward(model, params, bufs, B);
    const { loss, correct } = crossEntropy(model, bufs, data.train.y, idx, B, dLogits);
    if (!Number.isFinite(loss)) {
      run.divergence = { step, layer: firstNonFiniteLayer(model, bufs, B) };
      break;
    }
    run.loss.push(loss);
    run.accuracy.push(correct / B);
    backward(model, params, bufs, B, dLogits, grads);
    if (step === 1) run.gradientNorms.first = weightGradientNorms(model, grads);
    if (step === spec.steps && step > 1) {
      run.gradientNorms.later = weightGradientNorms(model, grads);
      run.gradientNorms.laterStep = step;
    }

    const n = model.size;
    if (state2) {
      b1t *= ADAM.beta1;
      b2t *= ADAM.beta2;
      const c1 = 1 / (1 - b1t);
      const c2 = 1 / (1 - b2t);
      const { beta1, beta2, eps } = ADAM;
      for (let i = 0; i < n; i++) {
        const g = grads[i];
        const m = beta1 * state1[i] + (1 - beta1) * g;
        const v = beta2 * state2[i] + (1 - beta2) * g * g;
        state1[i] = m;
        state2[i] = v;
        params[i] -= (lr * (m * c1)) / (Math.sqrt(v * c2) + eps);
      }
    } else {
      for (let i = 0; i < n; i++) {
        const v = MOMENTUM * state1[i] + grads[i];
        state1[i] = v;
        params[i] -= lr * v;
      }
    }

    if (evalAt.has(step)) {
      const e = evaluate(model, params, data.test.x, data.test.y, data.test.n, evalBufs);
      run.evaluations.step.push(step);
      run.evaluations.loss.push(e.loss);
      run.evaluations.accuracy.push(e.correct / data.test.n);
    }
    if (options.onProgress && step % 5 === 0 && options.onProgress(step / spec.steps) === false) throw new TrainingCancelled();
  }

  if (!run.divergence) {
    const tr = evaluate(model, params, data.train.x, data.train.y, data.train.n, evalBufs);
    const te = evaluate(model, params, data.test.x, data.test.y, data.test.n, evalBufs);
    if (Number.isFinite(tr.loss) && Number.isFinite(te.loss)) {
      run.final = { trainLoss: tr.loss, trainAccuracy: tr.correct / data.train.n, testLoss: te.loss, testAccuracy: te.correct / data.test.n };
    } else {
      // The parameters overflowed in the last update: report it as a divergence after the last step.
      run.divergence = { step: spec.steps + 1, layer: null };
    }
  }
  run.symmetryBroken = unitsDiffer(model, params);
  options.onProgress?.(1);
  return run;
}

/** Every initialization of the spec, one after the other. */
export function train(spec: TrainSpec, options: TrainOptions = {}): TrainResult {
  const data = loadDataset(spec.dataset);
  const k = spec.schemes.length;
  const runs = spec.schemes.map((_, i) =>
    trainScheme(spec, i, { onProgress: options.onProgress ? (f) => options.onProgress!((i + f) / k) : undefined }),
  );
  return {
    engineVersion: TRAIN_ENGINE_VERSION,
    spec,
    dataset: { name: data.name, inputs: data.inputs, classes: data.classes, trainSize: data.train.n, testSize: data.test.n },
    layerCount: hiddenCount(spec) + 1,
    runs,
  };
}

export function hiddenCount(spec: TrainSpec): number {
  return spec.network.widths?.length ?? spec.network.layers;
}
