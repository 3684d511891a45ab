/**
 * The training page (/train) in the production build: it reads its comparison from the URL,
 * "Start training" trains every initialization in Web Workers with progress, each outcome shows as
 * labelled values ("Final loss", "Accuracy"), an overflowing run says "NaN at step k", the summary
 * quotes the run's own numbers, cancel stops a run, the simulator links here with its network, and
 * the browser's numbers are bit-identical to Node's (each card renders resultDigest(run) as
 * data-digest; this file runs lib/train directly for comparison). axe checks the page.
 */
import { test, expect, type Page } from '@playwright/test';
import { resultDigest } from '../lib/sim/index';
import { trainScheme } from '../lib/train/index';
import { formatNumber } from '../lib/format';
import { trainSpecFromSearchParams } from '../lib/validation/train-config-url';
import { expectNoAxeViolations } from './helpers';

let consoleErrors: string[] = [];
test.beforeEach(({ page }) => {
  consoleErrors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
});
test.afterEach(() => {
  expect(consoleErrors, 'no console errors').toEqual([]);
});

const status = (page: Page) => page.getByTestId('train-status');
const card = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

async function trainAndWait(page: Page) {
  await page.getByRole('button', { name: 'Start training' }).click();
  await expect(status(page)).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
}

test('trains four initializations side by side and reports each outcome', async ({ page }) => {
  const query = 'layers=12&width=64&steps=100&compare=he-normal,xavier-normal,zero,large-random';
  await page.goto(`/train?${query}`);
  await expect(page.getByRole('heading', { name: 'Train it', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Hidden layers')).toHaveValue('12');
  await expect(page.getByLabel('Initialization 3')).toHaveValue('zero');
  await expectNoAxeViolations(page);

  await trainAndWait(page);
  const spec = trainSpecFromSearchParams(new URLSearchParams(query));
  expect(spec.ok).toBe(true);
  if (!spec.ok) return;

  for (const [i, name] of ['He / Kaiming normal', 'Xavier / Glorot normal', 'Zero', 'Large random N(0, 1)'].entries()) {
    const c = card(page, name);
    await expect(c.getByLabel('Final loss', { exact: true })).toBeVisible();
    await expect(c.getByLabel('Accuracy', { exact: true })).toBeVisible();
    const run = trainScheme(spec.spec, i);
    await expect(c).toHaveAttribute('data-digest', resultDigest(run));
    if (run.final) {
      await expect(c.getByLabel('Final loss', { exact: true })).toHaveText(formatNumber(run.final.trainLoss));
    } else {
      await expect(c.getByLabel('Final loss', { exact: true })).toContainText(`NaN at step ${run.divergence!.step}`);
    }
  }
  // The overflowing and the symmetric runs are told apart in words, with the run's numbers
  // (N(0, 1) weights in 12 ReLU layers of 64 overflow in Node's run too: checked, not assumed).
  const summary = page.getByTestId('train-summary');
  const large = trainScheme(spec.spec, 3);
  expect(large.divergence).not.toBeNull();
  await expect(summary).toContainText(`Large random N(0, 1) the numbers overflowed: NaN at step ${large.divergence!.step}`);
  await expect(summary).toContainText('the symmetry was never broken');
  const he = trainScheme(spec.spec, 0);
  await expect(summary).toContainText(`to ${formatNumber(he.final!.trainLoss)} after 100 steps`);

  await expect(page.locator('.recharts-surface').first()).toBeVisible();
  await page.getByLabel('Log scale for the loss').check();
  await expect(page.getByText('Loss (log scale)')).toBeVisible();
  await page.getByText('Gradient norms as a table').click();
  await expect(page.getByRole('table')).toContainText('(output)');
  await expectNoAxeViolations(page);
  await expect(page).toHaveURL(/compare=he-normal%2Cxavier-normal%2Czero%2Clarge-random|compare=he-normal,xavier-normal,zero,large-random/);
});

test('cancel stops a running comparison', async ({ page }) => {
  await page.goto('/train?layers=40&width=256&steps=1500&batch=16&compare=he-normal');
  await page.getByRole('button', { name: 'Start training' }).click();
  await expect(status(page)).toHaveAttribute('data-status', 'running');
  await expect(page.getByRole('progressbar', { name: /He \/ Kaiming normal: training progress/ })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(status(page)).toHaveAttribute('data-status', 'cancelled');
  await expect(status(page)).toContainText('cancelled');
});

test('cancel stops the runs mid-way, and the next start reuses the same warm workers', async ({ page }) => {
  await page.goto('/train?layers=40&width=256&steps=1500&batch=16&compare=he-normal,xavier-normal');
  // The pages are cross-origin isolated, which gives the page the shared memory it stops runs with.
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await page.getByRole('button', { name: 'Start training' }).click();
  await expect(page.getByRole('progressbar', { name: /He \/ Kaiming normal: training progress/ })).toBeVisible();
  await expect.poll(() => page.workers().length).toBeGreaterThanOrEqual(1);
  let created = 0;
  page.on('worker', () => created++);
  const cancelled = () => page.evaluate(() => performance.getEntriesByName('initlab:train-cancelled').length);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(status(page)).toHaveAttribute('data-status', 'cancelled');
  // Each running worker answered "cancelled": training gave up mid-way, not at its end.
  await expect.poll(cancelled, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
  await page.getByLabel('Steps').fill('20');
  await trainAndWait(page);
  await expect(card(page, 'He / Kaiming normal').getByLabel('Final loss', { exact: true })).toBeVisible();
  expect(created, 'no worker was made (or remade) for the new comparison').toBe(0);
});

test('a bad value in the URL is named and the defaults are used', async ({ page }) => {
  await page.goto('/train?lr=0.7');
  await expect(page.getByRole('alert').filter({ hasText: 'settings could not be used' })).toContainText('learningRate');
  await expect(page.getByLabel('Hidden layers')).toHaveValue('20');
  await expect(page.getByLabel('Units per layer')).toHaveValue('64');
});

test("the simulator's Train it link opens this page with the simulator's network", async ({ page }) => {
  await page.goto('/simulator?scheme=xavier-normal&activation=tanh&layers=9&width=48');
  await page.getByRole('link', { name: /Train it/ }).click();
  await expect(page).toHaveURL(/\/train\?/);
  await expect(page.getByLabel('Initialization 1')).toHaveValue('xavier-normal');
  await expect(page.getByLabel('Activation')).toHaveValue('tanh');
  await expect(page.getByLabel('Hidden layers')).toHaveValue('9');
  await expect(page.getByLabel('Units per layer')).toHaveValue('48');
});

const DETERMINISM: string[] = [
  'layers=5&width=24&steps=40&activation=tanh&normalization=layernorm&compare=orthogonal,xavier-uniform',
  'layers=4&width=20&steps=30&dataset=digits&optimizer=adam&lr=0.003&activation=gelu&normalization=batchnorm&compare=he-uniform,truncated-normal-he',
  'layers=6&width=16&steps=40&activation=selu&residual=scaled&biasStd=0.1&optimizer=adam&lr=0.001&compare=lecun-normal,small-random',
  'layers=6&width=16&steps=40&activation=relu&residual=zero-init&compare=he-normal,orthogonal',
  'layers=6&width=16&steps=40&activation=swish&residual=scaled-2l&dataset=digits&compare=xavier-normal',
];

for (const query of DETERMINISM) {
  test(`browser and Node training agree bit for bit: ${query}`, async ({ page }) => {
    await page.goto(`/train?${query}`);
    await trainAndWait(page);
    const parsed = trainSpecFromSearchParams(new URLSearchParams(query));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const cards = page.getByTestId('train-run');
    await expect(cards).toHaveCount(parsed.spec.schemes.length);
    for (let i = 0; i < parsed.spec.schemes.length; i++) {
      await expect(cards.nth(i)).toHaveAttribute('data-digest', resultDigest(trainScheme(parsed.spec, i)));
    }
  });
}
