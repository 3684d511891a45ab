/**
 * `npm run bench`: the engine against numpy on a ladder of sizes, in one run (the machines are
 * shared and noisy, so only medians and ratios measured together mean anything). The engine runs
 * simulate() with one seed (bandSeeds = 1) and reports the path it took; numpy runs the same
 * experiment with materialized weights of the same distribution (bench/numpy_bench.py: He normal,
 * He uniform, or He truncated normal by rejection), the two alternating run by run. numpy is
 * pinned to one BLAS thread by default, like the engine; pass --numpy-threads to let OpenBLAS use
 * every core.
 * Then the server figures (bench/server-bench.ts: run requests, responsiveness with runs queued,
 * event-loop delay); `--engine-only` skips them, `--server-only` runs only them (with
 * `--runs-only`, only the POST /api/runs figures and their stage breakdown), `--fit-cost`
 * refits the cost model's weights (bench/fit-cost.ts).
 * No timing is asserted anywhere: this prints figures for the README.
 */
import { spawn, spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { simulate } from '../lib/sim';
import { simConfigSchema, type SimConfig } from '../lib/validation/sim-config';

/** warmup: untimed runs first (default 3); the default rung follows the issue's protocol, 10 then 60. */
type Rung = { layers: number; width: number; samples: number; reps: number; warmup?: number; scheme?: SimConfig['scheme'] };

const RUNGS: Rung[] = [
  { layers: 12, width: 256, samples: 64, reps: 60, warmup: 10 },
  { layers: 20, width: 512, samples: 64, reps: 9 },
  { layers: 50, width: 512, samples: 64, reps: 5 },
  { layers: 50, width: 1024, samples: 64, reps: 3 },
  // Elementwise non-Gaussian schemes: always the materialized path (sampled W, SIMD products).
  { layers: 12, width: 256, samples: 64, reps: 21, scheme: 'he-uniform' },
  { layers: 50, width: 1024, samples: 64, reps: 5, scheme: 'he-uniform' },
  { layers: 50, width: 1024, samples: 64, reps: 5, scheme: 'truncated-normal-he' },
];
/** numpy_bench.py's weight distribution for a rung's scheme (all He-scaled, ReLU). */
const NUMPY_DIST: Partial<Record<SimConfig['scheme'], string>> = { 'he-normal': 'normal', 'he-uniform': 'uniform', 'truncated-normal-he': 'truncated-normal' };
/** Informational rung: orthogonal (frame path; numpy_bench has no orthogonal experiment). */
const EXTRA: Rung[] = [{ layers: 50, width: 512, samples: 64, reps: 3, scheme: 'orthogonal' }];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const configOf = (r: Rung) => simConfigSchema.parse({ scheme: r.scheme ?? 'he-normal', activation: 'relu', layers: r.layers, width: r.width, samples: r.samples });

function timeEngine(r: Rung): { ms: number; path: string } {
  const config = configOf(r);
  let p = '';
  for (let i = 0; i < (r.warmup ?? 3); i++) p = simulate({ ...config, seed: 1000 + i }, { bandSeeds: 1 }).path;
  const times: number[] = [];
  for (let i = 0; i < r.reps; i++) {
    const t0 = performance.now();
    simulate({ ...config, seed: i + 1 }, { bandSeeds: 1 });
    times.push(performance.now() - t0);
  }
  return { ms: median(times), path: p };
}

/**
 * numpy_bench.py --serve, kept running: each call times one numpy run of a rung (in Python, so
 * process start-up is not counted). Null once numpy is unavailable.
 */
function numpyServer(threads: boolean) {
  const env = threads ? process.env : { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
  const child = spawn('python3', [path.join(import.meta.dirname, 'numpy_bench.py'), '--serve'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  child.on('error', (e) => (stderr += e.message));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  let alive = true;
  return {
    async time(r: Rung, seed: number): Promise<number | null> {
      if (!alive) return null;
      child.stdin.write(`${JSON.stringify({ rung: [r.layers, r.width, r.samples, NUMPY_DIST[r.scheme ?? 'he-normal']], seed })}\n`);
      const next = await lines.next();
      if (next.done) {
        alive = false;
        console.error(`numpy bench unavailable: ${stderr.trim() || 'python3 ended'}`);
        return null;
      }
      return JSON.parse(next.value).ms;
    },
    close: () => child.stdin.end(),
  };
}

/**
 * One rung, the engine and numpy alternating run by run after their warm-ups, so a change of
 * load on this shared machine falls on both sides alike. The ratio is the median of the runs'
 * own numpy/engine ratios.
 */
async function timeRung(r: Rung, numpy: ReturnType<typeof numpyServer>) {
  const config = configOf(r);
  let p = '';
  for (let i = 0; i < (r.warmup ?? 3); i++) p = simulate({ ...config, seed: 1000 + i }, { bandSeeds: 1 }).path;
  await numpy.time(r, 1000);
  const engine: number[] = [];
  const np: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < r.reps; i++) {
    const t0 = performance.now();
    simulate({ ...config, seed: i + 1 }, { bandSeeds: 1 });
    const ms = performance.now() - t0;
    engine.push(ms);
    const n = await numpy.time(r, i + 1);
    if (n === null) continue;
    np.push(n);
    ratios.push(n / ms);
  }
  return { ms: median(engine), path: p, numpy: np.length ? median(np) : null, ratio: ratios.length ? median(ratios) : null };
}

const args = process.argv.slice(2);
if (args.includes('--fit-cost')) {
  const { fitCost } = await import('./fit-cost');
  await fitCost();
  process.exit(0);
}
if (args.includes('--server-only')) {
  const { serverBench } = await import('./server-bench');
  await serverBench({ runsOnly: args.includes('--runs-only') });
  process.exit(0);
}
const threads = args.includes('--numpy-threads');
const loadBefore = os.loadavg()[0];
// Run by run, the engine then numpy on the same rung (timeRung): on a shared machine the load
// drifts, and timing all of one side before the other let that drift decide the ratios (0.46 to
// 1.16 for one rung in three runs of the same code).
const numpy = numpyServer(threads);
const rows: Awaited<ReturnType<typeof timeRung>>[] = [];
for (const r of RUNGS) rows.push(await timeRung(r, numpy));
numpy.close();
const f = (x: number) => x.toFixed(2).padStart(10);
console.log(`Engine (simulate, 1 seed) vs numpy (materialized, ${threads ? 'default BLAS threads' : '1 BLAS thread'}), run by run; medians in ms; load average ${loadBefore.toFixed(2)} before, ${os.loadavg()[0].toFixed(2)} after (${os.cpus().length} cores)`);
console.log(['rung (L x n x B)'.padEnd(18), 'scheme'.padEnd(20), 'engine'.padStart(10), 'path'.padStart(13), 'numpy'.padStart(10), 'numpy/engine'.padStart(13)].join(' '));
RUNGS.forEach((r, i) => {
  const { ms, path: p, numpy: n, ratio } = rows[i];
  console.log([`${r.layers} x ${r.width} x ${r.samples}`.padEnd(18), (r.scheme ?? 'he-normal').padEnd(20), f(ms), p.padStart(13), n === null ? '       n/a' : f(n), ratio === null ? '' : ratio.toFixed(2).padStart(13)].join(' '));
});
for (const r of EXTRA) {
  const e = timeEngine(r);
  console.log(`${`${r.layers} x ${r.width} x ${r.samples}`.padEnd(18)} ${(r.scheme ?? '').padEnd(20)} ${f(e.ms)} ${e.path.padStart(13)}   (informational)`);
}
/**
 * Whole process, start to exit: what a person waits for at the prompt. `initlab simulate` (the
 * bundled CLI, one seed, JSON without histograms) against `numpy_bench.py --once` doing the same
 * experiment (materialized, one seed, per-layer statistics as JSON), each spawned `reps` times.
 */
const WHOLE: Rung[] = [
  { layers: 12, width: 256, samples: 64, reps: 9 },
  { layers: 50, width: 1024, samples: 64, reps: 3 },
];
const root = path.resolve(import.meta.dirname, '..');
function wallMs(cmd: string, args: string[], env: NodeJS.ProcessEnv): number | null {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 26 });
  const ms = performance.now() - t0;
  return r.status === 0 ? ms : null;
}
const numpyEnv = threads ? process.env : { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
const cliArgs = (r: Rung) => [path.join(root, 'bin/initlab.mjs'), 'simulate', '--layers', String(r.layers), '--width', String(r.width), '--samples', String(r.samples), '--band-seeds', '1', '--json', '--no-histograms'];
wallMs(process.execPath, cliArgs(WHOLE[0]), process.env); // builds the CLI bundle if it is stale
console.log('\nWhole process, start to exit (median ms): initlab simulate --band-seeds 1 --json vs numpy_bench.py --once');
console.log(['rung (L x n x B)'.padEnd(18), 'initlab'.padStart(10), 'numpy'.padStart(10), 'numpy/initlab'.padStart(14)].join(' '));
for (const r of WHOLE) {
  const cli: number[] = [];
  const np: number[] = [];
  for (let i = 0; i < r.reps; i++) {
    const c = wallMs(process.execPath, cliArgs(r), process.env);
    const n = wallMs('python3', [path.join(import.meta.dirname, 'numpy_bench.py'), '--once', String(r.layers), String(r.width), String(r.samples)], numpyEnv);
    if (c !== null) cli.push(c);
    if (n !== null) np.push(n);
  }
  const c = cli.length ? median(cli) : Number.NaN;
  const n = np.length ? median(np) : Number.NaN;
  console.log([`${r.layers} x ${r.width} x ${r.samples}`.padEnd(18), f(c), np.length ? f(n) : '       n/a', np.length ? (n / c).toFixed(2).padStart(14) : ''].join(' '));
}

const def = rows[0].ms;
console.log(`\nDefault interactive config 12 x 256 x 64, one seed: ${def.toFixed(2)} ms (target < 16 ms) ${def < 16 ? 'OK' : 'OVER'}`);
if (!args.includes('--engine-only')) {
  // The server's figures (stored and computed runs, responsiveness under queued work).
  const { serverBench } = await import('./server-bench');
  await serverBench();
}
