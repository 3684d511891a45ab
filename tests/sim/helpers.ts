/** Shared helpers for the engine tests: configs from partial input, and seed averages. */
import { simConfigSchema, type SimConfig, type SimConfigInput } from '../../lib/validation/sim-config';

export function cfg(input: Partial<SimConfigInput>): SimConfig {
  return simConfigSchema.parse({ scheme: 'he-normal', activation: 'relu', layers: 12, width: 256, ...input });
}

export function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

export function sd(xs: number[]): number {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
}

/** Independent reference: E[f(xi)] by a fine trapezoid rule on [-14, 14] (no shared code). */
export function trapezoidNormal(f: (x: number) => number, steps = 400_000): number {
  const a = -14;
  const h = 28 / steps;
  let s = 0;
  for (let i = 0; i <= steps; i++) {
    const x = a + i * h;
    const w = i === 0 || i === steps ? 0.5 : 1;
    s += w * f(x) * Math.exp(-0.5 * x * x);
  }
  return (s * h) / Math.sqrt(2 * Math.PI);
}
