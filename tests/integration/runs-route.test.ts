/**
 * /api/runs over HTTP semantics (the route handlers called directly, on a real database): a
 * stored run as JSON, 400 for a bad config, 503 with Retry-After when the pool's queue is full,
 * 422 when a run goes over the time limit, 429 with Retry-After past an address's hourly quota of
 * new runs, 404 for an unknown id.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

// One thread and no waiting room: a second concurrent new run is refused as busy. Set before the
// app's pool is created (on first use).
process.env.ENGINE_THREADS = '1';
process.env.ENGINE_QUEUE_MAX = '0';
process.env.ENGINE_RUN_TIME_LIMIT_MS = '1500';

const { POST } = await import('@/app/api/runs/route');
const { GET } = await import('@/app/api/runs/[id]/route');
const { getEnginePool } = await import('@/lib/runs/engine-pool');
const { parseServerTiming } = await import('@/lib/http/server-timing');
const { getEnv } = await import('@/lib/env');
const { CLIENT_ADDRESS_HEADER, SERVER_MARK } = await import('@/lib/auth/client-address');

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await getEnginePool().close();
  await t?.drop();
});

const post = (body: unknown) =>
  POST(new Request('http://localhost/api/runs', { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json' } }));
const small = { scheme: 'he-normal', activation: 'relu', layers: 5, width: 32, samples: 16 };
/**
 * Admitted (estimated under twice the time limit), and it keeps the one thread busy for a few
 * hundred milliseconds (0.4 s here; 4 layers, 74 ms since uniform weights are drawn in wasm, was
 * too quick to still be running when the next request came).
 */
const slow = { scheme: 'he-uniform', activation: 'relu', layers: 20, width: 512, samples: 64 };
/** Estimated far above the limit: refused before it is queued. */
const huge = { scheme: 'he-uniform', activation: 'tanh', layers: 60, width: 512, samples: 64 };

describe('/api/runs', () => {
  it('returns the stored run, the same one twice, and reads it back by id', async () => {
    const a = await post({ config: small });
    expect(a.status).toBe(200);
    const { run } = await a.json();
    expect(run.result.layers).toHaveLength(5);
    expect(run.result.summary.signalState).toMatch(/^(vanishing|stable|exploding)$/);
    const again = await post({ config: { ...small, seed: 1 } });
    const b = await again.json();
    expect(b.run.id).toBe(run.id);
    // Server-Timing: the first request computed the run in the pool, the second only looked it up.
    const first = parseServerTiming(a.headers.get('server-timing'));
    expect(Object.keys(first)).toEqual(['parse', 'validate', 'lookup', 'quota', 'queue', 'compute', 'transfer', 'insert', 'serialize']);
    expect(first.compute).toBeGreaterThan(0);
    expect(Object.keys(parseServerTiming(again.headers.get('server-timing')))).toEqual(['parse', 'validate', 'lookup', 'serialize']);
    const byId = await GET(new Request(`http://localhost/api/runs/${run.id}`), { params: Promise.resolve({ id: run.id }) });
    expect(byId.status).toBe(200);
    expect((await byId.json()).run.configHash).toBe(run.configHash);
    const missing = await GET(new Request('http://localhost/api/runs/nope'), { params: Promise.resolve({ id: 'nope' }) });
    expect(missing.status).toBe(404);
  });

  it('answers a bad config or body with 400 and a message naming the problem', async () => {
    const bad = await post({ config: { ...small, width: 1e308 } });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/Width/);
    expect((await post('not json')).status).toBe(400);
    expect((await post({ nothing: 1 })).status).toBe(400);
    expect((await post('x'.repeat(20_000))).status).toBe(400);
  });

  it('answers 503 with Retry-After while the pool is full, then serves again', async () => {
    // The estimate scales with the speed the pool measured so far; pin it so admission is certain.
    getEnginePool().speedFactor = 1;
    const running = post({ config: slow });
    // Once the slow run holds the thread, the pool is full.
    await expect.poll(() => getEnginePool().full, { interval: 5 }).toBe(true);
    const busy = await post({ config: { ...small, seed: 99 } });
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('5');
    expect((await busy.json()).error.message).toMatch(/busy.*try again in a few seconds/i);
    // Finished, or cut off at the 1.5 s limit on a slow machine: either way an answer.
    expect([200, 422]).toContain((await running).status);
    expect((await post({ config: { ...small, seed: 99 } })).status).toBe(200);
  });

  it('answers 422 at once for a run estimated far beyond the time limit', async () => {
    const t0 = performance.now();
    const res = await post({ config: huge });
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error.code).toBe('TIMEOUT');
    expect(error.message).toMatch(/more than 2 seconds of server time/);
    expect(performance.now() - t0).toBeLessThan(500);
  });

  it("answers 429 with Retry-After once the client's address has had its hour's new runs", async () => {
    // As under scripts/serve.mjs: the server writes the socket address into one header.
    const marks = globalThis as Record<symbol, unknown>;
    marks[SERVER_MARK] = true;
    const env = getEnv();
    const saved = env.RUN_LIMIT_PER_HOUR;
    env.RUN_LIMIT_PER_HOUR = 1;
    const from = (address: string, seed: number) =>
      POST(new Request('http://localhost/api/runs', { method: 'POST', body: JSON.stringify({ config: { ...small, seed } }), headers: { 'content-type': 'application/json', [CLIENT_ADDRESS_HEADER]: address } }));
    try {
      expect((await from('203.0.113.9', 501)).status).toBe(200);
      const refused = await from('203.0.113.9', 502);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('3600');
      const { error } = await refused.json();
      expect(error.code).toBe('RATE_LIMITED');
      expect(error.message).toMatch(/Too many new runs from your network \(at most 1 an hour\)/);
      // The stored run still opens, and another client is not affected.
      expect((await from('203.0.113.9', 501)).status).toBe(200);
      expect((await from('203.0.113.10', 502)).status).toBe(200);
    } finally {
      env.RUN_LIMIT_PER_HOUR = saved;
      delete marks[SERVER_MARK];
    }
  });
});
