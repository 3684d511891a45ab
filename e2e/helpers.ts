/** Shared e2e steps: every test makes its own account through the real sign-up form. */
import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

let counter = 0;
export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}-${Date.now()}-${process.pid}-${++counter}@example.com`;
}

export const PASSWORD = 'a-good-long-password';

export async function signUp(page: Page, opts: { name?: string; email?: string; role?: 'student' | 'instructor'; callbackUrl?: string } = {}) {
  const email = opts.email ?? uniqueEmail(opts.role ?? 'student');
  const name = opts.name ?? (opts.role === 'instructor' ? 'Ivy Instructor' : 'Stu Dent');
  await page.goto(`/sign-up${opts.callbackUrl ? `?callbackUrl=${encodeURIComponent(opts.callbackUrl)}` : ''}`);
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByLabel(opts.role === 'instructor' ? 'an instructor' : 'a student').check();
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(opts.callbackUrl ?? '/dashboard');
  return { email, name };
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Fails the test on any WCAG A/AA violation axe can detect. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Signs out through the header and waits until the header shows the signed-out state. */
export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect(page).toHaveURL('/');
}
