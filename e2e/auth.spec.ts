/** Accounts end to end: sign-up, sign-in, sign-out, redirects, the 403 page and headers. */
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, PASSWORD, signIn, signOut, signUp, uniqueEmail } from './helpers';

test('a student signs up, lands on the dashboard, signs out and back in', async ({ page }) => {
  const { email, name } = await signUp(page);
  await expect(page.getByRole('heading', { name: `Welcome, ${name}` })).toBeVisible();
  await expect(page.getByText(`Signed in as ${email} · Student`)).toBeVisible();
  await expect(page.getByRole('banner').getByText('Student')).toBeVisible();

  await signOut(page);
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard/);

  await signIn(page, email);
  await expect(page).toHaveURL('/dashboard');
  await expect(page.getByRole('heading', { name: `Welcome, ${name}` })).toBeVisible();
});

test('a protected page sends a visitor to sign-in and back to where they were going', async ({ page, request }) => {
  const res = await request.get('/instructor', { maxRedirects: 0 });
  expect(res.status()).toBe(307);
  expect(res.headers().location).toContain('/sign-in?callbackUrl=%2Finstructor');

  const email = uniqueEmail('instructor');
  await signUp(page, { role: 'instructor', email });
  await signOut(page);

  await page.goto('/instructor');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Finstructor/);
  await signIn(page, email);
  await expect(page).toHaveURL('/instructor');
  await expect(page.getByRole('heading', { name: 'Instructor', exact: true })).toBeVisible();
});

test('a student gets a 403 page, not a crash, on an instructor page', async ({ page }) => {
  await signUp(page);
  const response = await page.goto('/instructor');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'This page is for instructors' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to your dashboard' })).toBeVisible();
});

test('sign-in explains empty fields, a wrong password and an unknown e-mail', async ({ page }) => {
  const { email } = await signUp(page);
  await signOut(page);
  await page.goto('/sign-in');

  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Enter your e-mail address')).toBeVisible();
  await expect(page.getByText('Enter your password')).toBeVisible();

  await signIn(page, email, 'not-the-password');
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('The e-mail or password is incorrect.');
  await expect(page).toHaveURL(/\/sign-in/);

  await signIn(page, uniqueEmail('nobody'), PASSWORD);
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('The e-mail or password is incorrect.');
});

test('sign-up explains bad fields and does not reveal a duplicate e-mail', async ({ page }) => {
  const { email } = await signUp(page);
  await signOut(page);

  await page.goto('/sign-up');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Enter your name')).toBeVisible();
  await expect(page.getByText('Enter your e-mail address')).toBeVisible();
  await expect(page.getByText('Use at least 8 characters')).toBeVisible();

  await page.getByLabel('Name').fill('x'.repeat(101));
  await page.getByLabel('E-mail').fill('not-an-email');
  await page.getByLabel('Password').fill('p'.repeat(129));
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('A name has at most 100 characters')).toBeVisible();
  await expect(page.getByText('Enter a valid e-mail address, like name@example.com')).toBeVisible();
  await expect(page.getByText('Use at most 128 characters')).toBeVisible();

  // A duplicate e-mail gets the same answer as a new one (no account enumeration, issue 9);
  // signing in with a different password then fails, and the sign-in page explains.
  await page.getByLabel('Name').fill('Again');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill('a-different-long-password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/sign-in\?from=sign-up/);
  await expect(page.getByText('If you already had an account with this e-mail, sign in with its password.')).toBeVisible();
  await signIn(page, email);
  await expect(page).toHaveURL('/dashboard');
});

test('repeated failed sign-ins are refused for a while', async ({ page }) => {
  const { email } = await signUp(page);
  await signOut(page);
  await page.goto('/sign-in');
  for (let i = 0; i < 5; i++) {
    await signIn(page, email, `wrong-password-${i}`);
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('The e-mail or password is incorrect.');
  }
  await signIn(page, email, PASSWORD);
  await expect(page.getByRole('main').getByRole('alert')).toContainText('Too many failed sign-in attempts');
  await expect(page).toHaveURL(/\/sign-in/);
});

test('responses carry the security headers and the session cookie is HttpOnly and SameSite', async ({ page, request, context }) => {
  for (const path of ['/', '/sign-in', '/api/health']) {
    const res = await request.get(path);
    const h = res.headers();
    expect(h['content-security-policy'], path).toContain("frame-ancestors 'none'");
    expect(h['content-security-policy'], path).toContain("default-src 'self'");
    expect(h['x-content-type-options'], path).toBe('nosniff');
    expect(h['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    expect(h['cross-origin-opener-policy'], path).toBe('same-origin');
    expect(h['cross-origin-embedder-policy'], path).toBe('require-corp');
    expect(h['x-powered-by'], path).toBeUndefined();
    // The e2e server is a production build: HSTS is on.
    expect(h['strict-transport-security'], path).toMatch(/max-age=\d+/);
  }
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await signUp(page);
  const session = (await context.cookies()).find((c) => c.name.endsWith('next-auth.session-token'));
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  // The app runs under its own CSP: no violations reported in the console.
  expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
});

test('the sign-in and sign-up pages pass axe checks', async ({ page }) => {
  await page.goto('/sign-in');
  await expectNoAxeViolations(page);
  await page.goto('/sign-up');
  await expectNoAxeViolations(page);
});
