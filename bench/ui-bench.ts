/**
 * The simulator's feel and the web budgets, measured on the production build (part of
 * `npm run bench`; `npm run bench:ui` alone). No timing is asserted anywhere: the machines are
 * shared and noisy, so this prints medians with the machine's load beside them for the README.
 *
 * 1. Control change -> new numbers: the page marks `initlab:input` when a control changes and
 *    measures `initlab:input-to-numbers` in the frame after the results for it are committed
 *    (components/simulator/simulator-app.tsx). The layer count is changed N times on the default
 *    config; median and max are reported.
 * 2. Main-thread blocking during a large worker run: a PerformanceObserver collects long tasks
 *    (> 50 ms) while a 100 x 1024 run computes and the seed field is typed into. On a loaded
 *    machine a task waits for a core, and its wall time says more about the load than the page,
 *    so a light trace also gives the longest task in CPU time (the page's thread time), with its
 *    style recalc's element count.
 * 3. Lighthouse 12 (desktop preset, Debian Chromium) on the home page, the simulator and a
 *    lesson: performance score and total blocking time.
 *
 * Serves the build with scripts/e2e-server.mjs (fresh database, builds if stale) on BENCH_PORT
 * (3299 by default; a server already answering there is used as it is); CHROMIUM_PATH overrides
 * /usr/bin/chromium. `--only-blocking` runs part 2 alone (BENCH_REPEAT times, 1 by default);
 * `--trace` also traces part 2 for the page thread's costliest task in CPU time (the trace slows
 * the page, so the long tasks of a traced run read high).
 */
import { spawn, spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';

const root = path.resolve(import.meta.dirname, '..');
const port = process.env.BENCH_PORT ?? '3299';
const base = `http://127.0.0.1:${port}`;
const chrome = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHANGES = Number(process.env.BENCH_CHANGES ?? 25);
const ONLY_BLOCKING = process.argv.includes('--only-blocking');
const REPEAT = Number(process.env.BENCH_REPEAT ?? 1);
const TRACE = process.argv.includes('--trace');

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : Number.NaN;
};
const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' / ');

async function waitForServer(timeoutMs = 900_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error('the server did not start');
}

async function settled(page: Page) {
  const results = page.getByTestId('results');
  await results.and(page.locator('[data-stale="false"][data-busy="false"]')).waitFor({ timeout: 300_000 });
}

async function controlChanges(page: Page) {
  await page.goto(`${base}/simulator`);
  await settled(page);
  const layers = page.getByLabel('Number of layers');
  const times: number[] = [];
  // Warm-up: the first runs teach the page its speed and JIT-compile the engine.
  for (let i = 0; i < CHANGES + 3; i++) {
    const before = await page.evaluate(() => performance.getEntriesByName('initlab:input-to-numbers').length);
    await layers.fill(String(i % 2 === 0 ? 13 : 12));
    await page.waitForFunction((n) => performance.getEntriesByName('initlab:input-to-numbers').length > n, before, { timeout: 60_000 });
    const ms = await page.evaluate(() => {
      const all = performance.getEntriesByName('initlab:input-to-numbers');
      return all[all.length - 1].duration;
    });
    if (i >= 3) times.push(ms);
  }
  return { median: median(times), max: Math.max(...times), n: times.length };
}

async function longTasksDuringBigRun(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  await page.goto(`${base}/simulator`);
  await settled(page);
  await page.locator('summary', { hasText: 'Advanced settings' }).click();
  await page.getByLabel('Samples', { exact: true }).fill('32');
  await settled(page);
  await page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks = []));
  // The trace (for the CPU figure) costs the page time of its own, so it is taken only on request
  // (--trace), and then the long tasks of that run are inflated by it.
  const trace = TRACE ? await startTrace(page) : null;
  const t0 = Date.now();
  await page.getByLabel('Units per layer').fill('1024');
  await page.getByLabel('Number of layers').fill('100');
  // Type while the worker computes: the page must keep answering.
  const seed = page.getByLabel('Seed', { exact: true });
  const typing: number[] = [];
  for (const v of ['12', '123', '1234']) {
    const s = Date.now();
    await seed.fill(v);
    typing.push(Date.now() - s);
    await page.waitForTimeout(300);
  }
  await settled(page);
  const seconds = (Date.now() - t0) / 1000;
  const tasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  // The time the band waited for the page's frames (components/workers/stoppable-worker.ts).
  const pausedMs = await page.evaluate(() => (performance.getEntriesByName('initlab:band-paused').at(-1) as PerformanceMark | undefined)?.detail.ms ?? 0);
  const cpu = trace ? longestCpuTask(await trace.stop()) : null;
  return { seconds, longTasks: tasks.length, maxTask: tasks.length ? Math.max(...tasks) : 0, typingMs: median(typing), pausedMs, cpu };
}

