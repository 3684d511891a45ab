/**
 * The two datasets the training engine ships with, each with a fixed held-out split:
 * - spirals: two interleaved spirals in the plane (two classes), generated from a fixed seed with
 *   the engine's PRNG, so every machine gets the same points;
 * - digits: the 8 x 8 handwritten digits (1,797 images, ten classes; UCI, CC BY 4.0), packed in
 *   data/digits-packed.ts.
 * Features are standardized with the training split's mean and std (a constant feature stays 0),
 * so the first layer sees inputs of unit scale whatever the dataset: the initialization, not the
 * data's units, decides how the signal starts.
 * Storage: row-major n x d (one row per example) in a Float64Array; labels in an Int32Array.
 */
import type { DatasetName } from '../validation/train-config';
import { cos } from '../sim/exact-math';
import { createRng } from '../sim/rng';
import { DIGITS_COUNT, DIGITS_PACKED } from './data/digits-packed';

export interface Split {
  x: Float64Array;
  y: Int32Array;
  n: number;
}

export interface Dataset {
  name: DatasetName;
  inputs: number;
  classes: number;
  train: Split;
  test: Split;
}

/** Random streams of the datasets and of training; far from lib/sim's STREAM ids (1..5). */
export const TRAIN_STREAM = { spirals: 101, split: 102, order: 103 } as const;

/** The spirals' seed: fixed, so the data is the same whatever the run's seed. */
export const SPIRALS_SEED = 2024;
export const SPIRALS_PER_CLASS = 300;
/** Turns of each spiral arm and the Gaussian noise added to each coordinate. */
const SPIRAL_TURNS = 1.75;
const SPIRAL_NOISE = 0.08;
/** Fraction of each dataset held out. */
export const TEST_FRACTION = 0.25;

/** Two spirals: class k's point at radius r in [0.05, 1] has angle 2 pi turns r + k pi. */
function makeSpirals(): { x: Float64Array; y: Int32Array; n: number } {
  const n = 2 * SPIRALS_PER_CLASS;
  const x = new Float64Array(n * 2);
  const y = new Int32Array(n);
  const rng = createRng(SPIRALS_SEED, TRAIN_STREAM.spirals);
  for (let i = 0; i < n; i++) {
    const k = i % 2;
    const r = 0.05 + 0.95 * rng.uniform();
    const angle = 2 * Math.PI * SPIRAL_TURNS * r + k * Math.PI;
    x[2 * i] = r * cos(angle) + SPIRAL_NOISE * rng.normal();
    x[2 * i + 1] = r * cos(angle - Math.PI / 2) + SPIRAL_NOISE * rng.normal();
    y[i] = k;
  }
  return { x, y, n };
}

function unpackDigits(): { x: Float64Array; y: Int32Array; n: number } {
  const n = DIGITS_COUNT;
  const x = new Float64Array(n * 64);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const o = i * 65;
    for (let p = 0; p < 64; p++) x[i * 64 + p] = DIGITS_PACKED.charCodeAt(o + p) - 97;
    y[i] = DIGITS_PACKED.charCodeAt(o + 64) - 48;
  }
  return { x, y, n };
}

/** A seeded permutation of 0..n-1 (Fisher-Yates; uniform index by multiply-shift of 32 bits). */
export function permutation(n: number, seed: number, stream: number, round = 0): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  const rng = createRng(seed, stream, round);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.uniform() * (i + 1));
    const t = p[i];
    p[i] = p[j];
    p[j] = t;
  }
  return p;
}

function take(all: { x: Float64Array; y: Int32Array }, d: number, idx: Int32Array): Split {
  const n = idx.length;
  const x = new Float64Array(n * d);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const s = idx[i];
    for (let p = 0; p < d; p++) x[i * d + p] = all.x[s * d + p];
    y[i] = all.y[s];
  }
  return { x, y, n };
}

/** Standardizes both splits in place with the training split's per-feature mean and std. */
function standardize(train: Split, test: Split, d: number): void {
  for (let p = 0; p < d; p++) {
    let s = 0;
    for (let i = 0; i < train.n; i++) s += train.x[i * d + p];
    const mean = s / train.n;
    let v = 0;
    for (let i = 0; i < train.n; i++) {
      const e = train.x[i * d + p] - mean;
      v += e * e;
    }
    const std = Math.sqrt(v / train.n);
    const inv = std > 1e-12 ? 1 / std : 0;
    for (const split of [train, test]) for (let i = 0; i < split.n; i++) split.x[i * d + p] = (split.x[i * d + p] - mean) * inv;
  }
}

const cache = new Map<DatasetName, Dataset>();

/** The dataset with its split, built once per process (the same numbers everywhere). */
export function loadDataset(name: DatasetName): Dataset {
  const hit = cache.get(name);
  if (hit) return hit;
  const all = name === 'spirals' ? makeSpirals() : unpackDigits();
  const inputs = name === 'spirals' ? 2 : 64;
  const classes = name === 'spirals' ? 2 : 10;
  const order = permutation(all.n, SPIRALS_SEED, TRAIN_STREAM.split, name === 'spirals' ? 0 : 1);
  const nTest = Math.round(all.n * TEST_FRACTION);
  const test = take(all, inputs, order.subarray(0, nTest));
  const train = take(all, inputs, order.subarray(nTest));
  standardize(train, test, inputs);
  const ds: Dataset = { name, inputs, classes, train, test };
  cache.set(name, ds);
  return ds;
}
