/**
 * A burst of expensive simulator addresses (each a different large network) and of expensive run
 * requests leaves the production server responsive: the pages come back at once as a shell (the
 * browser computes), run requests are queued or refused with 503 + Retry-After (never a hang or a
 * 5xx error page), and a health probe and a cheap page keep answering meanwhile.
 */
import { expect, test } from '@playwright/test';
import { configToSearchParams } from '../lib/validation/sim-config-url';

test('a burst of expensive simulator URLs leaves the server responsive', async ({ request, page }) => {
  test.setTimeout(180_000);
  const urls = Array.from({ length: 24 }, (_, i) => `/simulator?${configToSearchParams({ scheme: 'he-uniform', activation: 'gelu', layers: 200, width: 512, samples: 64, seed: 500 + i }).toString()}`);
  // Expensive but admitted by the pool (about a second or more each): they queue up.
  const runs = Array.from({ length: 6 }, (_, i) => ({ scheme: 'he-uniform', activation: 'tanh', layers: 10, width: 384, samples: 64, seed: 700 + i }));

  const health: number[] = [];
  let probing = true;
  const probe = (async () => {
    while (probing) {
      const t0 = Date.now();
      const res = await request.get('/api/health');
      expect(res.status()).toBe(200);
      health.push(Date.now() - t0);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();

  const t0 = Date.now();
  const [pages, runResponses] = await Promise.all([
    Promise.all(urls.map((u) => request.get(u))),
    Promise.all(runs.map((config) => request.post('/api/runs', { data: { config } }))),
  ]);
  const burstMs = Date.now() - t0;
  probing = false;
  await probe;

  for (const res of pages) {
    expect(res.status()).toBe(200);
    expect(await res.text()).toContain('Signal propagation simulator');
  }
  for (const res of runResponses) {
    expect([200, 503]).toContain(res.status());
    if (res.status() === 503) expect(res.headers()['retry-after']).toBe('5');
  }
  // Pages never waited for the engine: the whole burst of 24 is answered quickly.
  expect(burstMs).toBeLessThan(60_000);
  expect(health.length).toBeGreaterThan(0);
  health.sort((a, b) => a - b);
  expect(health[Math.floor(health.length * 0.95)]).toBeLessThan(1000);

  // In a browser, such an address shows the page and computes the result itself.
  await page.goto(urls[0].replace('layers=200', 'layers=30').replace('width=512', 'width=128'));
  await expect(page.getByRole('heading', { name: 'Signal propagation simulator' })).toBeVisible();
  await expect(page.getByTestId('results')).toHaveAttribute('data-origin', /server|main|worker/, { timeout: 60_000 });
});
