/**
 * Server figures for the README (issue: server-side runs), measured against the production build
 * with a fresh database (scripts/e2e-server.mjs serves it: PostgreSQL when DATABASE_URL is set,
 * else embedded PGlite):
 * - POST /api/runs for the default config: p95 when stored, and p95 when computed (new seeds, so
 *   each request computes a default-sized run in the pool);
 * - with 8 expensive runs queued in the pool, p95 of /api/health and of a cheap page (/lessons);
 * - in this process: the event loop's worst delay while the pool computes (the engine never runs
 *   on the calling thread).
 * Prints medians and p95; nothing is asserted (shared machines are noisy).
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay, performance as perf } from 'node:perf_hooks';
import path from 'node:path';
import { parseServerTiming } from '../lib/http/server-timing';
import { EnginePool } from '../lib/runs/engine-pool';
import { DEFAULT_CONFIG, simConfigSchema } from '../lib/validation/sim-config';

const PORT = process.env.BENCH_PORT ?? '3299';
const base = `http://127.0.0.1:${PORT}`;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const fmt = (xs: number[]) => `p50 ${pct(xs, 50).toFixed(1)} ms, p95 ${pct(xs, 95).toFixed(1)} ms (n=${xs.length})`;

/**
 * One request over a kept-alive connection (node:http), timed from the request to the body's last
 * byte. Not fetch: Node 20's fetch added about 5 ms per request at p50 here (measured against
 * node:http on the same server, 60 requests each), which is the client's time, not the server's.
 */
