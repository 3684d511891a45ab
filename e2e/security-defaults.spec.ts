/**
 * Issue 9, points 2 and 4, on a production server with the deployer's defaults: no trusted proxy
 * (so X-Forwarded-For must be ignored), the default sign-up limit, and, on a PostgreSQL server,
 * instructor sign-up closed. The shared e2e server is configured for testing (it trusts the test
 * runner as a proxy and lifts the sign-up limit), so this file starts a second server from the
 * same build, on a free port, with a fresh database, and stops it afterwards. One setting is not
 * the default: new runs per address are limited to RUN_LIMIT (600 by default), so that the limit
 * can be reached in a test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { apiSignIn, apiSignUp } from './helpers/sessions';
import { PASSWORD, uniqueEmail } from './helpers';

const root = path.resolve(import.meta.dirname, '..');
let server: ChildProcess | undefined;
let baseURL = '';
let dropDatabase = async () => {};
const postgres = Boolean(process.env.DATABASE_URL);
const RUN_LIMIT = 3;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const port = await freePort();
  baseURL = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXTAUTH_URL: baseURL,
    NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
    TRUSTED_PROXIES: '',
    SIGN_UP_LIMIT_PER_HOUR: '',
    INSTRUCTOR_SIGNUP: '',
    INSTRUCTOR_SIGNUP_CODE: '',
    RUN_LIMIT_PER_HOUR: String(RUN_LIMIT),
  };
  if (postgres) {
    const name = `initlab_e2e_defaults_${process.pid}_${Date.now()}`;
    const admin = new URL(process.env.DATABASE_URL!);
    admin.pathname = '/postgres';
    const c = new pg.Client({ connectionString: admin.toString() });
    await c.connect();
    await c.query(`CREATE DATABASE "${name}"`);
    await c.end();
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    dropDatabase = async () => {
      const d = new pg.Client({ connectionString: admin.toString() });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await d.end();
    };
  } else {
    env.PGLITE_DATA_DIR = 'memory://';
  }
  server = spawn(process.execPath, ['scripts/serve.mjs', '-p', String(port), '-H', '127.0.0.1'], { cwd: root, env, stdio: 'pipe' });
  let output = '';
  server.stdout!.on('data', (d) => (output += d));
  server.stderr!.on('data', (d) => (output += d));
  for (let i = 0; i < 120; i++) {
    if (await fetch(`${baseURL}/api/health`).then((r) => r.ok, () => false)) return;
    if (server.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the second server did not start:\n${output}`);
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server!.once('exit', r));
    server.kill('SIGTERM');
    await exited;
  }
  await dropDatabase();
});

async function client(playwright: { request: { newContext(o: { baseURL: string }): Promise<APIRequestContext> } }) {
  return playwright.request.newContext({ baseURL });
}

test('sign-up is limited per address (50 an hour), and a forged X-Forwarded-For does not reset it', async ({ playwright }) => {
  test.setTimeout(180_000);
  const request = await client(playwright);
  const results: string[] = [];
  for (let i = 0; i < 51; i++) {
    const { result } = await apiSignUp(request, { email: uniqueEmail('limit'), password: PASSWORD }, `203.0.113.${i + 1}`);
    const r = result as { ok: boolean; message?: string };
    results.push(r.ok ? 'ok' : (r.message ?? '?'));
  }
  expect(results.slice(0, 50)).toEqual(Array(50).fill('ok'));
  expect(results[50]).toMatch(/^Too many accounts were created from your network\. Please wait \d+ minutes? and try again\.$/);
  await request.dispose();
});

test('without trusted proxies X-Forwarded-For is ignored: rotating or empty, the limit holds', async ({ playwright }) => {
  const request = await client(playwright);
  // Sign-up is used up for this address; an unknown e-mail is counted the same way as a real one.
  const email = uniqueEmail('nobody');
  const errors: (string | null)[] = [];
  for (let i = 0; i < 5; i++) errors.push((await apiSignIn(request, email, `guess-${i}`, `198.51.100.${i + 1}`)).error);
  expect(errors).toEqual(Array(5).fill('The e-mail or password is incorrect.'));
  for (const forged of ['198.51.100.99', '', '10.0.0.1, 198.51.100.7', 'garbage']) {
    expect((await apiSignIn(request, email, 'guess-again', forged || undefined)).error, JSON.stringify(forged)).toMatch(/^Too many failed sign-in attempts/);
  }
  await request.dispose();
});

test('instructor sign-up is closed in production on a PostgreSQL server unless the deployer opens it', async ({ playwright, browser }) => {
  test.skip(!postgres, 'the embedded database keeps instructor sign-up open, by design');
  const request = await client(playwright);
  const { result } = await apiSignUp(request, { email: uniqueEmail('teacher'), password: PASSWORD, role: 'INSTRUCTOR' }, '192.0.2.9');
  expect(result).toMatchObject({ ok: false, code: 'FORBIDDEN', message: 'Instructor sign-up is closed on this site.' });
  const page = await browser.newPage({ baseURL });
  await page.goto('/sign-up');
  await expect(page.getByLabel('a student')).toBeVisible();
  await expect(page.getByLabel('an instructor')).toHaveCount(0);
  await expect(page.getByText('Instructor accounts are created by whoever runs this site.')).toBeVisible();
  await page.close();
  await request.dispose();
});

test('new runs are limited per address, a forged X-Forwarded-For does not reset it, and stored runs still open', async ({ playwright, browser }) => {
  const request = await client(playwright);
  const config = (seed: number) => ({ scheme: 'he-normal', activation: 'relu', layers: 4, width: 16, samples: 8, seed });
  const post = (seed: number, forged?: string) =>
    request.post('/api/runs', { data: { config: config(seed) }, headers: forged ? { 'X-Forwarded-For': forged } : {} });
  const statuses: number[] = [];
  for (let i = 0; i < RUN_LIMIT; i++) statuses.push((await post(100 + i, `198.51.100.${i + 1}`)).status());
  expect(statuses).toEqual(Array(RUN_LIMIT).fill(200));
  const refused = await post(200, '198.51.100.200');
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(3000);
  expect((await refused.json()).error.message).toMatch(/^Too many new runs from your network \(at most 3 an hour\)\. Runs already stored still open; please wait \d+ minutes for new ones\.$/);
  // A stored run is not a new one.
  expect((await post(100)).status()).toBe(200);
  // The simulator page for a new seed still works: the browser computes it, nothing is stored.
  const page = await browser.newPage({ baseURL });
  await page.goto('/simulator?scheme=he-normal&activation=relu&layers=4&width=16&samples=8&seed=201');
  await expect(page.getByTestId('results')).toHaveAttribute('data-origin', /main|worker/, { timeout: 30_000 });
  await expect(page.getByTestId('results')).toHaveAttribute('data-stale', 'false');
  await page.close();
  await request.dispose();
});

