/**
 * Issue 9, point 8: user text is shown as text. Each row of SURFACES stores script and
 * `javascript:` payloads where a user can put text, opens the pages that show it, and checks that
 * nothing ran (no dialog, no global set), that no script, event handler or javascript: link made it
 * into the DOM, and (for plain text) that the payload is shown literally. Markdown fields go
 * through <Markdown> (unit-tested in tests/unit/markdown.test.ts); add a row when a page shows one.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { dbAvailable, enroll, seedCourse, seedUser } from './helpers/db';
import { PASSWORD, signIn, signUp } from './helpers';

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
  if (literal) await expect(page.getByText(payload, { exact: false }).first()).toBeVisible();
}

interface Surface {
  field: string;
  /** Stores the payload and visits every page that shows it, calling check on each. */
  run(browser: Browser, payload: string, check: (page: Page, url: string) => Promise<void>): Promise<void>;
  needsDb?: boolean;
}

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
        const page = await browser.newPage();
        await page.goto('/sign-in');
        await signIn(page, who.email);
        await expect(page).toHaveURL('/dashboard');
        for (const url of urls) await check(page, url);
        await page.close();
      }
    },
  },
];

for (const surface of SURFACES) {
  test(`no script injection through the ${surface.field}`, async ({ browser }) => {
    test.skip(Boolean(surface.needsDb) && !dbAvailable(), 'seeds rows directly: needs DATABASE_URL');
    test.setTimeout(120_000);
    for (const payload of PAYLOADS) {
      const dialogs: string[] = [];
      await surface.run(browser, payload, async (page, url) => {
        page.on('dialog', (d) => {
          dialogs.push(d.message());
          void d.dismiss();
        });
        await page.goto(url);
        await expectInert(page, payload);
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
