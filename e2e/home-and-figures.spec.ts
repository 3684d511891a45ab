/**
 * Issue #13 points 7 and 8: the home page shows what the product does before any click (a figure
 * of vanishing, stable and exploding runs and the three ways in), and every lesson embeds its key
 * figure as a small live simulator. States are checked against the engine run here.
 */
import { expect, test } from '@playwright/test';
import { LESSONS, lessonHref } from '../lib/lessons/registry';
import { KEY_FIGURES } from '../lib/lessons/key-figures';
import { runLessonSim } from '../lib/lessons/run';
import { formatStat } from '../lib/format';
import { expectNoAxeViolations } from './helpers';

test('home: a figure of vanishing, stable and exploding signals, and three ways in', async ({ page }) => {
  await page.goto('/');
  const figure = page.getByTestId('home-figure');
  await expect(figure.getByRole('img')).toBeVisible();
  expect(await figure.locator('[data-state]').evaluateAll((els) => els.map((e) => e.getAttribute('data-state')))).toEqual(['vanishing', 'stable', 'exploding']);
  expect(await figure.locator('polyline').count()).toBeGreaterThanOrEqual(3);
  const ways = page.getByRole('list', { name: 'Ways in' });
  for (const [name, href] of [['Simulator', '/simulator'], ['Lessons', '/lessons'], ['Classes', '/dashboard']]) {
    await expect(ways.getByRole('link', { name: new RegExp(`^${name}`) })).toHaveAttribute('href', href);
  }
  await expectNoAxeViolations(page);
});

for (const lesson of LESSONS) {
  test(`lesson ${lesson.slug}: its key figure is a live simulator`, async ({ page }) => {
    const figure = KEY_FIGURES[lesson.slug];
    expect(figure, 'every lesson has a key figure').toBeTruthy();
    await page.goto(lessonHref(lesson.slug));
    const live = page.getByTestId('live-figure');
    await expect(live.getByRole('img')).toBeVisible();
    // The starting depth comes with the page (computed where it was built): the engine's numbers.
    for (const v of figure.variants) {
      const summary = runLessonSim({ ...v.config, layers: figure.layers } as Parameters<typeof runLessonSim>[0]).summary;
      const row = live.locator(`[data-variant="${v.label}"]`);
      await expect(row).toHaveAttribute('data-state', summary.signalState);
      await expect(row).toContainText(`×${formatStat(summary.ratio)} after ${figure.layers} layers`);
    }
    const depth = live.getByLabel('Depth');
    const target = figure.layers === 8 ? 9 : 8;
    await depth.fill(String(target));
    await expect(live).toHaveAttribute('data-layers', String(target));
    for (const v of figure.variants) {
      const state = runLessonSim({ ...v.config, layers: target } as Parameters<typeof runLessonSim>[0]).summary.signalState;
      await expect(live.locator(`[data-variant="${v.label}"]`)).toHaveAttribute('data-state', state);
    }
  });
}
