/**
 * The engine's worker pool: runs off the request thread, cancels a run at its time limit (even
 * one stuck in a single long layer), refuses work beyond its queue with BUSY, and keeps going.
 */
import { performance as perf } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { EnginePool } from '@/lib/runs/engine-pool';
import { trainingLossForCriterion } from '@/lib/grading/train-loss';
import { simulate } from '@/lib/sim';
import { toStoredResult } from '@/lib/runs/stored-result';
import { simConfigSchema } from '@/lib/validation/sim-config';

const small = simConfigSchema.parse({ scheme: 'he-normal', activation: 'relu', layers: 4, width: 32, samples: 16 });
/** A few microseconds of work: answered within any short limit once the thread is up. */
const tiny = simConfigSchema.parse({ scheme: 'he-normal', activation: 'relu', layers: 2, width: 8, samples: 4 });
/** Many cheap layers: the engine checks the clock between layers and stops itself. */
const manyLayers = simConfigSchema.parse({ scheme: 'he-uniform', activation: 'tanh', layers: 200, width: 256, samples: 128 });
/** One enormous materialized layer (seconds): only terminating the thread stops it. */
const oneHugeLayer = simConfigSchema.parse({ scheme: 'he-uniform', activation: 'relu', layers: 1, width: 2048, samples: 1024 });

const pools: EnginePool[] = [];
const pool = (o: { threads?: number; queueMax?: number; timeLimitMs?: number; graceMs?: number }) => {
  const p = new EnginePool({ threads: 1, queueMax: 4, timeLimitMs: 20_000, ...o });
  pools.push(p);
  return p;
};
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

/**
 * Starts the pool's thread (it compiles the engine first); under a short limit on a busy machine
 * even the small warm-up run may be cut off, which is fine here.
 */
const warm = (p: EnginePool) => p.run(small).catch((e: AppError) => expect(e.code).toBe('TIMEOUT'));

const failure = async (p: Promise<unknown>) => {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
};

describe('EnginePool', () => {
  it('returns the same stored result as the engine on this thread', async () => {
    const out = await pool({}).run(small);
    expect(out.result).toEqual(toStoredResult(simulate(small, { bandSeeds: 5 })));
    expect(out.ms).toBeGreaterThan(0);
  });

  it('trains a train-loss-below criterion on a pool thread, to the same loss as this thread', async () => {
    const criterion = { kind: 'train-loss-below', steps: 40, below: 0.6, dataset: 'spirals', optimizer: 'sgd', learningRate: 0.02 } as const;
    const net = simConfigSchema.parse({ scheme: 'he-normal', activation: 'relu', layers: 4, width: 16, samples: 16 });
    const loss = await pool({}).trainLoss(net, criterion);
    expect(loss).not.toBeNull();
    expect(loss).toBe(trainingLossForCriterion(net, criterion));
  });

  it('stops a run at its time limit between layers, reports TIMEOUT, and serves the next run', async () => {
    const p = pool({ timeLimitMs: 300 });
    await warm(p);
    const t0 = performance.now();
    const err = await failure(p.run(manyLayers));
    const elapsed = performance.now() - t0;
    expect(err.code).toBe('TIMEOUT');
    expect(err.userMessage).toMatch(/server stopped it/);
    expect(elapsed).toBeLessThan(300 + 1000);
    expect((await p.run(tiny)).result.layers).toHaveLength(2);
  });

  it('terminates a thread stuck in one long layer a little after the limit', async () => {
    // A short grace, far below the layer's time on any machine (4e9 multiply-adds).
    const p = pool({ timeLimitMs: 200, graceMs: 100 });
    await warm(p);
    const t0 = performance.now();
    const err = await failure(p.run(oneHugeLayer));
    const elapsed = performance.now() - t0;
    expect(err.code).toBe('TIMEOUT');
    expect(err.message).toMatch(/terminated/);
    expect(elapsed).toBeGreaterThan(300);
    expect(elapsed).toBeLessThan(300 + 1500);
    expect((await p.run(tiny)).result.layers).toHaveLength(2);
  });

  it('refuses runs beyond the queue with BUSY at once, and runs the admitted ones', async () => {
    const p = pool({ queueMax: 1, timeLimitMs: 400 });
    await warm(p);
    let firstSettled = false;
    const first = p
      .run(manyLayers)
      .catch((e: AppError) => e.code)
      .finally(() => (firstSettled = true)); // running
    await new Promise((r) => setTimeout(r, 50));
    const second = p.run(tiny); // waits in the queue
    const third = await failure(p.run(small));
    expect(third.code).toBe('BUSY');
    expect(third.userMessage).toMatch(/busy.*try again in a few seconds/i);
    // At once: refused while the first run still holds the thread, not after waiting for a turn.
    // (An ordering, not a wall-clock bound, which on a loaded machine measures the scheduler.)
    expect(firstSettled).toBe(false);
    expect(await first).toBe('TIMEOUT');
    expect((await second).result.layers).toHaveLength(2);
  });

  // Wall-clock event-loop delay on a shared, loaded machine mostly measures the OS scheduler, so
  // the test checks the loop's own busy fraction (an engine run on this thread would be ~1); the
  // bench reports the delay percentiles.
  it('leaves this thread idle while the engine works', async () => {
    const p = pool({});
    await p.run(small);
    const config = simConfigSchema.parse({ scheme: 'he-normal', activation: 'gelu', layers: 40, width: 512, samples: 128 });
    const before = perf.eventLoopUtilization();
    const t0 = performance.now();
    await p.run(config);
    const elapsed = performance.now() - t0;
    const elu = perf.eventLoopUtilization(before);
    expect(elapsed).toBeGreaterThan(200);
    expect(elu.utilization).toBeLessThan(0.1);
    // The same run here, for contrast: the loop is busy throughout.
    const b2 = perf.eventLoopUtilization();
    await new Promise((r) => setTimeout(r, 0));
    simulate(config, { bandSeeds: 5 });
    await new Promise((r) => setTimeout(r, 0));
    expect(perf.eventLoopUtilization(b2).utilization).toBeGreaterThan(0.5);
  });
});
