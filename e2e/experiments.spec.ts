/**
 * Saved experiments, comparisons and share links in the production build: save two runs from the
 * simulator, find one by search, compare both, share one, open the link signed out, fork it as
 * another user, revoke it and get the 404; a signed-out save that finishes after sign-in; Copy
 * link; someone else's experiment is a 404.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, PASSWORD, signIn, signOut, signUp, uniqueEmail } from './helpers';
import { dbAvailable, enroll, newId, seedCourse, seedUser, sql } from './helpers/db';

const SMALL = 'activation=relu&layers=6&width=32&samples=16';

async function saveRun(page: Page, query: string, title: string, notes: string, tags: string) {
  await page.goto(`/simulator?${query}`);
  await expect(page.getByTestId('results')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Save experiment' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByLabel('Notes').fill(notes);
  await dialog.getByLabel('Tags').fill(tags);
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `Saved “${title}”` })).toBeVisible();
  await expect(dialog).toBeHidden();
}

let consoleErrors: string[] = [];
test.beforeEach(({ page }) => {
  consoleErrors = [];
  page.on('pageerror', (e) => consoleErrors.push(e.message));
});
test.afterEach(() => {
  expect(consoleErrors, 'no uncaught page errors').toEqual([]);
});

test('save two runs, search, compare, share, open signed out, fork as another user, revoke', async ({ page, browser }) => {
  // Three browser contexts and a dozen pages: longer than the default minute on a shared machine.
  test.setTimeout(180_000);
  await signUp(page, { name: 'Ada Owner' });
  await saveRun(page, `scheme=he-normal&${SMALL}`, 'He baseline', 'The **stable** one.', 'baseline, relu');
  await saveRun(page, `scheme=xavier-normal&${SMALL}`, 'Xavier shrinking', 'Watch it fade.', 'relu');

  // Search finds one by its tag; the other is gone from the list.
  await page.goto('/experiments');
  await expect(page.getByTestId('experiment-count')).toContainText('2 experiments');
  await page.getByLabel('Search experiments').fill('baseline');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/q=baseline/);
  const list = page.getByTestId('experiment-list');
  await expect(list.getByRole('link', { name: 'He baseline' })).toBeVisible();
  await expect(list.getByRole('link', { name: 'Xavier shrinking' })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Compare both: titles in the chart legend, only the scheme in the differing-parameters table.
  await page.goto('/experiments');
  await page.getByLabel('He baseline').check();
  await page.getByLabel('Xavier shrinking').check();
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page).toHaveURL(/\/experiments\/compare\?e=/);
  const legend = page.getByTestId('compare-chart').getByRole('list', { name: 'Legend' });
  await expect(legend).toContainText('He baseline');
  await expect(legend).toContainText('Xavier shrinking');
  const params = page.getByTestId('compare-params');
  await expect(params.locator('tbody tr')).toHaveCount(1);
  const schemeRow = params.locator('tbody tr', { hasText: 'scheme' });
  await expect(schemeRow).toContainText('he-normal');
  await expect(schemeRow).toContainText('xavier-normal');
  await page.getByRole('switch', { name: 'Show all parameters' }).check();
  await expect(params.getByRole('rowheader', { name: /^Activation\s*activation$/ })).toBeVisible();
  expect(await params.locator('tbody tr').count()).toBeGreaterThan(10);
  await expectNoAxeViolations(page);

  // Share the first one.
  await page.goto('/experiments');
  await page.getByRole('link', { name: 'He baseline' }).click();
  await expect(page.getByRole('heading', { name: 'He baseline', level: 1 })).toBeVisible();
  await expect(page.getByTestId('run-provenance')).toContainText('by engine');
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const field = page.getByLabel('Share link');
  await expect(field).toHaveValue(/\/share\/[A-Za-z0-9_-]{43}$/);
  const shareUrl = await field.inputValue();
  await expect(page.getByTestId('active-links').getByRole('listitem')).toHaveCount(1);
  await expectNoAxeViolations(page);

  // A fresh, signed-out browser sees the snapshot, with its preview image.
  const visitor = await browser.newContext();
  const anon = await visitor.newPage();
  const first = await anon.goto(shareUrl);
  expect(first?.status()).toBe(200);
  await expect(anon.getByRole('heading', { name: 'He baseline', level: 1 })).toBeVisible();
  await expect(anon.locator('strong', { hasText: 'stable' })).toBeVisible();
  await expect(anon.getByLabel('Signal state', { exact: true })).toHaveAttribute('data-value', 'stable');
  await expect(anon.getByRole('link', { name: 'Open in the simulator' })).toHaveAttribute('href', /scheme=he-normal/);
  await expect(anon.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
  const ogImage = await anon.locator('meta[property="og:image"]').getAttribute('content');
  expect(ogImage).toContain('/opengraph-image');
  const image = await anon.request.get(ogImage!);
  expect(image.status()).toBe(200);
  expect(image.headers()['content-type']).toBe('image/png');
  expect((await image.body()).length).toBeGreaterThan(5000);
  await expectNoAxeViolations(anon);

  // Another user forks it into their own experiments.
  const otherCtx = await browser.newContext();
  const other = await otherCtx.newPage();
  await signUp(other, { name: 'Bea Forker' });
  await other.goto(shareUrl);
  await other.getByRole('button', { name: 'Fork' }).click();
  await expect(other).toHaveURL(/\/experiments\/[a-z0-9]+$/);
  await expect(other.getByRole('heading', { name: 'He baseline (fork)', level: 1 })).toBeVisible();
  await expect(other.getByText('Forked from a shared or since-deleted experiment.')).toBeVisible();
  await other.goto('/experiments');
  await expect(other.getByTestId('experiment-count')).toContainText('1 experiment');

  // Revoked: the same 404 as a token that never existed.
  await page.getByRole('button', { name: 'Revoke' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link revoked' })).toBeVisible();
  await expect(page.getByText('No active links.')).toBeVisible();
  const gone = await anon.goto(shareUrl);
  expect(gone?.status()).toBe(404);
  await expect(anon.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  const goneBody = await anon.locator('main').innerText();
  const madeUp = await anon.goto(`/share/${'x'.repeat(43)}`);
  expect(madeUp?.status()).toBe(404);
  expect(await anon.locator('main').innerText()).toBe(goneBody);
  expect((await anon.request.get(ogImage!)).status()).toBe(404);

  // Someone else's experiment is a 404 too.
  await other.goto(new URL(page.url()).pathname);
  await expect(other.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await visitor.close();
  await otherCtx.close();
});

test('a signed-out visitor who saves is sent to sign in and comes back to the same run, saved', async ({ page }) => {
  const email = uniqueEmail('saver');
  await signUp(page, { email });
  await signOut(page);

  const query = `scheme=lecun-normal&activation=selu&layers=5&width=24&samples=16&seed=3`;
  await page.goto(`/simulator?${query}`);
  await page.getByRole('button', { name: 'Save experiment' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Title').fill('SELU before sign-in');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await signIn(page, email);
  await expect(page).toHaveURL(/\/simulator\?.*scheme=lecun-normal/);
  await expect(page.getByRole('status').filter({ hasText: 'Saved “SELU before sign-in”' })).toBeVisible();
  expect(page.url()).not.toContain('resume=');
  await expect(page.getByLabel('Number of layers')).toHaveValue('5');

  await page.goto('/experiments');
  await expect(page.getByRole('link', { name: 'SELU before sign-in' })).toBeVisible();
  await expect(page.getByTestId('experiment-list')).toContainText('selu');
});

test('Copy link puts the address of the current run on the clipboard and says so', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`/simulator?scheme=orthogonal&${SMALL}`);
  // The link is the settings, so it does not wait for the numbers.
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const url = new URL(copied);
  expect(url.pathname).toBe('/simulator');
  expect(url.searchParams.get('scheme')).toBe('orthogonal');
  expect(url.searchParams.get('layers')).toBe('6');
});

test('a pinned run can be saved as an experiment', async ({ page }) => {
  await signUp(page);
  await page.goto(`/simulator?scheme=he-normal&${SMALL}`);
  await expect(page.getByTestId('results')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Pin this run' }).click();
  await page.getByLabel('Number of layers').fill('9');
  await expect(page.getByTestId('results')).toHaveAttribute('data-stale', 'false', { timeout: 60_000 });
  await page.getByRole('button', { name: /Save pin 1/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading')).toContainText('pin 1');
  await dialog.getByLabel('Title').fill('Pinned six layers');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved “Pinned six layers”' })).toBeVisible();
  await page.getByRole('link', { name: 'Open the experiment' }).click();
  await expect(page.getByRole('heading', { name: 'Pinned six layers', level: 1 })).toBeVisible();
  await expect(page.getByText('layers', { exact: true }).locator('xpath=following-sibling::dd[1]')).toHaveText('6');
});

test.describe('with direct database access', () => {
  test.skip(!dbAvailable(), 'needs the e2e database on a PostgreSQL server (DATABASE_URL) for fixtures');

  test('a run made by an older engine is flagged and re-run with the current one, keeping the old', async ({ page }) => {
    const { email } = await signUp(page);
    await saveRun(page, `scheme=he-normal&${SMALL}&seed=5`, 'Before the upgrade', '', '');
    // Pretend this run came from an older engine: same config, an older version label.
    const [exp] = await sql<{ id: string; runId: string }>(
      `SELECT e.id, e."runId" FROM "Experiment" e JOIN "User" u ON u.id = e."ownerId" WHERE u.email = $1 AND e.title = $2`,
      [email, 'Before the upgrade'],
    );
    const oldRun = newId();
    await sql(
      `INSERT INTO "Run" (id, "engineVersion", "configHash", config, path, "bandSeeds", input, summary, layers, histograms)
       SELECT $1, '0.9.0', 'legacy:' || $1, config, path, "bandSeeds", input, summary, layers, histograms FROM "Run" WHERE id = $2`,
      [oldRun, exp.runId],
    );
    await sql(`UPDATE "Experiment" SET "runId" = $1 WHERE id = $2`, [oldRun, exp.id]);

    await page.goto(`/experiments/${exp.id}`);
    await expect(page.getByTestId('run-provenance')).toHaveAttribute('data-engine', '0.9.0');
    await expect(page.getByRole('note').filter({ hasText: 'Made by an older engine' })).toBeVisible();
    await page.getByRole('button', { name: 'Re-run with the current engine' }).click();
    await expect(page).not.toHaveURL(new RegExp(`${exp.id}$`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Before the upgrade (engine ');
    await expect(page.getByTestId('run-provenance')).not.toHaveAttribute('data-engine', '0.9.0');
    await expect(page.getByRole('note').filter({ hasText: 'Made by an older engine' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Before the upgrade', exact: true })).toHaveAttribute('href', `/experiments/${exp.id}`);
    const [kept] = await sql<{ runId: string }>(`SELECT "runId" FROM "Experiment" WHERE id = $1`, [exp.id]);
    expect(kept.runId).toBe(oldRun);
  });

  test("an instructor compares submissions of their own course; another instructor gets a 404", async ({ page, browser, request }) => {
    const teacher = await seedUser('INSTRUCTOR', 'Tess Teacher', PASSWORD);
    const course = await seedCourse(teacher.id, 'Compare course');
    const assignmentId = newId();
    await sql(
      `INSERT INTO "Assignment" (id, "courseId", title, prompt, "baseConfig", "editableFields", criteria, "updatedAt")
       VALUES ($1, $2, 'Hold the signal', 'Pick a scheme', $3::jsonb, ARRAY['scheme'], '[]'::jsonb, now())`,
      [assignmentId, course.id, JSON.stringify({ scheme: 'he-normal', activation: 'relu', layers: 6, width: 32, samples: 16 })],
    );
    const subs: string[] = [];
    for (const [name, scheme] of [['Sam Student', 'he-normal'], ['Kim Student', 'xavier-normal']] as const) {
      const student = await seedUser('STUDENT', name, PASSWORD);
      await enroll(course.id, student.id); // the exercise page names enrolled students only
      const res = await request.post('/api/runs', { data: { config: { scheme, activation: 'relu', layers: 6, width: 32, samples: 16 } } });
      expect(res.status()).toBe(200);
      const { run } = (await res.json()) as { run: { id: string } };
      const id = newId();
      await sql(
        `INSERT INTO "Submission" (id, "assignmentId", "studentId", attempt, "runId", "criteriaResults", passed, score)
         VALUES ($1, $2, $3, 1, $4, '[]'::jsonb, true, 100)`,
        [id, assignmentId, student.id, run.id],
      );
      subs.push(id);
    }
    const url = `/experiments/compare?s=${subs[0]}&s=${subs[1]}`;

    await page.goto('/sign-in');
    await signIn(page, teacher.email);
    await expect(page).toHaveURL('/dashboard');
    // From the exercise's list of submissions: tick two, compare.
    await page.goto(`/instructor/exercises/${assignmentId}`);
    await page.getByRole('checkbox', { name: 'Compare Sam Student, attempt 1' }).check();
    await page.getByRole('checkbox', { name: 'Compare Kim Student, attempt 1' }).check();
    await page.getByRole('button', { name: 'Compare selected' }).click();
    await expect(page).toHaveURL(/\/experiments\/compare\?s=/);
    expect(new URL(page.url()).searchParams.getAll('s').sort()).toEqual([...subs].sort());
    const legend = page.getByTestId('compare-chart').getByRole('list', { name: 'Legend' });
    await expect(legend).toContainText('Sam Student, attempt 1');
    await expect(legend).toContainText('Kim Student, attempt 1');
    await expect(page.getByTestId('compare-params').locator('tbody tr', { hasText: 'scheme' })).toContainText('xavier-normal');

    const otherCtx = await browser.newContext();
    const other = await otherCtx.newPage();
    const outsider = await seedUser('INSTRUCTOR', 'Otto Outsider', PASSWORD);
    await other.goto('/sign-in');
    await signIn(other, outsider.email);
    await expect(other).toHaveURL('/dashboard');
    const res = await other.goto(url);
    expect(res?.status()).toBe(404);
    await expect(other.getByText('Sam Student')).toHaveCount(0);
    await otherCtx.close();
  });
});
