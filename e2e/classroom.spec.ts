/**
 * The classroom end to end: an instructor builds a course and an exercise from a template, a
 * student joins and submits (graded on the server), the instructor sees the dashboard, gives
 * feedback and exports grades; extensions; and a forged request that changes a locked field.
 * Each user works in a browser context of their own, so nobody signs out between steps.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { trainingLossForCriterion } from '../lib/grading/train-loss';
import type { TrainLossCriterion } from '../lib/grading/train-criterion';
import { simConfigSchema, type Scheme } from '../lib/validation/sim-config';
import { expectNoAxeViolations, signUp } from './helpers';

async function newUser(browser: Browser, role: 'student' | 'instructor', name: string): Promise<{ page: Page; email: string; name: string }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const { email } = await signUp(page, { role, name });
  return { page, email, name };
}

async function createCourse(page: Page, title: string): Promise<{ courseUrl: string; joinCode: string }> {
  await page.goto('/instructor');
  await page.getByRole('link', { name: 'New course' }).click();
  await page.getByLabel('Course title').fill(title);
  await page.getByLabel('Description').fill('Weight initialization, hands on.');
  await page.getByRole('button', { name: 'Create course' }).click();
  await expect(page).toHaveURL(/\/instructor\/courses\/[^/]+$/);
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  const joinCode = (await page.getByLabel('Join code').textContent())!.trim();
  expect(joinCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  return { courseUrl: page.url(), joinCode };
}

async function join(page: Page, joinCode: string, title: string) {
  await page.goto('/dashboard');
  await page.getByLabel('Join code').fill(joinCode.toLowerCase());
  await page.getByRole('button', { name: 'Join course' }).click();
  await expect(page.getByText(`You joined “${title}”.`)).toBeVisible();
  await expect(page.getByRole('link', { name: title })).toBeVisible();
}

/** From the course page: a new exercise from the vanishing-ReLU template; returns its id (on its edit page). */
async function exerciseFromTemplate(page: Page): Promise<string> {
  await page.getByRole('link', { name: 'From a template' }).click();
  await page.getByRole('button', { name: 'Use this template: Rescue a vanishing ReLU network' }).click();
  await expect(page).toHaveURL(/\/instructor\/exercises\/[^/]+\/edit$/);
  return page.url().split('/').at(-2)!;
}

