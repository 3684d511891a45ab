/**
 * Issue 9, point 7: after every other e2e test has run (this file is its own Playwright project
 * that depends on the main one), the production server's output must hold no unhandled error.
 * scripts/e2e-server.mjs copies the server's stdout and stderr to test-reports/e2e-server-<port>.log.
 *
 * What counts as unhandled: Next's "⨯" error lines (an exception escaped a page, route handler or
 * action and became a 500), errors our code logged before showing a generic message
 * ("[initlab] unexpected error"), NextAuth's own error log, and uncaught exceptions or rejections.
 * Next's warnings and its logged 4xx refusals (an unknown action id, a missing Origin) are not
 * errors of ours and do not count.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';

const UNHANDLED = [/⨯/, /\[initlab\] unexpected error/, /\[next-auth\]\[error\]/, /uncaughtException|unhandledRejection/, /FATAL/];

test('the e2e server logged no unhandled error', () => {
  const file = path.resolve(import.meta.dirname, '..', 'test-reports', `e2e-server-${process.env.E2E_PORT ?? '3100'}.log`);
  expect(existsSync(file), `${file} exists`).toBe(true);
  const lines = readFileSync(file, 'utf8').split('\n');
  expect(lines.some((l) => l.includes('ready on'))).toBe(true);
  const bad: string[] = [];
  lines.forEach((line, i) => {
    if (UNHANDLED.some((re) => re.test(line))) bad.push([line, ...lines.slice(i + 1, i + 4)].join('\n'));
  });
  expect(bad).toEqual([]);
});
