/**
 * The engine gives bit-identical results in Chromium and in Node (a product requirement; V8's
 * Math.exp/log/tanh/cos differ between the two in the last bit, which lib/sim/exact-math.ts
 * avoids). For configs covering every activation, every scheme family (orthogonal and truncated
 * normal included), both paths, LayerNorm/BatchNorm, residual connections, bias and per-layer
 * widths, the page computes the result in the browser and we compare its data-digest with
 * resultDigest(simulate(config)) computed here in Node.
 *
 * A URL opens with the server's (Node's) result, so each case then changes the seed in the page:
 * the shown result is the browser's own (data-origin main or worker), and we wait for the full
 * band (data-preview false) so both sides digest the same five-seed result.
 */
import { test, expect, type Page } from '@playwright/test';
import { resultDigest, simulate } from '../lib/sim/index';
import { configFromSearchParams } from '../lib/validation/sim-config-url';

const results = (page: Page) => page.getByTestId('results');

async function openAdvanced(page: Page) {
  const summary = page.locator('summary', { hasText: 'Advanced settings' });
  const details = page.locator('details', { has: summary });
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await summary.click();
}

const CASES: Record<string, string>[] = [
  { scheme: 'xavier-normal', activation: 'tanh', layers: '10', width: '64' },
  { scheme: 'truncated-normal-xavier', activation: 'sigmoid', layers: '8', width: '48', biasStd: '0.1' },
  { scheme: 'he-uniform', activation: 'gelu', layers: '8', width: '64', normalization: 'layernorm' },
  { scheme: 'lecun-normal', activation: 'selu', layers: '12', width: '80', normalization: 'batchnorm' },
  { scheme: 'orthogonal', activation: 'swish', layers: '10', width: '64', residual: 'plain' },
  { scheme: 'truncated-normal-he', activation: 'leaky-relu', activationParam: '0.2', layers: '6', width: '40', widths: '40,72,24,56,40,40' },
  { scheme: 'orthogonal', activation: 'tanh', layers: '9', width: '64', gain: 'activation', widths: '96,64,32,64,64,64,64,64,64', residual: 'scaled' },
  { scheme: 'he-normal', activation: 'relu', layers: '20', width: '128', samples: '32' },
  { scheme: 'large-random', activation: 'tanh', layers: '6', width: '50', fanMode: 'fan_out' },
  { scheme: 'xavier-uniform', activation: 'linear', layers: '5', width: '30', inputStd: '2' },
];

for (const [i, params] of CASES.entries()) {
  const label = `${params.scheme} + ${params.activation}${params.normalization ? ` + ${params.normalization}` : ''}${params.residual ? ` + residual ${params.residual}` : ''}`;
  test(`browser and Node engines agree bit for bit: ${label}`, async ({ page }) => {
    await page.goto(`/simulator?${new URLSearchParams(params).toString()}`);
    await openAdvanced(page);
    await page.getByLabel('Seed', { exact: true }).fill(String(100 + i));
    await expect(page).toHaveURL(new RegExp(`seed=${100 + i}`));
    await expect(results(page)).toHaveAttribute('data-origin', /main|worker/, { timeout: 60_000 });
    await expect(results(page)).toHaveAttribute('data-stale', 'false', { timeout: 60_000 });
    await expect(results(page)).toHaveAttribute('data-busy', 'false', { timeout: 60_000 });
    await expect(results(page)).toHaveAttribute('data-preview', 'false', { timeout: 60_000 });
    const browserDigest = await results(page).getAttribute('data-digest');
    const parsed = configFromSearchParams(new URL(page.url()).searchParams);
    expect(parsed.ok).toBe(true);
    expect(parsed.config.seed).toBe(100 + i);
    expect(parsed.config.scheme).toBe(params.scheme);
    expect(browserDigest).toBe(resultDigest(simulate(parsed.config, { bandSeeds: 5 })));
  });
}