/** Local date-time text for a datetime-local input, `hours` from now. */
function localInput(hours: number): string {
  const d = new Date(Date.now() + hours * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

test('instructor builds an exercise from a template; a student fails, then passes; dashboard, feedback and CSV follow', async ({ browser }) => {
  test.setTimeout(180_000);
  const teacher = await newUser(browser, 'instructor', 'Ines Teacher');
  const title = `Init 101 ${Date.now()}`;
  const { joinCode } = await createCourse(teacher.page, title);
  await expectNoAxeViolations(teacher.page);

  // From a template, lock the gain (only the scheme stays open) and publish.
  const exerciseId = await exerciseFromTemplate(teacher.page);
  await expect(teacher.page.getByRole('button', { name: 'Publish' })).toBeEnabled();
  const mayChange = teacher.page.getByRole('group', { name: 'Student may change' });
  await expect(mayChange.getByLabel('scheme')).toBeChecked();
  await expect(mayChange.getByLabel('gain')).toBeChecked();
  await mayChange.getByLabel('gain').uncheck();
  await teacher.page.getByRole('button', { name: 'Publish' }).click();
  await expect(teacher.page.getByText('Status: published')).toBeVisible();
  await expect(teacher.page.getByRole('group', { name: 'Student may change' }).getByLabel('gain')).not.toBeChecked();
  await expectNoAxeViolations(teacher.page);

  // The student joins with the code and opens the exercise.
  const student = await newUser(browser, 'student', 'Stella Student');
  await join(student.page, joinCode, title);
  await student.page.getByRole('link', { name: title }).click();
  await student.page.getByRole('link', { name: 'Rescue a vanishing ReLU network' }).click();
  await expect(student.page).toHaveURL(`/exercises/${exerciseId}`);
  const page = student.page;
  // Locked fields are disabled in the page; the open one is not.
  await expect(page.getByLabel('Activation function')).toBeDisabled();
  await expect(page.getByLabel('Initialization scheme')).toBeEnabled();
  const preview = page.getByTestId('criteria-preview');
  await expect(preview.getByText('Not met').first()).toBeVisible();
  await expectNoAxeViolations(page);

  // The failing base config (Xavier with ReLU), double-clicked: one submission.
  await page.getByLabel('Your explanation (optional)').fill('Trying the starting network first.');
  await page.getByRole('button', { name: 'Submit', exact: true }).dblclick();
  const outcome = page.getByTestId('submission-outcome');
  await expect(outcome.getByText('Not passed', { exact: true })).toBeVisible();
  await expect(outcome).toContainText('Attempt 1');

  // He normal keeps the signal: every criterion met in the preview, then passed on the server.
  await page.getByLabel('Initialization scheme').selectOption('he-normal');
  await expect(preview.getByText('Not met')).toHaveCount(0);
  await expect(preview.getByText('Met', { exact: true })).toHaveCount(2);
  await page.getByLabel('Your explanation (optional)').fill('He doubles Var(W) to 2/n, paying back what ReLU drops.');
  await page.getByRole('button', { name: 'Submit', exact: true }).click();
  await expect(outcome.getByText('Passed', { exact: true })).toBeVisible();
  await expect(outcome).toContainText('Attempt 2: score 100');
  await page.reload();
  await expect(page.getByTestId('attempts').getByRole('listitem')).toHaveCount(2);

  // The instructor's dashboard shows the pass; feedback on the passing submission.
  await teacher.page.goto(`/instructor/exercises/${exerciseId}`);
  await expect(teacher.page.getByTestId('pass-rate')).toHaveText('100%');
  await expect(teacher.page.getByTestId('submissions')).toHaveText('2');
  const row = teacher.page.getByTestId('student-table').getByRole('row', { name: /Stella Student/ });
  await expect(row).toContainText('Passed');
  await expect(row.getByRole('cell').nth(0)).toHaveText('2');
  await expectNoAxeViolations(teacher.page);
  await row.getByRole('link', { name: 'Stella Student' }).click();
  await expect(teacher.page.getByTestId('outcome')).toHaveText('Passed');
  await expect(teacher.page.getByText('He doubles Var(W) to 2/n')).toBeVisible();
  await teacher.page.getByRole('textbox', { name: 'Feedback' }).fill('Well argued: **He** is the right fix here.');
  await teacher.page.getByRole('button', { name: 'Save feedback' }).click();
  await expect(teacher.page.getByText('Feedback saved.')).toBeVisible();

  // Grades CSV: the student's row.
  await teacher.page.goto(`/instructor/exercises/${exerciseId}`);
  const [download] = await Promise.all([teacher.page.waitForEvent('download'), teacher.page.getByRole('link', { name: 'Download grades (CSV)' }).click()]);
  const csv = readFileSync((await download.path())!, 'utf8').trim().split('\n');
  expect(csv[0]).toBe('name,email,score,attempts,late,submitted_at,due_at');
  const cells = csv.find((l) => l.includes(student.email))!.split(',');
  expect(cells.slice(0, 5)).toEqual(['Stella Student', student.email, '100', '2', 'no']);
  expect(Number.isNaN(Date.parse(cells[5]))).toBe(false);

  // The student sees the feedback on the exercise and on the grades page.
  await page.goto(`/exercises/${exerciseId}`);
  await expect(page.getByTestId('feedback')).toContainText('is the right fix here.');
  await page.goto('/grades');
  await expect(page.getByRole('row', { name: /Rescue a vanishing ReLU network/ })).toContainText('is the right fix here.');
  await expect(page.getByRole('row', { name: /Rescue a vanishing ReLU network/ })).toContainText('100');
  await expectNoAxeViolations(page);
});

test('an extension lets one student submit on time after the class’s due date and cut-off', async ({ browser }) => {
  test.setTimeout(180_000);
  const teacher = await newUser(browser, 'instructor', 'Omar Teacher');
  const title = `Deadlines ${Date.now()}`;
  const { courseUrl, joinCode } = await createCourse(teacher.page, title);
  const late = await newUser(browser, 'student', 'Lena Late');
  const extended = await newUser(browser, 'student', 'Eli Extended');
  await join(late.page, joinCode, title);
  await join(extended.page, joinCode, title);

  // A new exercise whose due date and cut-off are already over.
  await teacher.page.goto(courseUrl);
  await teacher.page.getByRole('link', { name: 'New exercise' }).click();
  // Fill the form once it has hydrated (its buttons are disabled until then).
  await expect(teacher.page.getByRole('button', { name: 'Publish' })).toBeEnabled();
  await teacher.page.getByLabel('Title').fill('Past due');
  await teacher.page.getByLabel('Prompt').fill('Make the **ReLU** network stable.');
  await teacher.page.getByLabel('Due', { exact: true }).fill(localInput(-48));
  await teacher.page.getByLabel('Cut-off').fill(localInput(-24));
  await teacher.page.getByRole('button', { name: 'Publish' }).click();
  await expect(teacher.page).toHaveURL(/\/instructor\/exercises\/[^/]+\/edit$/);
  const exerciseId = teacher.page.url().split('/').at(-2)!;

  // Without an extension: closed.
  await late.page.goto(`/exercises/${exerciseId}`);
  await expect(late.page.getByText('The cut-off has passed: submissions are closed.')).toBeVisible();
  await expect(late.page.getByRole('button', { name: 'Submit', exact: true })).toBeDisabled();

  // The instructor extends Eli's deadline to tomorrow.
  await teacher.page.goto(`/instructor/exercises/${exerciseId}`);
  await teacher.page.getByLabel('Student', { exact: true }).selectOption({ label: `Eli Extended (${extended.email})` });
  await teacher.page.getByLabel('New due date').fill(localInput(24));
  await teacher.page.getByRole('button', { name: 'Grant extension' }).click();
  await expect(teacher.page.getByText('Extension granted.')).toBeVisible();
  await expect(teacher.page.getByText(/Eli Extended: due/)).toBeVisible();

  await extended.page.goto(`/exercises/${exerciseId}`);
  await expect(extended.page.getByTestId('due-date')).toContainText('(extended for you)');
  await extended.page.getByRole('button', { name: 'Submit', exact: true }).click();
  const outcome = extended.page.getByTestId('submission-outcome');
  await expect(outcome).toContainText('Attempt 1');
  await expect(outcome).not.toContainText('marked late');

  // Lena is still refused, and the export records Eli on time.
  await late.page.reload();
  await expect(late.page.getByRole('button', { name: 'Submit', exact: true })).toBeDisabled();
  const res = await teacher.page.request.get(`/instructor/exercises/${exerciseId}/grades.csv`);
  expect(res.status()).toBe(200);
  const lines = (await res.text()).trim().split('\n');
  expect(lines.find((l) => l.includes(extended.email))!.split(',')[4]).toBe('no');
  expect(lines.find((l) => l.includes(late.email))!.split(',').slice(2, 5)).toEqual(['', '0', '']);
});

test('a locked field changed through a forged request is refused and nothing is stored', async ({ browser }) => {
  test.setTimeout(120_000);
  const teacher = await newUser(browser, 'instructor', 'Fay Teacher');
  const title = `Locks ${Date.now()}`;
  const { joinCode } = await createCourse(teacher.page, title);
  const exerciseId = await exerciseFromTemplate(teacher.page);
  await teacher.page.getByRole('button', { name: 'Publish' }).click();
  await expect(teacher.page.getByText('Status: published')).toBeVisible();

  const student = await newUser(browser, 'student', 'Max Forger');
  await join(student.page, joinCode, title);
  const page = student.page;
  await page.goto(`/exercises/${exerciseId}`);
  await expect(page.getByLabel('Activation function')).toBeDisabled();
  // Rewrite the server action's body in flight: the locked activation becomes tanh.
  let forged = false;
  await page.route(`**/exercises/${exerciseId}`, async (route) => {
    const req = route.request();
    const body = req.postData();
    if (req.method() === 'POST' && body?.includes('"activation":"relu"')) {
      forged = true;
      await route.continue({ postData: body.replace('"activation":"relu"', '"activation":"tanh"') });
    } else {
      await route.continue();
    }
  });
  await page.getByRole('button', { name: 'Submit', exact: true }).click();
  await expect(page.getByText('These settings are locked for this exercise and cannot be changed: activation.')).toBeVisible();
  expect(forged).toBe(true);
  await page.unroute(`**/exercises/${exerciseId}`);
  await page.reload();
  await expect(page.getByTestId('attempts-left')).toHaveText('0 used, unlimited');

  await teacher.page.goto(`/instructor/exercises/${exerciseId}`);
  await expect(teacher.page.getByTestId('submissions')).toHaveText('0');
});

test('the teacher guide’s reference answers are for instructors only', async ({ browser, page }) => {
  const note = 'He doubles Var(W) to 2/n and pays it back at every layer.';
  await page.goto('/lessons/teacher-guide');
  await expect(page.getByRole('heading', { name: 'Rescue a vanishing ReLU network' })).toBeVisible();
  expect(await page.content()).not.toContain(note);
  const teacher = await newUser(browser, 'instructor', 'Gus Teacher');
  await createCourse(teacher.page, `Guide ${Date.now()}`);
  await teacher.page.getByRole('link', { name: 'From a template' }).click();
  await expect(teacher.page.getByText(note)).toBeVisible();
  await expectNoAxeViolations(teacher.page);
});

test('a training criterion trains in a worker, matches Node, and the page bundle carries no training data', async ({ browser }) => {
  test.setTimeout(180_000);
  const teacher = await newUser(browser, 'instructor', 'Tara Teacher');
  const title = `Training criteria ${Date.now()}`;
  const { joinCode } = await createCourse(teacher.page, title);
  const exerciseId = await exerciseFromTemplate(teacher.page);
  const base = { scheme: 'xavier-normal', activation: 'relu', layers: 6, width: 32 } as const;
  const criterion: TrainLossCriterion = { kind: 'train-loss-below', steps: 60, below: 0.6, dataset: 'spirals', optimizer: 'sgd', learningRate: 0.02 };
  await teacher.page.getByLabel('Base config (JSON)').fill(JSON.stringify(base));
  await teacher.page.getByLabel('Pass criteria (JSON)').fill(JSON.stringify([criterion]));
  await teacher.page.getByRole('button', { name: 'Publish' }).click();
  await expect(teacher.page.getByText('Status: published')).toBeVisible();

  const student = await newUser(browser, 'student', 'Theo Student');
  await join(student.page, joinCode, title);
  const page = student.page;
  await page.goto(`/exercises/${exerciseId}`);
  const item = page.getByTestId('criteria-preview').getByRole('listitem');
  // The verdict the engine gives in Node, for each network the student tries.
  const verdict = (scheme: Scheme) => {
    const loss = trainingLossForCriterion(simConfigSchema.parse({ ...base, scheme }), criterion);
    return loss !== null && loss < criterion.below ? 'Met' : 'Not met';
  };
  await expect(item).toContainText(new RegExp(`^${verdict('xavier-normal')}:`), { timeout: 60_000 });
  await page.getByLabel('Initialization scheme').selectOption('he-normal');
  await expect(item).toContainText(new RegExp(`^(Training…|${verdict('he-normal')}):`));
  await expect(item).toContainText(new RegExp(`^${verdict('he-normal')}:`), { timeout: 60_000 });
  // Typing elsewhere trains nothing again: the verdict stays.
  await page.getByLabel('Your explanation (optional)').fill('He keeps the signal, so the loss can fall.');
  await expect(item).toContainText(new RegExp(`^${verdict('he-normal')}:`));
  await expectNoAxeViolations(page);

  // The page's own scripts (not the worker's) carry none of the training datasets.
  const packed = readFileSync(path.join(import.meta.dirname, '../lib/train/data/digits-packed.ts'), 'utf8');
  const digitsSample = /'([a-p]{40})/.exec(packed)![1];
  const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.endsWith('.js')));
  expect(scripts.length).toBeGreaterThan(0);
  for (const url of scripts) expect((await (await page.request.get(url)).text()).includes(digitsSample), url).toBe(false);
});