const agent = new http.Agent({ keepAlive: true });
function timed(method: 'GET' | 'POST', path: string, body?: string): Promise<{ ms: number; status: number; stages: Record<string, number> }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const headers = body === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    const req = http.request({ host: '127.0.0.1', port: Number(PORT), path, method, agent, headers }, (res) => {
      res.on('data', () => {});
      res.on('end', () => {
        const timing = res.headers['server-timing'];
        resolve({ ms: performance.now() - t0, status: res.statusCode ?? 0, stages: parseServerTiming(typeof timing === 'string' ? timing : null) });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const postRun = (config: unknown) => timed('POST', '/api/runs', JSON.stringify({ config }));

const load = () => `load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`;

/**
 * Where a run request's time goes, from the route's Server-Timing header: p50 and p95 of each
 * stage, and `other` = wall time minus the stages (HTTP, Next's routing, the client).
 */
function stageBreakdown(runs: { ms: number; stages: Record<string, number> }[]): string {
  const names = [...new Set(runs.flatMap((r) => Object.keys(r.stages)))];
  const other = runs.map((r) => r.ms - Object.values(r.stages).reduce((a, b) => a + b, 0));
  const col = (name: string, xs: number[]) => `${name} ${pct(xs, 50).toFixed(1)}/${pct(xs, 95).toFixed(1)}`;
  return [...names.map((n) => col(n, runs.map((r) => r.stages[n] ?? 0))), col('other', other)].join(', ');
}


async function waitForServer(): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('server did not start');
}

async function serverFigures(runsOnly: boolean): Promise<void> {
  const root = path.resolve(import.meta.dirname, '..');
  const server = spawn(process.execPath, ['scripts/e2e-server.mjs'], { cwd: root, env: { ...process.env, E2E_PORT: PORT }, stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    await waitForServer();
    // Warm: the pool's threads compile the engine on start; the default run is stored at start-up.
    await postRun(DEFAULT_CONFIG);
    for (let i = 0; i < 6; i++) await postRun({ ...DEFAULT_CONFIG, seed: 900 + i });

    const storedRuns: Awaited<ReturnType<typeof timed>>[] = [];
    const loadBefore = load();
    for (let i = 0; i < 60; i++) storedRuns.push(await postRun(DEFAULT_CONFIG));
    const computedRuns: Awaited<ReturnType<typeof timed>>[] = [];
    // Seeds no earlier bench run has stored (a reused server keeps its database), 40 of them so
    // that p95 is not just the second-slowest request.
    const firstSeed = 10_000 + (Date.now() % 1_000_000) * 100;
    for (let i = 0; i < 40; i++) computedRuns.push(await postRun({ ...DEFAULT_CONFIG, seed: firstSeed + i }));
    const notComputed = computedRuns.filter((r) => r.stages.compute === undefined).length;
    if (notComputed > 0) console.warn(`  warning: ${notComputed} of the "computed" requests were answered from the store`);
    const loadAfter = load();
    const stored = storedRuns.map((r) => r.ms);
    const computed = computedRuns.map((r) => r.ms);
    const printRuns = () => {
      console.log(`\nServer (production build, fresh database), POST /api/runs (${loadBefore} before, ${loadAfter} after):`);
      console.log(`  default config, stored run:    ${fmt(stored)}   (target p95 < 30 ms)`);
      console.log(`    stages p50/p95 ms: ${stageBreakdown(storedRuns)}`);
      console.log(`  default config, computed:      ${fmt(computed)}   (target p95 < 100 ms)`);
      console.log(`    stages p50/p95 ms: ${stageBreakdown(computedRuns)}`);
    };
    if (runsOnly) {
      printRuns();
      return;
    }

    // Eight expensive runs (about a second each on the development machine), queued at once.
    const expensive = Array.from({ length: 8 }, (_, i) => ({ scheme: 'he-uniform', activation: 'tanh', layers: 12, width: 384, samples: 64, seed: 20_000 + (Date.now() % 1_000_000) * 100 + i }));
    const queued = expensive.map((c) => postRun(c));
    await new Promise((r) => setTimeout(r, 200));
    const health: number[] = [];
    const page: number[] = [];
    const until = Date.now() + 8000;
    while (Date.now() < until) {
      health.push((await timed('GET', '/api/health')).ms);
      page.push((await timed('GET', '/lessons')).ms);
    }
    const done = await Promise.all(queued);

    printRuns();
    console.log(`With 8 expensive runs queued (answered: ${done.map((d) => d.status).join(' ')}, slowest ${Math.max(...done.map((d) => d.ms)).toFixed(0)} ms):`);
    console.log(`  GET /api/health:               ${fmt(health)}   (target p95 < 100 ms)`);
    console.log(`  GET /lessons (cheap page):     ${fmt(page)}   (target p95 < 100 ms)`);
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
}

export async function eventLoopFigures(): Promise<void> {
  const pool = new EnginePool({ threads: 1, queueMax: 16, timeLimitMs: 60_000 });
  try {
    await pool.run(DEFAULT_CONFIG);
    // Baseline: the same measurement with nothing to do, so the machine's own scheduling noise
    // (other processes on shared cores) can be told apart from work on this thread.
    const idle = monitorEventLoopDelay({ resolution: 5 });
    idle.enable();
    await new Promise((r) => setTimeout(r, 5000));
    idle.disable();
    const h = monitorEventLoopDelay({ resolution: 5 });
    const elu0 = perf.eventLoopUtilization();
    h.enable();
    const t0 = performance.now();
    await Promise.all(
      [
        { scheme: 'he-normal', activation: 'gelu', layers: 50, width: 512, samples: 128 },
        { scheme: 'he-uniform', activation: 'tanh', layers: 12, width: 384, samples: 64 },
        { scheme: 'orthogonal', activation: 'tanh', layers: 50, width: 512 },
      ].map((c) => pool.run(simConfigSchema.parse(c))),
    );
    const wall = performance.now() - t0;
    h.disable();
    const elu = perf.eventLoopUtilization(elu0);
    console.log(`\nEvent loop of the calling process while the pool computed for ${(wall / 1000).toFixed(1)} s: max delay ${(h.max / 1e6).toFixed(1)} ms, p99 ${(h.percentile(99) / 1e6).toFixed(1)} ms, busy ${(elu.utilization * 100).toFixed(1)} % of the time`);
    console.log(`  same process idle for 5 s (the machine's scheduling noise): max delay ${(idle.max / 1e6).toFixed(1)} ms, p99 ${(idle.percentile(99) / 1e6).toFixed(1)} ms (target: never blocked > 50 ms by engine work)`);
  } finally {
    await pool.close();
  }
}

/** `runsOnly`: just the POST /api/runs figures (no event-loop or queued-runs figures). */
export async function serverBench(options: { runsOnly?: boolean } = {}): Promise<void> {
  if (!options.runsOnly) await eventLoopFigures();
  await serverFigures(options.runsOnly ?? false);
}

if (import.meta.url === `file://${process.argv[1]}`) await serverBench({ runsOnly: process.argv.includes('--runs-only') });
