/**
 * The engine never misleads, in the browser (issue 8) and absurd URLs never break the page
 * (issue 10, point 6): an overflowing network says so in the summary, the charts, the network
 * view and the table, never showing 0 for a value it does not have; an underflow is named; an
 * out-of-range, non-finite, malformed or repeated URL value gets the defaults and the notice.
 */
import { test, expect, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers';

const results = (page: Page) => page.getByTestId('results');
const dd = (page: Page, name: string) => page.getByLabel(name, { exact: true });

async function settled(page: Page) {
  await expect(results(page)).toHaveAttribute('data-stale', 'false', { timeout: 60_000 });
  await expect(results(page)).toHaveAttribute('data-busy', 'false', { timeout: 60_000 });
}

test('an overflowing network is exploding, names the layer, and shows no 0 for missing values', async ({ page }) => {
  // x566 per layer: the values pass 1.8e308 near layer 112.
  await page.goto('/simulator?scheme=custom&customStd=100&activation=linear&layers=150&width=32&samples=8');
  await settled(page);
  await expect(page.getByTestId('url-notice')).toHaveCount(0);
  await expect(dd(page, 'Signal state')).toHaveAttribute('data-value', 'exploding');
  await expect(dd(page, 'Final-layer activation std')).toHaveAttribute('data-value', 'overflowed');
  await expect(dd(page, 'Final-layer activation std')).toContainText('overflowed');
  await expect(dd(page, 'Change vs input')).toContainText('overflowed');
  const range = dd(page, 'Number range');
  await expect(range).toHaveAttribute('data-value', /^overflow:\d+$/);
  const layer = Number((await range.getAttribute('data-value'))!.split(':')[1]);
  expect(layer).toBeGreaterThan(100);
  expect(layer).toBeLessThan(125);
  await expect(page.getByTestId('forward-overflow-note')).toContainText(`at layer ${layer}`);
  await expect(page.getByTestId('backward-overflow-note')).toBeVisible();
  await expect(page.getByTestId('signal-description')).toContainText(`overflows the range of 64-bit numbers at layer ${layer}`);
  await expectNoAxeViolations(page);
});

test('an underflow to exactly 0 is named, not called a symmetry problem', async ({ page }) => {
  await page.goto('/simulator?scheme=custom&customStd=1e-300&activation=tanh&layers=4&width=64&samples=8');
  await settled(page);
  await expect(dd(page, 'Signal state')).toHaveAttribute('data-value', 'vanishing');
  await expect(dd(page, 'Number range')).toHaveAttribute('data-value', 'underflow:2');
  await expect(page.getByTestId('signal-description')).toContainText('underflows to exactly 0 at layer 2');
  await expect(page.getByText('Symmetry is never broken.')).toHaveCount(0);
});

test('absurd URL values get the defaults and the notice, never an error page', async ({ page, request }) => {
  const bad = [
    'layers=1e308',
    'layers=9007199254740993',
    'layers=NaN',
    'width=Infinity',
    'samples=-5',
    'layers=0x10',
    'inputStd=1e308',
    'customStd=NaN&scheme=custom',
    'layers=12&layers=1e9',
    `widths=${Array(5000).fill('8').join(',')}`,
  ];
  for (const q of bad) {
    const res = await request.get(`/simulator?${q}`);
    expect(res.status(), q).toBe(200);
  }
  await page.goto('/simulator?layers=12&layers=1e9');
  await expect(page.getByTestId('url-notice')).toContainText('more than once');
  await expect(page.getByLabel('Number of layers')).toHaveValue('12');
  await page.goto('/simulator?layers=1e308');
  await expect(page.getByTestId('url-notice')).toContainText('between 1 and 200');
  await expect(dd(page, 'Signal state')).toBeVisible();
});
