/**
 * Lessons end to end: every lesson renders with server-typeset math, each "try it" link encodes
 * exactly the config it states and opens the simulator with those values, engine-derived numbers
 * (facts and worked-example tables) match what lib/sim computes here in the test process,
 * check-yourself grades against the engine in the browser, pages pass axe, and fit a phone.
 */
import { expect, test, type Page } from '@playwright/test';
import { LESSONS, lessonHref } from '../lib/lessons/registry';
import { computeWorkedExample, WORKED_EXAMPLES, type WorkedExampleId } from '../lib/lessons/worked-examples';
import { getFact, FACTS, type FactId } from '../lib/lessons/facts';
import { runLessonSim } from '../lib/lessons/run';
import { CONFIGS } from '../lib/lessons/configs';
import { configFromSearchParams } from '../lib/validation/sim-config-url';
import { expectNoAxeViolations } from './helpers';
import { known } from '../lib/lessons/measures';

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function tryItLinks(page: Page) {
  return page.getByTestId('try-it').evaluateAll((els) =>
    els.map((el) => ({ href: el.getAttribute('href') ?? '', config: JSON.parse(el.getAttribute('data-config') ?? '{}') })),
  );
}

test.describe('lessons index', () => {
  test('lists every lesson and the teacher guide', async ({ page }) => {
    await page.goto('/lessons');
    await expect(page.getByRole('heading', { level: 1, name: 'Lessons' })).toBeVisible();
    for (const l of LESSONS) await expect(page.getByRole('link', { name: new RegExp(esc(l.title)) })).toHaveAttribute('href', lessonHref(l.slug));
    await expect(page.getByRole('link', { name: 'Open the teacher guide' })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

for (const [i, lesson] of LESSONS.entries()) {
  test.describe(`lesson: ${lesson.slug}`, () => {
    // The three desktop checks only read the page: they share one load of it (a lesson page and
    // its live figures take a second or two to load on a busy CI machine).
    let page: Page;
    test.beforeAll(async ({ browser }) => {
      page = await browser.newPage();
      await page.goto(lessonHref(lesson.slug));
    });
    test.afterAll(async () => {
      await page?.close();
    });

    test('renders goals, math, contents, navigation and metadata', async () => {
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(lesson.title);
      await expect(page).toHaveTitle(new RegExp(esc(lesson.title)));
      await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', new RegExp(esc(lesson.title)));
      await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', lesson.description);
      await expect(page.getByRole('heading', { name: 'After this lesson you can' })).toBeVisible();
      expect(await page.locator('.katex').count()).toBeGreaterThan(3);
      // Math is typeset on the server: the HTML as served already contains KaTeX markup.
      const html = await (await page.request.get(lessonHref(lesson.slug))).text();
      expect(html).toContain('class="katex"');
      // Every contents link points at a heading on the page.
      const targets = await page.getByRole('navigation', { name: 'On this page', exact: true }).getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      for (const t of targets) await expect(page.locator(t!)).toHaveCount(1);
      const nav = page.getByRole('navigation', { name: 'Lesson navigation' });
      if (i > 0) await expect(nav.getByRole('link', { name: new RegExp(esc(LESSONS[i - 1].title)) })).toHaveAttribute('href', lessonHref(LESSONS[i - 1].slug));
      if (i < LESSONS.length - 1) await expect(nav.getByRole('link', { name: new RegExp(esc(LESSONS[i + 1].title)) })).toHaveAttribute('href', lessonHref(LESSONS[i + 1].slug));
      await expect(page.getByTestId('check-yourself')).toBeVisible();
      // Inline math is separated from the words around it ("so c = …", not "soc = …").
      const glued = await page.locator('.katex:not(.katex-display .katex)').evaluateAll((els) =>
        els.flatMap((el) => {
          const box = el.parentElement!;
          const text = (node: Node | null, dir: 'prev' | 'next'): string => {
            for (let n: Node | null = node; n; n = dir === 'prev' ? n.previousSibling : n.nextSibling) {
              const t = n.textContent ?? '';
              if (t.length) return t;
            }
            return '';
          };
          const before = text(box.previousSibling, 'prev').slice(-1);
          const after = text(box.nextSibling, 'next').slice(0, 1);
          const word = /[\p{L}\p{N}]/u;
          return word.test(before) || word.test(after) ? [`${before}|${el.querySelector('annotation')?.textContent}|${after}`] : [];
        }),
      );
      expect(glued, 'inline math glued to a word').toEqual([]);
    });

    test('engine numbers on the page equal the engine’s output', async () => {
      // Its facts come from six training runs, recomputed here in Node: seconds of CPU each.
      if (lesson.slug === 'initialization-in-training') test.slow();
      const facts = await page.locator('[data-fact]').evaluateAll((els) => els.map((el) => ({ id: el.getAttribute('data-fact')!, text: el.textContent })));
      for (const f of facts) {
        expect(f.id in FACTS, f.id).toBe(true);
        expect(f.text, f.id).toBe(getFact(f.id as FactId).text);
      }
      for (const id of Object.keys(WORKED_EXAMPLES) as WorkedExampleId[]) {
        const table = page.getByTestId(`worked-example-${id}`);
        if ((await table.count()) === 0) continue;
        const expected = computeWorkedExample(id).cells.map((row) => row.map((c) => c.text));
        const rendered = await table.locator('tbody tr').evaluateAll((rows) =>
          rows.map((r) => Array.from(r.querySelectorAll('td[data-value]')).map((td) => td.textContent)),
        );
        expect(rendered).toEqual(expected);
      }
    });

    test('every try-it link encodes the config it states', async () => {
      const links = await tryItLinks(page);
      for (const l of links) {
        const url = new URL(l.href, 'http://x');
        expect(url.pathname).toBe('/simulator');
        const parsed = configFromSearchParams(url.searchParams);
        expect(parsed.ok, l.href).toBe(true);
        expect(parsed.config).toEqual(l.config);
      }
    });

    test('passes axe and fits a 390px phone', async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(lessonHref(lesson.slug));
      const offenders = await page.evaluate(() => {
        // Elements sticking out of the viewport that no scrolling ancestor contains (a hint for the failure message).
        const out: string[] = [];
        for (const el of Array.from(document.querySelectorAll('body *'))) {
          const r = el.getBoundingClientRect();
          if (r.right <= window.innerWidth + 0.5 || r.width === 0) continue;
          let contained = false;
          for (let p = el.parentElement; p; p = p.parentElement) {
            const o = getComputedStyle(p).overflowX;
            if (o === 'auto' || o === 'scroll' || o === 'hidden') { contained = true; break; }
          }
          if (!contained) out.push(`${el.tagName.toLowerCase()}.${String(el.className).slice(0, 60)} "${(el.textContent ?? '').slice(0, 40)}"`);
        }
        return { overflow: document.documentElement.scrollWidth - window.innerWidth, out: out.slice(0, 10) };
      });
      expect(offenders.overflow, offenders.out.join('\n')).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page);
    });
  });
}

test('the worked example Xavier vs He table matches lib/sim', async ({ page }) => {
  await page.goto('/lessons/why-initialization-matters');
  const table = page.getByTestId('worked-example-xavier-vs-he-depth');
  await expect(table).toBeVisible();
  const expected = computeWorkedExample('xavier-vs-he-depth');
  const values = await table.locator('td[data-value]').evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-value'))));
  expect(values).toEqual(expected.cells.flat().map((c) => c.value));
  expect(expected.cells).toHaveLength(4);
});

test('try it opens the simulator with the stated config', async ({ page }) => {
  await page.goto('/lessons/why-initialization-matters');
  const link = page.getByTestId('try-it').filter({ hasText: 'Try it' }).nth(1);
  const config = JSON.parse((await link.getAttribute('data-config'))!);
  await link.click();
  await expect(page).toHaveURL(/\/simulator\?/);
  const parsed = configFromSearchParams(new URL(page.url()).searchParams);
  expect(parsed.config).toEqual(config);
  await expect(page.getByLabel('Initialization scheme')).toHaveValue(config.scheme);
  await expect(page.getByLabel('Activation function')).toHaveValue(config.activation);
  await expect(page.getByLabel('Number of layers').first()).toHaveValue(String(config.layers));
});

test('check yourself grades a prediction with the engine in the browser', async ({ page }) => {
  await page.goto('/lessons/he-kaiming');
  const box = page.getByTestId('check-yourself');
  const truth = known(runLessonSim(CONFIGS.heRelu12).summary.finalStd);
  await box.getByLabel('Your prediction for the final post-ReLU std').fill(String(truth));
  await box.getByRole('button', { name: 'Run the engine and check' }).click();
  await expect(box.getByTestId('check-verdict')).toHaveText('Correct');
  await box.getByLabel('Your prediction for the final post-ReLU std').fill(String(truth * 3));
  await box.getByRole('button', { name: 'Run the engine and check' }).click();
  await expect(box.getByTestId('check-verdict')).toHaveText('Not this time');
  // 1 is the RMS, which the question rules out: never marked correct.
  await box.getByLabel('Your prediction for the final post-ReLU std').fill('1');
  await box.getByRole('button', { name: 'Run the engine and check' }).click();
  await expect(box.getByTestId('check-verdict')).toHaveText('Not this time');
  await expect(box.getByTestId('check-feedback')).toContainText('rules out');

  await page.goto('/lessons/why-initialization-matters');
  const choice = page.getByTestId('check-yourself');
  const state = runLessonSim(CONFIGS.xavierRelu20).summary.signalState;
  const option = { vanishing: /vanishes/, fading: /fades/, stable: /stays/, growing: /grows/, exploding: /explodes/ }[state];
  await choice.getByRole('radio', { name: option }).check();
  await choice.getByRole('button', { name: 'Run the engine and check' }).click();
  await expect(choice.getByTestId('check-verdict')).toHaveText('Correct');
});

test('teacher guide lists exercises that open the simulator pre-set', async ({ page }) => {
  await page.goto('/lessons/teacher-guide');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Teaching weight initialization');
  await expect(page.getByRole('heading', { name: 'A 50-minute class' })).toBeVisible();
  const links = await page.getByTestId('exercise-open').evaluateAll((els) =>
    els.map((el) => ({ href: el.getAttribute('href') ?? '', config: JSON.parse(el.getAttribute('data-config') ?? '{}') })),
  );
  expect(links.length).toBeGreaterThanOrEqual(5);
  for (const l of links) {
    const parsed = configFromSearchParams(new URL(l.href, 'http://x').searchParams);
    expect(parsed.ok).toBe(true);
    for (const [k, v] of Object.entries(l.config)) expect((parsed.config as Record<string, unknown>)[k], k).toEqual(v);
  }
  await expectNoAxeViolations(page);
});

test('dark mode lessons pass axe colour checks', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('theme', 'dark'));
  await page.goto('/lessons/activation-by-activation');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expectNoAxeViolations(page);
});
