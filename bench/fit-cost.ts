/**
 * Fits the cost model's weights (lib/sim/cost.ts COST_WEIGHTS_NS) on this machine: times every
 * grid config on every path (minimum of a few repeats, one seed), then finds non-negative weights
 * that minimise the squared relative error of the estimate. Also measures each activation's cost
 * relative to ReLU. Prints the numbers to paste into cost.ts; run with `npm run bench -- --fit-cost`.
 */
import { applyActivation, multiplyByDerivative } from '../lib/sim/activations';
import { COST_KINDS, COST_WEIGHTS_NS, countsToNs, runCounts, type CostKind } from '../lib/sim/cost';
import { simulate } from '../lib/sim/simulate';
import { ACTIVATIONS } from '../lib/validation/sim-config';
import { COST_GRID_PATHS } from './cost-grid';

function time(fn: () => void, repeats: number): number {
  let best = Infinity;
  for (let r = 0; r < repeats; r++) {
    const t = performance.now();
    fn();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

function activationCosts(): Record<string, number> {
  const n = 1 << 18;
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) z[i] = Math.sin(i) * 2;
  const out = new Float64Array(n);
  const per = (act: (typeof ACTIVATIONS)[number]) =>
    time(() => {
      applyActivation(act, 0.01, z, out, n, true);
      out.fill(1);
      multiplyByDerivative(act, 0.01, z, out, n, true);
    }, 7);
  const relu = per('relu');
  return Object.fromEntries(ACTIVATIONS.map((a) => [a, +(per(a) / relu).toFixed(2)]));
}

/** Non-negative least squares on rows A (m x k) and target b, by projected coordinate descent. */
function nnls(A: number[][], b: number[], start: number[]): number[] {
  const k = start.length;
  const x = [...start];
  for (let it = 0; it < 20000; it++) {
    let moved = 0;
    for (let j = 0; j < k; j++) {
      let num = 0;
      let den = 0;
      for (let i = 0; i < A.length; i++) {
        let r = b[i];
        for (let q = 0; q < k; q++) if (q !== j) r -= A[i][q] * x[q];
        num += A[i][j] * r;
        den += A[i][j] * A[i][j];
      }
      const nx = den > 0 ? Math.max(0, num / den) : x[j];
      moved = Math.max(moved, Math.abs(nx - x[j]) / (Math.abs(x[j]) + 1e-12));
      x[j] = nx;
    }
    if (moved < 1e-9) break;
  }
  return x;
}

export async function fitCost(): Promise<void> {
  console.log('activation cost relative to relu (apply + derivative):', JSON.stringify(activationCosts()));
  const rows: { label: string; ms: number; counts: Record<CostKind, number> }[] = [];
  for (const { config, path } of COST_GRID_PATHS) {
    simulate(config, { bandSeeds: 1, path }); // warm
    const ms = time(() => simulate(config, { bandSeeds: 1, path }), 3);
    const counts = runCounts(config, path, 1);
    rows.push({ label: `${config.scheme} ${config.activation} L${config.layers} n${config.width} B${config.samples} ${path}`, ms, counts });
  }
  // Relative error: each row scaled by 1 / measured time, target 1.
  const A = rows.map((r) => COST_KINDS.map((k) => r.counts[k] / 1e6 / r.ms));
  const b = rows.map(() => 1);
  const w = nnls(A, b, COST_KINDS.map((k) => COST_WEIGHTS_NS[k]));
  const fitted = Object.fromEntries(COST_KINDS.map((k, j) => [k, +w[j].toPrecision(3)])) as Record<CostKind, number>;
  console.log('fitted weights (ns per operation):', JSON.stringify(fitted));
  for (const [name, weights] of [['current', COST_WEIGHTS_NS], ['fitted', fitted]] as const) {
    const ratios = rows.map((r) => countsToNs(r.counts, weights) / 1e6 / r.ms);
    const sorted = [...ratios].sort((a, c) => a - c);
    const median = sorted[Math.floor(sorted.length / 2)];
    console.log(`${name}: estimate / measured: median ${median.toFixed(2)}, worst after the median speed factor ${Math.max(...ratios.map((x) => Math.max(x / median, median / x))).toFixed(2)}x`);
    if (name === 'fitted') for (const [i, r] of rows.entries()) console.log(`  ${r.label.padEnd(60)} ${r.ms.toFixed(1).padStart(8)} ms  est ${(ratios[i] * r.ms).toFixed(1).padStart(8)}  ratio ${ratios[i].toFixed(2)}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await fitCost();
