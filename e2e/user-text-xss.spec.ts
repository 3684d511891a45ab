/**
 * Issue 9, point 8: user text is shown as text. Each row of SURFACES stores script and
 * `javascript:` payloads where a user can put text, opens the pages that show it, and checks that
 * nothing ran (no dialog, no global set), that no script, event handler or javascript: link made it
 * into the DOM, and (for plain text) that the payload is shown literally. Markdown fields go
 * through <Markdown> (unit-tested in tests/unit/markdown.test.ts), which drops raw HTML, so they
 * cannot show the payload literally: a Markdown field stores the payload followed by a marker
 * paragraph (mdText), and the page must show that marker, which proves the field was rendered
 * (the checks would otherwise pass on a page that left it out). Add a row when a page shows
 * another user text.
 */
import { randomBytes } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { dbAvailable, enroll, newId, seedCourse, seedUser, sql, type SeededUser } from './helpers/db';
import { PASSWORD, signUp } from './helpers';
import { apiSignIn, sessionUser } from './helpers/sessions';

// Each surface seeds users and records of its own: its test can run beside the others, which
// spreads the file's few long tests over both workers.
test.describe.configure({ mode: 'parallel' });

const PAYLOADS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=2">',
  '"><svg onload=window.__xss=3>',
  'javascript:window.__xss=4',
  '[x](javascript:window.__xss=5)',
];

/** Asserts the page ran nothing from the payload and shows it as text. */
async function expectInert(page: Page, payload: string, literal = true) {
  const report = await page.evaluate(() => ({
    flag: (window as unknown as { __xss?: number }).__xss ?? null,
    scripts: [...document.scripts].filter((s) => s.textContent?.includes('__xss') && !s.textContent.includes('self.__next_f')).length,
    handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on') && a.value.includes('__xss'))).length,
    jsLinks: [...document.querySelectorAll('[href],[src],[action],[formaction]')].filter((el) =>
      ['href', 'src', 'action', 'formaction'].some((a) => /^\s*javascript:/i.test(el.getAttribute(a) ?? '')),
    ).length,
  }));
  expect(report, payload).toEqual({ flag: null, scripts: 0, handlers: 0, jsLinks: 0 });
  // Visible matches only: a select's <option> (the experiment tag filter) is never "visible".
  if (literal) await expect(page.getByText(payload, { exact: false }).filter({ visible: true }).first()).toBeVisible();
}

/** A Markdown field's text: the payload as its first block, then a plain paragraph naming the field. */
const mdText = (payload: string, field: string) => `${payload}\n\nEnd of the ${field}.`;
const mdMarker = (field: string) => `End of the ${field}.`;

interface CheckOptions {
  /** false where the page shows the payload only through Markdown (raw HTML is dropped). */
  literal?: boolean;
  /** Fields (see mdText) whose Markdown the page must have rendered. */
  markdown?: string[];
}
type Check = (page: Page, url: string, options?: CheckOptions) => Promise<void>;

interface Surface {
  field: string;
  /** Stores the payload and visits every page that shows it, calling check on each. */
  run(browser: Browser, payload: string, check: Check): Promise<void>;
  needsDb?: boolean;
}

/**
 * A page signed in as a seeded user (its own browser context). It signs in through NextAuth's
 * endpoints with the page's own request context, which shares the page's cookies: the sign-in
 * form itself is covered by auth.spec, and filling it here for every payload cost minutes.
 */
async function signedInPage(browser: Browser, who: SeededUser): Promise<Page> {
  const page = await browser.newPage();
  expect(await apiSignIn(page.request, who.email, PASSWORD)).toEqual({ ok: true, error: null });
  expect((await sessionUser(page.request))?.id).toBe(who.id);
  return page;
}

const RUN_CONFIG = { scheme: 'he-normal', activation: 'relu', layers: 4, width: 16, samples: 8 };

