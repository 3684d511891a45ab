/**
 * Gaussian expectations E[f(xi)], xi ~ N(0, 1), for the mean-field recursion.
 *
 * Why not Gauss-Hermite: the activations have kinks at 0 (ReLU, SELU) and, at large variance q,
 * tanh'/sigmoid' of sqrt(q)*xi are spikes of width ~1/sqrt(q) at 0. A global polynomial rule
 * cannot resolve either. Instead: composite Gauss-Legendre (20 nodes per panel) on [-12, 12]
 * (the normal density beyond 12 is below 1e-31), split at 0 so the kink is a panel edge, with
 * panels graded geometrically towards 0 ([2^-k-1, 2^-k] for k = 0..44) so a spike of any width
 * down to ~1e-13 is resolved, plus unit panels [1, 2], ..., [11, 12] for the bulk and the tail.
 * The nodes and weights (including the density) are built once.
 */
import { ceilLog2, cos, exp, scalbn } from './exact-math';

const NODES_PER_PANEL = 20;
const GEOMETRIC_LEVELS = 44;
const RANGE = 12;

/** P_n(t) and P_n'(t) by the three-term recurrence. */
function legendre(n: number, t: number): { p: number; dp: number } {
  let p0 = 1;
  let p1 = t;
  for (let k = 2; k <= n; k++) {
    const p2 = ((2 * k - 1) * t * p1 - (k - 1) * p0) / k;
    p0 = p1;
    p1 = p2;
  }
  return { p: p1, dp: (n * (t * p1 - p0)) / (t * t - 1) };
}

/** Gauss-Legendre nodes and weights on [-1, 1] (Newton on P_n, Golub-Welsch-free). */
export function gaussLegendre(n: number): { x: Float64Array; w: Float64Array } {
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let t = cos((Math.PI * (i + 0.75)) / (n + 0.5));
    for (let iter = 0; iter < 100; iter++) {
      const { p, dp } = legendre(n, t);
      const dt = p / dp;
      t -= dt;
      if (Math.abs(dt) < 1e-16) break;
    }
    // The derivative at the converged node gives the weight.
    const { dp } = legendre(n, t);
    x[i] = t;
    w[i] = 2 / ((1 - t * t) * dp * dp);
  }
  return { x, w };
}

/** Panel edges on [0, RANGE]: 0, 2^-levels, ..., 1/2, 1, 2, ..., 12. */
function positiveEdges(levels: number): number[] {
  const edges = [0];
  for (let k = levels; k >= 1; k--) edges.push(scalbn(1, -k));
  for (let v = 1; v <= RANGE; v++) edges.push(v);
  return edges;
}

export interface Rule {
  x: Float64Array;
  w: Float64Array;
}

const GL = gaussLegendre(NODES_PER_PANEL);

function buildRule(levels: number): Rule {
  const gl = GL;
  const edges = positiveEdges(levels);
  const count = 2 * (edges.length - 1) * NODES_PER_PANEL;
  const x = new Float64Array(count);
  const w = new Float64Array(count);
  const norm = 1 / Math.sqrt(2 * Math.PI);
  let j = 0;
  for (const sign of [-1, 1]) {
    for (let p = 0; p + 1 < edges.length; p++) {
      const a = edges[p];
      const b = edges[p + 1];
      const half = (b - a) / 2;
      const mid = (a + b) / 2;
      for (let i = 0; i < NODES_PER_PANEL; i++) {
        const t = mid + half * gl.x[i];
        x[j] = sign * t;
        w[j] = half * gl.w[i] * norm * exp(-0.5 * t * t);
        j++;
      }
    }
  }
  return { x, w };
}

/** The full composite rule: E[f(xi)] ~= sum_j w[j] f(x[j]). */
export const GAUSS_RULE = buildRule(GEOMETRIC_LEVELS);

const rulesByLevel: Rule[] = [];

/**
 * The rule for integrands f(sqrt(q) xi): grading towards 0 is only needed down to a few
 * percent of the feature width 1/sqrt(q); below that a single panel [0, 2^-k] integrates the
 * locally smooth integrand exactly enough. Levels: ceil(log2 sqrt(q)) + 8, within [4, 44].
 */
export function ruleForVariance(q: number): Rule {
  let levels = GEOMETRIC_LEVELS;
  if (Number.isFinite(q) && q > 0) levels = ceilLog2(Math.sqrt(q)) + 8;
  levels = Math.min(GEOMETRIC_LEVELS, Math.max(4, levels));
  return (rulesByLevel[levels] ??= buildRule(levels));
}

/** E[f(xi)] for xi ~ N(0, 1). */
export function expectNormal(f: (x: number) => number): number {
  const { x, w } = GAUSS_RULE;
  let s = 0;
  for (let j = 0; j < x.length; j++) s += w[j] * f(x[j]);
  return s;
}
