/**
 * The public simulator (/simulator) in the production build: labelled controls drive the engine,
 * the summary tells vanishing / stable / exploding, the URL carries the config, big configs run
 * in a Web Worker with progress, and the browser's numbers are bit-identical to Node's (the page
 * renders resultDigest(result) as data-digest; this file runs lib/sim directly for comparison).
 */
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { resultDigest, simulate } from '../lib/sim/index';
import { configFromSearchParams } from '../lib/validation/sim-config-url';

const results = (page: Page) => page.getByTestId('results');
const dd = (page: Page, name: string) => page.getByLabel(name, { exact: true });

/**
 * Waits until the shown result is the finished run for the current settings: one state of the
 * results element that is at once not stale (its config is the form's), not busy (no run in
 * flight) and not a one-seed preview (the band is in). Checked as one condition, as
 * bench/ui-bench.ts does: separate checks can each pass at a different moment (e.g. "not stale"
 * on an earlier result, "not busy" before the next run has started) and let a read through early.
 */
async function settled(page: Page) {
  await expect(results(page).and(page.locator('[data-stale="false"][data-busy="false"][data-preview="false"]'))).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('Updating…')).toHaveCount(0);
}

async function openAdvanced(page: Page) {
  const summary = page.locator('summary', { hasText: 'Advanced settings' });
  const details = page.locator('details', { has: summary });
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await summary.click();
}

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

test('first paint shows real results for the default config', async ({ page }) => {
  await page.goto('/simulator');
  await expect(page.getByRole('heading', { name: 'Signal propagation simulator' })).toBeVisible();
  for (const name of ['Initialization', 'Final-layer activation std', 'Change vs input', 'Signal state', 'Recommended init', 'Match verdict']) {
    await expect(dd(page, name)).toBeVisible();
  }
  await expect(results(page)).toHaveAttribute('data-origin', 'server');
  await expect(page.getByLabel('Number of layers')).toHaveValue('12');
});

test('ReLU + He normal over 30 layers is stable', async ({ page }) => {
  await page.goto('/simulator');
  await page.getByLabel('Initialization scheme').selectOption('he-normal');
  await page.getByLabel('Activation function').selectOption('relu');
  await page.getByLabel('Number of layers').fill('30');
  await settled(page);
  await expect(dd(page, 'Signal state')).toHaveAttribute('data-value', 'stable');
  await expect(dd(page, 'Signal state')).toContainText('stable');
  await expect(dd(page, 'Match verdict')).toHaveAttribute('data-value', 'match');
});

test('ReLU + Xavier vanishes, final std far below the input', async ({ page }) => {
  await page.goto('/simulator');
  await page.getByLabel('Initialization scheme').selectOption('xavier-normal');
  await page.getByLabel('Activation function').selectOption('relu');
  await page.getByLabel('Number of layers').fill('30');
  await page.getByLabel('Input signal std').fill('1');
  await settled(page);
  await expect(dd(page, 'Signal state')).toHaveAttribute('data-value', 'vanishing');
  const ratio = Number(await dd(page, 'Change vs input').getAttribute('data-value'));
  expect(ratio).toBeLessThan(0.01);
  const finalStd = Number(await dd(page, 'Final-layer activation std').getAttribute('data-value'));
  expect(finalStd).toBeLessThan(0.01);
  await expect(dd(page, 'Match verdict')).toHaveAttribute('data-value', 'mismatch');
  await expect(dd(page, 'Recommended init')).toHaveAttribute('data-value', /he-/);
});

test('large random explodes', async ({ page }) => {
  await page.goto('/simulator');
  await page.getByRole('button', { name: /^Large random/ }).click();
  await settled(page);
  await expect(page.getByLabel('Initialization scheme')).toHaveValue('large-random');
  await expect(dd(page, 'Signal state')).toHaveAttribute('data-value', 'exploding');
  expect(Number(await dd(page, 'Change vs input').getAttribute('data-value'))).toBeGreaterThan(100);
});