type TraceEvent = { name: string; ph: string; tid: number; ts: number; dur?: number; tdur?: number; args?: { elementCount?: number } };

/** A Chrome trace of the page (tasks and the main timeline events only, which cost little). */
async function startTrace(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['toplevel', 'devtools.timeline'] }, transferMode: 'ReportEvents' });
  return {
    async stop() {
      const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
      await cdp.send('Tracing.end');
      await done;
      await cdp.detach();
      return events;
    },
  };
}

/** The page thread's task with the most CPU time, and the largest style recalc inside it. */
function longestCpuTask(events: TraceEvent[]) {
  const counts = new Map<number, number>();
  for (const e of events) if (e.name === 'UpdateLayoutTree') counts.set(e.tid, (counts.get(e.tid) ?? 0) + 1);
  const tid = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const tasks = events.filter((e) => e.tid === tid && e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && e.tdur !== undefined);
  const top = tasks.sort((a, b) => b.tdur! - a.tdur!)[0];
  if (!top) return { cpuMs: Number.NaN, cpuWallMs: Number.NaN, styleElements: 0 };
  const inside = events.filter((e) => e.tid === tid && e.name === 'UpdateLayoutTree' && e.ts >= top.ts && e.ts <= top.ts + top.dur!);
  return { cpuMs: top.tdur! / 1000, cpuWallMs: top.dur! / 1000, styleElements: Math.max(0, ...inside.map((e) => e.args?.elementCount ?? 0)) };
}

function lighthouse(url: string) {
  const r = spawnSync(
    'npx',
    ['lighthouse', url, '--preset=desktop', '--output=json', '--output-path=stdout', '--quiet', '--only-categories=performance', '--chrome-flags=--headless=new --no-sandbox --disable-gpu'],
    { cwd: root, env: { ...process.env, CHROME_PATH: chrome }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (r.status !== 0) return { score: Number.NaN, tbt: Number.NaN, error: r.stderr.slice(-300) };
  const report = JSON.parse(r.stdout);
  return { score: Math.round(report.categories.performance.score * 100), tbt: Math.round(report.audits['total-blocking-time'].numericValue), error: '' };
}

async function main() {
  const running = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
  const server = running ? null : spawn('node', ['scripts/e2e-server.mjs'], { cwd: root, env: { ...process.env, E2E_PORT: port }, stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    await waitForServer();
    const browser = await chromium.launch({
      executablePath: chrome,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    console.log(`UI bench on ${base} (load average ${load()})`);
    if (!ONLY_BLOCKING) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const c = await controlChanges(page);
      console.log(`control change -> new numbers (default config, ${c.n} changes): median ${c.median.toFixed(0)} ms, max ${c.max.toFixed(0)} ms`);
    }
    const runs = ONLY_BLOCKING ? REPEAT : 1;
    let withLongTask = 0;
    for (let i = 0; i < runs; i++) {
      const big = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const b = await longTasksDuringBigRun(big);
      await big.close();
      if (b.longTasks > 0) withLongTask++;
      console.log(
        `100 x 1024 run in the worker (${b.seconds.toFixed(1)} s, typing into Seed meanwhile; the last band paused ${b.pausedMs.toFixed(0)} ms for the page): ${b.longTasks} long tasks, longest ${b.maxTask.toFixed(0)} ms${b.cpu ? `; traced: most CPU in one task ${b.cpu.cpuMs.toFixed(1)} ms (${b.cpu.cpuWallMs.toFixed(0)} ms wall, style recalc of ${b.cpu.styleElements} elements)` : ''}; fill() round trip (waits for a free main thread) median ${b.typingMs} ms (load ${load()})`,
      );
    }
    if (runs > 1) console.log(`runs with a task over 50 ms: ${withLongTask} of ${runs}`);
    await browser.close();
    if (ONLY_BLOCKING) return;
    console.log(`Lighthouse 12, desktop preset (load average before: ${load()})`);
    for (const p of ['/', '/simulator', '/lessons/why-initialization-matters']) {
      const lh = lighthouse(`${base}${p}`);
      console.log(`  ${p.padEnd(38)} performance ${String(lh.score).padStart(3)}  total blocking time ${lh.tbt} ms  (load ${load()})${lh.error ? `  error: ${lh.error}` : ''}`);
    }
  } finally {
    server?.kill('SIGTERM');
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