test('archive and restore a course, and delete an exercise, each asking first', async ({ browser }) => {
  const teacher = await newUser(browser, 'instructor', 'Ada Archivist');
  const title = `To archive ${Date.now()}`;
  const { courseUrl } = await createCourse(teacher.page, title);
  const page = teacher.page;
  // Dismissing the question changes nothing.
  page.once('dialog', (d) => d.dismiss());
  await page.getByRole('button', { name: 'Archive course' }).click();
  await expect(page.getByRole('button', { name: 'Archive course' })).toBeEnabled();
  await expect(page.getByRole('status').filter({ hasText: 'Course archived.' })).toHaveCount(0);
  page.once('dialog', (d) => {
    expect(d.message()).toContain('Students no longer see it');
    void d.accept();
  });
  await page.getByRole('button', { name: 'Archive course' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Course archived.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Restore course' })).toBeVisible();
  await page.getByRole('button', { name: 'Restore course' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Course restored.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Archive course' })).toBeVisible();

  await exerciseFromTemplate(page);
  page.once('dialog', (d) => {
    expect(d.message()).toContain('every submission to it');
    void d.accept();
  });
  await page.getByRole('button', { name: 'Delete exercise' }).click();
  await expect(page).toHaveURL(courseUrl);
  await expect(page.getByRole('link', { name: 'Rescue a vanishing ReLU network' })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

