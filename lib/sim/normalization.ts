/**
 * LayerNorm (per sample, over the units) and BatchNorm (per unit, over the batch) without a
 * learned affine, eps NORM_EPS, forward and backward: shared by the simulation engine
 * (network.ts) and the training engine (lib/train/model.ts), so both compute the same bits.
 * Values are units x B, row-major (one row per unit, one column per sample).
 */
import type { SimConfig } from '../validation/sim-config';

export const NORM_EPS = 1e-5;

/**
 * In-place normalization of z (units x B); writes 1/sigma per group (B of them for LayerNorm,
 * `units` for BatchNorm) into inv, for the backward pass. 'none' leaves z as it is.
 */
export function normalizeInPlace(kind: SimConfig['normalization'], z: Float64Array, units: number, B: number, inv: Float64Array): void {
  if (kind === 'layernorm') {
    for (let b = 0; b < B; b++) {
      let s = 0;
      for (let i = 0; i < units; i++) s += z[i * B + b];
      const mean = s / units;
      let v = 0;
      for (let i = 0; i < units; i++) {
        const d = z[i * B + b] - mean;
        v += d * d;
      }
      const r = 1 / Math.sqrt(v / units + NORM_EPS);
      inv[b] = r;
      for (let i = 0; i < units; i++) z[i * B + b] = (z[i * B + b] - mean) * r;
    }
  } else if (kind === 'batchnorm') {
    for (let i = 0; i < units; i++) {
      const o = i * B;
      let s = 0;
      for (let b = 0; b < B; b++) s += z[o + b];
      const mean = s / B;
      let v = 0;
      for (let b = 0; b < B; b++) {
        const d = z[o + b] - mean;
        v += d * d;
      }
      const r = 1 / Math.sqrt(v / B + NORM_EPS);
      inv[i] = r;
      for (let b = 0; b < B; b++) z[o + b] = (z[o + b] - mean) * r;
    }
  }
}

/**
 * Backward through y = (x - mean) / sqrt(var + eps) over each group of size N:
 * dx = inv * (dy - mean(dy) - y * mean(dy * y)). In place on d.
 */
export function normalizeBackward(kind: SimConfig['normalization'], y: Float64Array, inv: Float64Array, d: Float64Array, units: number, B: number): void {
  if (kind === 'layernorm') {
    for (let b = 0; b < B; b++) {
      let sd = 0;
      let sdy = 0;
      for (let i = 0; i < units; i++) {
        sd += d[i * B + b];
        sdy += d[i * B + b] * y[i * B + b];
      }
      const md = sd / units;
      const mdy = sdy / units;
      const r = inv[b];
      for (let i = 0; i < units; i++) d[i * B + b] = r * (d[i * B + b] - md - y[i * B + b] * mdy);
    }
  } else if (kind === 'batchnorm') {
    for (let i = 0; i < units; i++) {
      const o = i * B;
      let sd = 0;
      let sdy = 0;
      for (let b = 0; b < B; b++) {
        sd += d[o + b];
        sdy += d[o + b] * y[o + b];
      }
      const md = sd / B;
      const mdy = sdy / B;
      const r = inv[i];
      for (let b = 0; b < B; b++) d[o + b] = r * (d[o + b] - md - y[o + b] * mdy);
    }
  }
}