/** A stored run (assignments, submissions, experiments and share links all point at one). */
async function makeRun(page: Page): Promise<{ id: string; config: unknown }> {
  const res = await page.request.post('/api/runs', { data: { config: RUN_CONFIG } });
  expect(res.status()).toBe(200);
  const { run } = (await res.json()) as { run: { id: string; config?: unknown } };
  return { id: run.id, config: run.config ?? RUN_CONFIG };
}

/** A course of `teacher` with one student and one published exercise (no due date). */
async function seedExercise(page: Page, teacher: SeededUser, student: SeededUser, title: string, prompt: string) {
  const course = await seedCourse(teacher.id, 'Plain course', 'A plain description.');
  await enroll(course.id, student.id);
  const run = await makeRun(page);
  const assignmentId = newId();
  await sql(
    `INSERT INTO "Assignment" (id, "courseId", title, prompt, "baseConfig", "editableFields", criteria, "publishedAt", "updatedAt")
     VALUES ($1, $2, $3, $4, $5::jsonb, ARRAY['scheme'], $6::jsonb, now(), now())`,
    [assignmentId, course.id, title, prompt, JSON.stringify(run.config), JSON.stringify([CRITERION])],
  );
  return { course, assignmentId, run };
}

const CRITERION = { kind: 'signal-state', state: 'stable' };