test('zero init shows the symmetry problem and an empty log chart note', async ({ page }) => {
  await page.goto('/simulator');
  await page.getByRole('button', { name: /^Zero init/ }).click();
  await settled(page);
  await expect(page.getByText('Symmetry is never broken.')).toBeVisible();
  await expect(page.getByTestId('signal-chart')).toContainText('cannot be drawn on a log scale');
  await expect(page.getByTestId('gradient-chart')).toContainText('cannot be drawn on a log scale');
  await expect(page.getByTestId('signal-description')).toContainText('exactly 0');
});

test('the URL round-trips the config', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/simulator');
  await page.getByLabel('Initialization scheme').selectOption('he-uniform');
  await page.getByLabel('Activation function').selectOption('tanh');
  await page.getByLabel('Number of layers').fill('20');
  await page.getByLabel('Units per layer').fill('128');
  await page.getByLabel('Input signal std').fill('0.5');
  await openAdvanced(page);
  await page.getByLabel('Seed', { exact: true }).fill('7');
  await page.getByLabel('Normalization').selectOption('layernorm');
  // The address is written with each accepted change, so once it carries the last one the run
  // being waited for below is the final config's, not an earlier step's.
  await expect(page).toHaveURL(/layers=20/);
  await expect(page).toHaveURL(/seed=7/);
  await expect(page).toHaveURL(/layernorm/);
  await settled(page);
  // Compare what is shown (values rounded for display), not the digest: after the reload the
  // server computes the result in Node, and bit-identity across engines is its own test below.
  const shown = await results(page).innerText();

  await page.goto(page.url());
  await expect(page.getByLabel('Initialization scheme')).toHaveValue('he-uniform');
  await expect(page.getByLabel('Activation function')).toHaveValue('tanh');
  await expect(page.getByLabel('Number of layers')).toHaveValue('20');
  await expect(page.getByLabel('Units per layer')).toHaveValue('128');
  await expect(page.getByLabel('Input signal std')).toHaveValue('0.5');
  await expect(page.getByLabel('Seed', { exact: true })).toHaveValue('7');
  await expect(page.getByLabel('Normalization')).toHaveValue('layernorm');
  // The server answers the first paint only from a stored run or within a tight budget, so a
  // config it has never seen may first be computed by the browser (the page path also skips
  // computing when the pool has been slow lately, as on a loaded machine).
  await settled(page);
  await expect(results(page)).toHaveAttribute('data-origin', /server|main|worker/);
  expect(await results(page).innerText()).toBe(shown);
  // Once the run is stored (here through the runs API, the other way in), a load of the same
  // address is served from the store, with the same numbers.
  const parsed = configFromSearchParams(new URL(page.url()).searchParams);
  if (!parsed.ok) throw new Error('the address no longer parses');
  expect((await page.request.post('/api/runs', { data: { config: parsed.config } })).status()).toBe(200);
  await expect(async () => {
    await page.goto(page.url());
    await expect(results(page)).toHaveAttribute('data-origin', 'server', { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  expect(await results(page).innerText()).toBe(shown);
});

test('a bad URL falls back to the defaults with a notice naming the field', async ({ page }) => {
  await page.goto('/simulator?layers=abc&scheme=he-normal');
  const notice = page.getByTestId('url-notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('layers');
  await expect(page.getByLabel('Number of layers')).toHaveValue('12');
  await expect(dd(page, 'Signal state')).toBeVisible();

  await page.goto('/simulator?scheme=kaiming-magic');
  await expect(page.getByTestId('url-notice')).toContainText('scheme');
});

test('invalid input shows a message beside the field and keeps the last result', async ({ page }) => {
  await page.goto('/simulator');
  const digest = await results(page).getAttribute('data-digest');
  const layers = page.getByLabel('Number of layers');
  await layers.fill('0');
  await expect(layers).toHaveAttribute('aria-invalid', 'true');
  const describedBy = (await layers.getAttribute('aria-describedby'))!.split(' ');
  const error = page.locator(`[id="${describedBy[describedBy.length - 1]}"]`);
  await expect(error).toContainText('between 1 and 200');
  await expect(results(page)).toHaveAttribute('data-digest', digest!);
  await layers.fill('8');
  await expect(layers).not.toHaveAttribute('aria-invalid', 'true');
  await settled(page);
  await expect(results(page)).not.toHaveAttribute('data-digest', digest!);
});

test('the network view and the charts render, and the animation pauses', async ({ page }) => {
  await page.goto('/simulator');
  const view = page.getByTestId('network-view');
  await expect(view.locator('svg')).toBeVisible();
  expect(await view.locator('circle').count()).toBeGreaterThan(10);
  await expect(page.getByTestId('signal-description')).toContainText('after layer 12');
  await expect(page.getByTestId('signal-chart').locator('svg[data-chart]')).toBeVisible();
  await expect(page.getByTestId('gradient-chart').locator('svg[data-chart]')).toBeVisible();
  await expect(page.getByTestId('signal-chart').locator('path[data-series-line="mc"]')).toHaveAttribute('d', /^M.+L/);
  const pause = page.getByRole('button', { name: /Pause animation/ });
  await pause.click();
  await expect(page.getByRole('button', { name: /Play animation/ })).toHaveAttribute('aria-pressed', 'true');
  // Switch the chart to pre-activation RMS, and open the data table.
  await page.locator('label').filter({ hasText: /^Pre-activation z$/ }).click();
  await page.locator('label').filter({ hasText: /^RMS$/ }).click();
  await expect(page.getByRole('radio', { name: 'RMS' })).toBeChecked();
  await expect(page.getByTestId('signal-chart')).toContainText('RMS of z');
  await page.locator('summary', { hasText: 'Per-layer numbers' }).click();
  await expect(page.getByTestId('layer-table').locator('tbody tr')).toHaveCount(13);
});

test('the pulse rests after its waves, and Play runs it again', async ({ page }) => {
  await page.goto('/simulator');
  const view = page.getByTestId('network-view');
  await view.scrollIntoViewIfNeeded();
  const column = view.locator('g[data-last-column]');
  const animation = () => column.evaluate((el) => ({ name: getComputedStyle(el).animationName, count: getComputedStyle(el).animationIterationCount, state: getComputedStyle(el).animationPlayState }));
  await expect.poll(async () => (await animation()).state).toBe('running');
  // A finite number of waves, not forever.
  expect(Number((await animation()).count)).toBeGreaterThan(1);
  // Run the waves to their end at once (the Web Animations API drives CSS animations too).
  await page.evaluate(() => document.getAnimations().forEach((a) => a.finish()));
  await expect(page.getByRole('button', { name: /Play animation/ })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => (await animation()).name).toBe('none');
  await page.getByRole('button', { name: /Play animation/ }).click();
  await expect(page.getByRole('button', { name: /Pause animation/ })).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(async () => (await animation()).state).toBe('running');
  expect((await animation()).name).not.toBe('none');
  // A new result starts the waves again after they ended.
  await page.evaluate(() => document.getAnimations().forEach((a) => a.finish()));
  await expect(page.getByRole('button', { name: /Play animation/ })).toBeVisible();
  await page.getByLabel('Number of layers').fill('9');
  await expect(page.getByTestId('signal-description')).toContainText('after layer 9');
  await expect(page.getByRole('button', { name: /Pause animation/ })).toBeVisible();
});

test('reduced motion: the network view is static', async ({ browser }) => {
  const context = await browser.newContext({ reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto('/simulator');
  await expect(page.getByText('Animation off')).toBeVisible();
  await expect(page.getByRole('button', { name: /Pause animation/ })).toHaveCount(0);
  await context.close();
});

test("the browser's engine result is bit-identical to Node's", async ({ page }) => {
  await page.goto('/simulator');
  await page.getByLabel('Initialization scheme').selectOption('orthogonal');
  await page.getByLabel('Activation function').selectOption('tanh');
  await page.getByLabel('Number of layers').fill('16');
  await page.getByLabel('Units per layer').fill('96');
  await settled(page);
  await expect(results(page)).toHaveAttribute('data-origin', /main|worker/);
  const browserDigest = await results(page).getAttribute('data-digest');
  const parsed = configFromSearchParams(new URL(page.url()).searchParams);
  expect(parsed.ok).toBe(true);
  const nodeDigest = resultDigest(simulate(parsed.config, { bandSeeds: 5 }));
  expect(browserDigest).toBe(nodeDigest);
});

test('a large config runs in the worker with progress, and can be cancelled', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/simulator');
  await openAdvanced(page);
  await page.getByLabel('Samples', { exact: true }).fill('32');
  await settled(page);
  // On screen (off screen the pulse pauses anyway), so only the run in progress can hold it.
  const view = page.getByTestId('network-view');
  await view.scrollIntoViewIfNeeded();
  const column = view.locator('g[style*="--delay"]').first();
  const playState = () => column.evaluate((el) => getComputedStyle(el).animationPlayState);
  await expect.poll(playState).toBe('running');
  await page.getByLabel('Units per layer').fill('1024');
  await page.getByLabel('Number of layers').fill('100');
  await expect(page.getByTestId('sim-progress')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByLabel('Simulation progress')).toBeVisible();
  // While the worker computes, the view still shows the last result: its pulse holds still,
  // whatever the Pause button says.
  await expect.poll(playState).toBe('paused');
  await expect(view).toBeInViewport();
  await expect(page.getByRole('button', { name: /Pause animation/ })).toHaveAttribute('aria-pressed', 'false');
  // The page stays responsive while the worker runs.
  await page.getByRole('button', { name: /Pause animation/ }).click();
  await expect(results(page)).toHaveAttribute('data-origin', 'worker', { timeout: 200_000 });
  await settled(page);
  await expect(dd(page, 'Signal state')).toBeVisible();
  await expect(page.getByTestId('signal-description')).toContainText('after layer 100');

  // Cancel: start a run that is sure to be slow (He uniform samples every weight matrix of
  // 100 x 1024 x 1024) and stop it.
  await page.getByLabel('Initialization scheme').selectOption('he-uniform');
  await expect(page.getByTestId('sim-progress')).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Cancelled. The results below are for the previous settings.')).toBeVisible();
});

test('a change during a worker run stops that run in the same warm worker', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/simulator');
  // The pages are cross-origin isolated, which gives the page the shared memory it stops runs with.
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await openAdvanced(page);
  // 100 x 1024 with 32 samples: within the work bound, and a few seconds of band.
  await page.getByLabel('Samples', { exact: true }).fill('32');
  await settled(page);
  // Both engine workers exist once the page has warmed them up at idle; none is made after that.
  await expect.poll(() => page.workers().length, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
  let created = 0;
  page.on('worker', () => created++);
  const marks = (name: string) => page.evaluate((n) => performance.getEntriesByName(n).length, name);
  // Whether the band of the newest request has reported progress (it is under way).
  const bandUnderWay = () =>
    page.evaluate(() => {
      const request = performance.getEntriesByName('initlab:request').at(-1)?.startTime ?? Infinity;
      return performance.getEntriesByName('initlab:band-progress').some((m) => m.startTime > request);
    });

  await page.getByLabel('Units per layer').fill('1024');
  await page.getByLabel('Number of layers').fill('100');
  await expect(page.getByTestId('sim-progress')).toBeVisible({ timeout: 15_000 });
  await expect.poll(bandUnderWay, { timeout: 30_000, intervals: [50] }).toBe(true);
  const stopped = await marks('initlab:band-cancelled');
  await page.getByLabel('Seed', { exact: true }).fill('5');
  // The running band answered "cancelled": the engine gave it up mid-way, not at its end.
  await expect.poll(() => marks('initlab:band-cancelled'), { timeout: 10_000 }).toBe(stopped + 1);
  // While the new band computes, the page's own frames (clicks here, and drawing the band's
  // preview) make it pause (components/workers/stoppable-worker.ts: pageNeedsCore); the band
  // reports the time it waited.
  await expect.poll(bandUnderWay, { timeout: 30_000, intervals: [50] }).toBe(true);
  for (let i = 0; i < 3; i++) {
    await page.getByRole('heading', { level: 1 }).click();
    await page.waitForTimeout(100);
  }
  await settled(page);
  await expect(page).toHaveURL(/seed=5/);
  await expect(page.getByTestId('signal-description')).toContainText('after layer 100');
  expect(created, 'no worker was made (or remade) for the new run').toBe(0);
  const paused = await page.evaluate(() => (performance.getEntriesByName('initlab:band-paused').at(-1) as PerformanceMark | undefined)?.detail.ms);
  expect(paused, 'the band waited for the page while it drew').toBeGreaterThan(0);
});

test('pins: named by their settings, no duplicates, up to four, kept across a reload', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/simulator');
  await page.getByRole('button', { name: 'Pin this run' }).click();
  const pins = page.getByRole('list', { name: 'Pinned runs' });
  await expect(pins).toContainText('Pin 1: ReLU · He / Kaiming normal · 12 layers · width 256');
  // The same run cannot be pinned twice.
  await expect(page.getByRole('button', { name: 'Pin this run' })).toBeDisabled();
  await expect(page.getByText('This run is pinned already.')).toBeVisible();
  await page.getByLabel('Initialization scheme').selectOption('xavier-normal');
  await settled(page);
  await page.getByRole('button', { name: 'Pin this run' }).click();
  await expect(pins).toContainText('Pin 2: ReLU · Xavier / Glorot normal');
  // The charts take a new result a turn after the numbers (components/ui/staggered.tsx).
  await expect.poll(() => page.getByTestId('signal-chart').locator('path[data-series-line]').count()).toBeGreaterThanOrEqual(3);
  for (const layers of ['5', '6']) {
    await page.getByLabel('Number of layers').fill(layers);
    await settled(page);
    await page.getByRole('button', { name: 'Pin this run' }).click();
  }
  await expect(pins.getByRole('listitem')).toHaveCount(4);
  await page.getByLabel('Number of layers').fill('7');
  await settled(page);
  await expect(page.getByRole('button', { name: 'Pin this run' })).toBeDisabled();
  // Pin colours differ from the mean-field line's.
  const colors = await pins.getByRole('listitem').evaluateAll((els) => els.map((e) => e.getAttribute('data-pin-color')));
  const theory = await page.getByTestId('signal-chart').locator('path[data-series-line="theory"]').getAttribute('stroke');
  expect(colors).not.toContain(theory);
  expect(new Set(colors).size).toBe(4);
  await page.getByRole('button', { name: /Remove pin 1/ }).click();
  await expect(pins.getByRole('listitem')).toHaveCount(3);
  await expect(page.getByRole('button', { name: 'Pin this run' })).toBeEnabled();
  // The address keeps the pins: a reload recomputes and shows them.
  expect(new URL(page.url()).searchParams.getAll('pin')).toHaveLength(3);
  await page.reload();
  await settled(page);
  await expect(pins.getByRole('listitem')).toHaveCount(3);
  await expect(pins).toContainText('Pin 1: ReLU · Xavier / Glorot normal · 12 layers');
  await expect(pins).not.toContainText('computing', { timeout: 30_000 });
});

test('presets and finished moves are history entries: Back returns to the previous run', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/simulator');
  await page.getByRole("button", { name: /^ReLU \+ Xavier/ }).click();
  await settled(page);
  const afterPreset = page.url();
  await page.getByLabel('Number of layers').fill('20');
  await settled(page);
  await page.waitForTimeout(900);
  await page.getByLabel('Number of layers').fill('25');
  await settled(page);
  await page.goBack();
  await expect(page.getByLabel('Number of layers')).toHaveValue('20');
  await page.goBack();
  expect(page.url()).toBe(afterPreset);
  await settled(page);
  const preset = configFromSearchParams(new URL(afterPreset).searchParams).config;
  await expect(page.getByLabel('Number of layers')).toHaveValue(String(preset.layers));
  await expect(page.getByLabel('Initialization scheme')).toHaveValue(preset.scheme);
  await page.goBack();
  await expect(page.getByLabel('Initialization scheme')).toHaveValue('he-normal');
  await page.goForward();
  await expect(page.getByLabel('Initialization scheme')).toHaveValue(preset.scheme);
});

test('exports: CSV, PNG and framework code', async ({ page }) => {
  await page.goto('/simulator');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download table (CSV)' }).click()]);
  expect(csv.suggestedFilename()).toBe('initlab-layers.csv');
  const text = (await csv.createReadStream().then(async (st) => { let t = ''; for await (const c of st) t += c; return t; })) as string;
  expect(text.split('\n')[0]).toContain('He / Kaiming normal · 12 layers · width 256');
  expect(new URL(text.split('\n')[1].slice(2)).pathname).toBe('/simulator');
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download chart (PNG)' }).click()]);
  expect(png.suggestedFilename()).toBe('initlab-signal.png');
  await expect(page.getByLabel('PyTorch code')).toContainText("nn.init.kaiming_normal_(w, mode='fan_in', nonlinearity='relu')");
  await expect(page.getByLabel('PyTorch code')).toContainText('activation std');
  await page.getByRole('tab', { name: 'Keras' }).click();
  await expect(page.getByLabel('Keras code')).toContainText("distribution='untruncated_normal'");
});

test('axe finds no accessibility violations (light, dark, advanced open)', async ({ page }) => {
  // Two full scans of this page take over a minute on a busy two-core machine.
  test.setTimeout(180_000);
  await page.goto('/simulator');
  await openAdvanced(page);
  await page.locator('summary', { hasText: 'Per-layer numbers' }).click();
  // Scan a settled page: a stale result is dimmed while the band computes, and a theme switch
  // fades colours, either of which can lower contrast for a moment. (This scan failed once in
  // CI on its first try, and the log did not say which rule: the message now names them.)
  const scan = async () => {
    await settled(page);
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity));
    const { violations } = await new AxeBuilder({ page }).analyze();
    return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  };
  expect(await scan()).toEqual([]);
  await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
  expect(await scan()).toEqual([]);
});

test('readable on a 390px-wide phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/simulator');
  await expect(dd(page, 'Signal state')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  // The key results stay in view while a control is changed.
  const bar = page.getByTestId('phone-summary');
  await page.getByLabel('Number of layers').scrollIntoViewIfNeeded();
  await page.getByLabel('Number of layers').fill('40');
  await settled(page);
  await expect(bar).toBeInViewport();
  await expect(bar).toContainText(await dd(page, 'Signal state').getAttribute('data-value') as string);
  // The network view's labels are at least 11 CSS pixels tall and do not overlap.
  const labels = await page.getByTestId('network-view').locator('svg > g > text').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ left: r.left, right: r.right, height: r.height })));
  expect(labels.length).toBeGreaterThan(2);
  for (const l of labels) expect(l.height).toBeGreaterThanOrEqual(11);
  for (let i = 1; i < labels.length; i++) expect(labels[i].left).toBeGreaterThanOrEqual(labels[i - 1].right);
  // Wide screens do not show the bar.
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(bar).toBeHidden();
});
