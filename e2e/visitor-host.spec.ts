/**
 * Issue #13 point 9: signing in, out and every redirect stay on the address the visitor used. The
 * e2e server's NEXTAUTH_URL names 127.0.0.1 (as npm start used to name localhost); this visitor
 * opens the same server as "localhost", like a class opening it by the server's IP address.
 */
import { expect, test } from '@playwright/test';
import { signIn, signUp } from './helpers';

const port = Number(process.env.E2E_PORT ?? 3100);
const other = `http://localhost:${port}`;

test.use({ baseURL: other });

test('sign-up, sign-out, a protected page and sign-in keep the visitor\u2019s host', async ({ page }) => {
  const { email } = await signUp(page);
  expect(new URL(page.url()).host).toBe(`localhost:${port}`);
  await page.getByRole('button', { name: 'Sign out' }).click();
  // The header may show "Sign in" a moment before the navigation home commits: wait for the URL.
  await expect(page).toHaveURL(`${other}/`);
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();

  await page.goto('/dashboard');
  expect(page.url()).toBe(`${other}/sign-in?callbackUrl=%2Fdashboard`);
  await signIn(page, email);
  await expect(page).toHaveURL(`${other}/dashboard`);
});