const SURFACES: Surface[] = [
  {
    field: 'user name (sign-up form)',
    async run(browser, payload, check) {
      const page = await browser.newPage();
      await signUp(page, { name: payload });
      for (const url of ['/dashboard', '/account']) await check(page, url);
      await page.close();
    },
  },
  {
    field: 'course title and description, and the instructor name, as the instructor and an enrolled student',
    needsDb: true,
    async run(browser, payload, check) {
      const teacher = await seedUser('INSTRUCTOR', payload, PASSWORD);
      const student = await seedUser('STUDENT', 'Plain Student', PASSWORD);
      const course = await seedCourse(teacher.id, payload, payload);
      await enroll(course.id, student.id);
      for (const [who, urls] of [
        [teacher, ['/dashboard', '/instructor']],
        [student, ['/dashboard']],
      ] as const) {
        const page = await signedInPage(browser, who);
        for (const url of urls) await check(page, url);
        await page.close();
      }
    },
  },
  {
    field: 'exercise title and prompt (Markdown), as the instructor and an enrolled student',
    needsDb: true,
    async run(browser, payload, check) {
      const teacher = await seedUser('INSTRUCTOR', 'Plain Teacher', PASSWORD);
      const student = await seedUser('STUDENT', 'Plain Student', PASSWORD);
      const t = await signedInPage(browser, teacher);
      const { course, assignmentId } = await seedExercise(t, teacher, student, payload, mdText(payload, 'prompt'));
      // The instructor's dashboard shows the prompt inside a closed <details>: in the DOM, not visible.
      await check(t, `/instructor/exercises/${assignmentId}`, { markdown: ['prompt'] });
      await check(t, `/instructor/courses/${course.id}`);
      await t.close();
      const s = await signedInPage(browser, student);
      await check(s, `/courses/${course.id}`);
      await check(s, `/exercises/${assignmentId}`, { markdown: ['prompt'] });
      await check(s, '/grades');
      await s.close();
    },
  },
  {
    field: "submission's explanation (Markdown), the instructor's feedback (Markdown) and override reason",
    needsDb: true,
    async run(browser, payload, check) {
      const teacher = await seedUser('INSTRUCTOR', 'Plain Teacher', PASSWORD);
      const student = await seedUser('STUDENT', 'Plain Student', PASSWORD);
      const t = await signedInPage(browser, teacher);
      const { assignmentId, run } = await seedExercise(t, teacher, student, 'Plain exercise', 'A plain prompt.');
      const submissionId = newId();
      const feedback = mdText(payload, 'feedback');
      await sql(
        `INSERT INTO "Submission" (id, "assignmentId", "studentId", attempt, "runId", "criteriaResults", passed, score,
           explanation, feedback, "feedbackAuthorId", "feedbackAt", "scoreOverride", "overrideReason", "overriddenById", "overriddenAt")
         VALUES ($1, $2, $3, 1, $4, $5::jsonb, true, 100, $6, $7, $8, now(), 50, $9, $8, now())`,
        [submissionId, assignmentId, student.id, run.id, JSON.stringify([{ criterion: CRITERION, passed: true }]), mdText(payload, 'explanation'), feedback, teacher.id, payload],
      );
      // The reason is shown as text beside the score; the explanation as Markdown.
      await check(t, `/instructor/submissions/${submissionId}`, { markdown: ['explanation'] });
      // The grading forms hold the stored text as their values, unchanged.
      await expect(t.getByRole('textbox', { name: 'Feedback' })).toHaveValue(feedback);
      await expect(t.getByRole('textbox', { name: 'Reason' })).toHaveValue(payload);
      await t.close();
      const s = await signedInPage(browser, student);
      await check(s, `/exercises/${assignmentId}`, { markdown: ['feedback'] });
      // The grades page shows only the feedback, and that as Markdown.
      await check(s, '/grades', { literal: false, markdown: ['feedback'] });
      await s.close();
    },
  },
  {
    field: "experiment's title, notes (Markdown) and tags, for the owner and (shared) a signed-out visitor",
    needsDb: true,
    async run(browser, payload, check) {
      const owner = await seedUser('STUDENT', 'Plain Owner', PASSWORD);
      const o = await signedInPage(browser, owner);
      const run = await makeRun(o);
      const notes = mdText(payload, 'notes');
      const [exp, other] = [newId(), newId()];
      for (const [id, title] of [[exp, payload], [other, 'Plain experiment']] as const) {
        await sql(
          `INSERT INTO "Experiment" (id, "ownerId", title, notes, "runId", tags, "updatedAt") VALUES ($1, $2, $3, $4, $5, $6, now())`,
          [id, owner.id, title, notes, run.id, [payload, 'plain']],
        );
      }
      const token = randomBytes(32).toString('base64url');
      await sql(`INSERT INTO "ShareLink" (id, token, "ownerId", "experimentId", title, notes, "runId") VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
        newId(),
        token,
        owner.id,
        exp,
        payload,
        notes,
        run.id,
      ]);
      await check(o, '/experiments');
      await check(o, `/experiments/${exp}`, { markdown: ['notes'] });
      await expect(o.getByRole('list', { name: 'Tags' })).toContainText(`#${payload}`);
      await check(o, `/experiments/compare?e=${exp}&e=${other}`);
      await o.close();
      const visitor = await browser.newPage();
      await check(visitor, `/share/${token}`, { markdown: ['notes'] });
      await visitor.close();
    },
  },
];

for (const surface of SURFACES) {
  test(`no script injection through the ${surface.field}`, async ({ browser }) => {
    test.skip(Boolean(surface.needsDb) && !dbAvailable(), 'seeds rows directly: needs DATABASE_URL');
    test.setTimeout(240_000);
    for (const payload of PAYLOADS) {
      const dialogs: string[] = [];
      const watched = new WeakSet<Page>();
      await surface.run(browser, payload, async (page, url, { literal = true, markdown = [] } = {}) => {
        if (!watched.has(page)) {
          watched.add(page);
          page.on('dialog', (d) => {
            dialogs.push(d.message());
            void d.dismiss();
          });
        }
        const res = await page.goto(url);
        expect(res?.status(), url).toBe(200);
        await expectInert(page, payload, literal);
        for (const field of markdown) await expect(page.getByText(mdMarker(field), { exact: true }).first(), `${url} renders the ${field}`).toBeAttached();
      });
      expect(dialogs, payload).toEqual([]);
    }
  });
}

test('the check itself notices an injected handler (it can fail)', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => {
    const b = document.createElement('b');
    b.setAttribute('onclick', 'window.__xss=9');
    b.textContent = 'x';
    document.body.append(b);
  });
  await expect(expectInert(page, 'x', false)).rejects.toThrow();
});
