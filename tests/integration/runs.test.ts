/** The run store on a real database: one row per (engine version, config), computed once. */
import { describeSummary } from '../../lib/present/summary-words';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EnginePool } from '@/lib/runs/engine-pool';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

import { getDb } from '@/lib/db';
import { getOrCreateRun, getRunById, getRunWithinBudget } from '@/lib/data/runs';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { presentRun, presentSummary } from '@/lib/present/run-summary';
import { insertRun, toStoredRun } from '@/lib/runs/store';
import { toStoredResult } from '@/lib/runs/stored-result';
import { ENGINE_VERSION, simulate } from '@/lib/sim';
import { simConfigSchema } from '@/lib/validation/sim-config';

/** Every computation goes through the pool; counting its runs counts the computations. */
const poolRuns = vi.spyOn(EnginePool.prototype, 'run');
const computeCalls = { get count() { return poolRuns.mock.calls.length; } };

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.drop());

const small = { scheme: 'xavier-normal', activation: 'tanh', layers: 6, width: 32, samples: 16 } as const;

describe('getOrCreateRun', () => {
  it('stores a config once and returns the same run for every equivalent spelling of it', async () => {
    const db = await getDb();
    const before = computeCalls.count;
    const a = await getOrCreateRun(small);
    const b = await getOrCreateRun({ ...small, seed: 1, fanMode: 'auto', widths: [32, 32, 32, 32, 32, 32] });
    const c = await getOrCreateRun(simConfigSchema.parse(small));
    expect(b.id).toBe(a.id);
    expect(c.id).toBe(a.id);
    expect(computeCalls.count - before).toBe(1);
    expect(a.engineVersion).toBe(ENGINE_VERSION);
    expect(a.configHash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.config).toEqual(simConfigSchema.parse(small));
    expect(await db.run.count({ where: { configHash: a.configHash } })).toBe(1);
  });

  it('keeps a different seed as a different run', async () => {
    const a = await getOrCreateRun(small);
    const other = await getOrCreateRun({ ...small, seed: 2 });
    expect(other.id).not.toBe(a.id);
    expect(other.config.seed).toBe(2);
  });

  it('computes a new config once when many requests ask for it at the same time', async () => {
    const db = await getDb();
    const config = { ...small, seed: 77 };
    const before = computeCalls.count;
    const runs = await Promise.all(Array.from({ length: 8 }, () => getOrCreateRun(config)));
    expect(new Set(runs.map((r) => r.id)).size).toBe(1);
    expect(computeCalls.count - before).toBe(1);
    expect(await db.run.count({ where: { configHash: runs[0].configHash } })).toBe(1);
  });

  it('stores the numbers the engine computes for that config', async () => {
    const run = await getOrCreateRun(small);
    const direct = simulate(simConfigSchema.parse(small), { bandSeeds: run.result.bandSeeds });
    expect(run.result.layers).toHaveLength(6);
    expect(run.result.summary.finalStd).toBe(direct.summary.finalStd);
    expect(run.result.summary.signalState).toBe(direct.summary.signalState);
    expect(run.result.layers.map((l) => l.post?.std)).toEqual(direct.layers.map((l) => l.post?.std));
    expect(run.result.layers.map((l) => l.gradientNorm)).toEqual(direct.layers.map((l) => l.gradientNorm));
    expect(run.result.layers.map((l) => l.theory.preStd)).toEqual(direct.layers.map((l) => l.theory.preStd));
    expect(run.result.layers.map((l) => l.band.postStd)).toEqual(direct.layers.map((l) => l.band.postStd));
    expect(run.result.histograms?.[0]?.pre.counts).toEqual(direct.layers[0].histogram?.pre.counts);
  });

  it('stores no prose: every string in the stored result is a code', async () => {
    const run = await getOrCreateRun(small);
    const strings: string[] = [];
    const walk = (v: unknown) => {
      if (typeof v === 'string') strings.push(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(run.result);
    expect(strings.length).toBeGreaterThan(0);
    for (const s of strings) expect(s).toMatch(/^[a-z][a-z0-9-]*$/);
  });

  it('stores an overflowing run with nulls where the engine has non-finite numbers', async () => {
    const run = await getOrCreateRun({ scheme: 'custom', customStd: 100, activation: 'linear', layers: 200, width: 256, samples: 8 });
    expect(run.result.summary.signalState).toBe('exploding');
    expect(run.result.summary.overflowLayer).toBeGreaterThan(1);
    const first = run.result.layers[run.result.summary.overflowLayer! - 1];
    expect(first.pre).toBeNull();
    expect(first.post).toBeNull();
    expect(run.result.layers.at(-1)!.post).toBeNull();
    expect(run.result.summary.finalStd).toBeNull();
    expect(run.result.histograms?.[run.result.summary.overflowLayer! - 1]).toBeNull();
    expect(run.result.layers[0].pre!.std).toBeGreaterThan(0);
    const back = await getRunById(run.id);
    expect(back?.result.summary.overflowLayer).toBe(run.result.summary.overflowLayer);
  });

  it('refuses a bad config with a clear message and stores nothing', async () => {
    const db = await getDb();
    const before = await db.run.count();
    const err = await getOrCreateRun({ ...small, layers: -3 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('VALIDATION');
    expect((err as AppError).userMessage).toMatch(/Layers must be .*between 1 and 200/);
    expect(await getOrCreateRun('not a config').catch((e: AppError) => e.code)).toBe('VALIDATION');
    expect(await db.run.count()).toBe(before);
  });
});

describe('insertRun', () => {
  it('returns exactly what the row holds, and the stored row when the key is already taken', async () => {
    const db = await getDb();
    const config = simConfigSchema.parse({ ...small, seed: 6161 });
    const first = toStoredResult(simulate(config, { bandSeeds: 3 }));
    const run = await insertRun(db, config, first);
    expect(run.id).toMatch(/^[a-z0-9]{20,40}$/); // the shape every row id has (lib/validation idSchema)
    const row = toStoredRun(await db.run.findUniqueOrThrow({ where: { id: run.id } }));
    // What a client receives (JSON) is the same from the insert's return value and from the row.
    expect(JSON.parse(JSON.stringify(run))).toEqual(JSON.parse(JSON.stringify(row)));
    expect(row.result.layers.map((l) => l.band.postStd)).toEqual(first.layers.map((l) => l.band.postStd));
    expect(row.result.histograms?.[2]?.post.counts).toEqual(first.histograms?.[2]?.post.counts);
    expect(row.result.bandSeeds).toBe(3);

    // Same key again (another process got there first): the stored row, not the new numbers.
    const again = await insertRun(db, config, toStoredResult(simulate(config, { bandSeeds: 1 })));
    expect(again.id).toBe(run.id);
    expect(again.result.bandSeeds).toBe(3);
    expect(await db.run.count({ where: { configHash: run.configHash } })).toBe(1);
  });

  it('stores a result kept without histograms as a null column', async () => {
    const db = await getDb();
    const config = simConfigSchema.parse({ ...small, seed: 6262 });
    const run = await insertRun(db, config, toStoredResult(simulate(config, { bandSeeds: 2 }), { histograms: false }));
    expect(run.result.histograms).toBeNull();
    expect((await db.run.findUniqueOrThrow({ where: { id: run.id } })).histograms).toBeNull();
  });
});

describe('getRunById and the presenter', () => {
  it('reads a stored run back, and null for an unknown id', async () => {
    const run = await getOrCreateRun(small);
    expect(await getRunById(run.id)).toEqual(run);
    expect(await getRunById('nope')).toBeNull();
  });

  it("rebuilds the engine's own summary, sentences included, from the stored codes", async () => {
    const run = await getOrCreateRun(small);
    const direct = simulate(run.config, { bandSeeds: run.result.bandSeeds });
    expect(presentSummary(run.config, run.result.summary)).toEqual(direct.summary);
    const shown = presentRun(run);
    expect(describeSummary(shown.summary, run.config).verdictText).toBe(describeSummary(direct.summary, direct.config).verdictText);
    expect(shown.layers).toEqual(direct.layers);
  });
});

describe('getRunWithinBudget (the simulator page)', () => {
  const budget = { budgetMs: 50, computeMaxMs: 1500, address: null };

  it('answers a stored config from the store', async () => {
    const run = await getOrCreateRun(small);
    expect((await getRunWithinBudget(simConfigSchema.parse(small), budget))?.id).toBe(run.id);
  });

  it('starts no work for a config too expensive for the server, and stores nothing', async () => {
    const db = await getDb();
    const before = computeCalls.count;
    const rows = await db.run.count();
    const big = simConfigSchema.parse({ scheme: 'he-uniform', activation: 'tanh', layers: 60, width: 512, samples: 64 });
    const t0 = performance.now();
    expect(await getRunWithinBudget(big, budget)).toBeNull();
    expect(performance.now() - t0).toBeLessThan(500);
    expect(computeCalls.count).toBe(before);
    expect(await db.run.count()).toBe(rows);
  });

  it('stores a new small config for the next visitor, even when it misses the budget', async () => {
    const db = await getDb();
    const config = simConfigSchema.parse({ ...small, seed: 4242 });
    const first = await getRunWithinBudget(config, { budgetMs: 0, computeMaxMs: 1500, address: null });
    expect(first).toBeNull();
    await expect.poll(async () => (await getRunWithinBudget(config, budget))?.config.seed, { timeout: 30_000 }).toBe(4242);
    expect(await db.run.count({ where: { config: { path: ['seed'], equals: 4242 } } })).toBe(1);
  });
});

describe('the quota on new runs from the public entry points', () => {
  /** Runs the body with RUN_LIMIT_PER_HOUR set to `max`. */
  async function withLimit(max: number, body: () => Promise<void>) {
    const env = getEnv();
    const saved = env.RUN_LIMIT_PER_HOUR;
    env.RUN_LIMIT_PER_HOUR = max;
    try {
      await body();
    } finally {
      env.RUN_LIMIT_PER_HOUR = saved;
    }
  }
  const seeded = (seed: number) => ({ ...small, seed });
  const code = (p: Promise<unknown>) => p.then(() => 'ok', (e) => (e instanceof AppError ? e.code : String(e)));

  it('counts only runs the server computes, per address, and refuses the rest with nothing computed or stored', async () => {
    await withLimit(2, async () => {
      const db = await getDb();
      const me = { address: '198.51.100.40' };
      expect(await code(getOrCreateRun(seeded(7001), undefined, me))).toBe('ok');
      expect(await code(getOrCreateRun(seeded(7002), undefined, me))).toBe('ok');
      // Stored runs are not counted: the same configs again still open.
      expect(await code(getOrCreateRun(seeded(7001), undefined, me))).toBe('ok');
      const before = computeCalls.count;
      const rows = await db.run.count();
      const refused = await getOrCreateRun(seeded(7003), undefined, me).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(AppError);
      expect((refused as AppError).code).toBe('RATE_LIMITED');
      expect((refused as AppError).userMessage).toMatch(/at most 2 an hour.*please wait 60 minutes/);
      expect((refused as AppError).retryAfterSeconds).toBe(3600);
      expect(computeCalls.count).toBe(before);
      expect(await db.run.count()).toBe(rows);
      // Another address, an unknown address, and a signed-in action (no quota) go on.
      expect(await code(getOrCreateRun(seeded(7003), undefined, { address: '198.51.100.41' }))).toBe('ok');
      expect(await code(getOrCreateRun(seeded(7004), undefined, { address: null }))).toBe('ok');
      expect(await code(getOrCreateRun(seeded(7005)))).toBe('ok');
    });
  });

  it('gives the simulator page no server run over the quota, and starts no work', async () => {
    await withLimit(1, async () => {
      const page = { budgetMs: 5000, computeMaxMs: 1500, address: '198.51.100.42' };
      expect((await getRunWithinBudget(simConfigSchema.parse(seeded(7101)), page))?.config.seed).toBe(7101);
      const before = computeCalls.count;
      expect(await getRunWithinBudget(simConfigSchema.parse(seeded(7102)), page)).toBeNull();
      expect(computeCalls.count).toBe(before);
      // A stored run still comes back at once.
      expect((await getRunWithinBudget(simConfigSchema.parse(seeded(7101)), page))?.config.seed).toBe(7101);
    });
  });
});
