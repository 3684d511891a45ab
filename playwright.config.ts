/**
 * End-to-end tests against the production build, in Debian's Chromium (Playwright cannot
 * download its own browsers here). scripts/e2e-server.mjs builds if needed, prepares a fresh
 * database and serves the app; every test creates its own users and data.
 */
import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
/** Spec files that run alone, after the rest (see projects). */
const SOLO = [/authorization-matrix\.spec\.ts$/, /server-load\.spec\.ts$/];

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  // Two test files at a time. The suite is mostly CPU-bound on 2 cores, so this gains little by
  // itself (one file's waits overlap the other's work); it pays off with the files that need
  // the server to themselves running afterwards, alone (the projects below).
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: 'test-reports/e2e.json' }]],
  use: {
    baseURL,
    // Recording a trace costs every test screenshots and snapshots; in CI (which retries once)
    // only a retry records one.
    trace: process.env.CI ? 'on-first-retry' : 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'] }, testIgnore: SOLO },
    // Alone, one after the other: the authorization matrix checks that a refused call changed no
    // row in any table (another test's writes would show up as changes), and the load test fills
    // the engine's queue (another test's runs would be refused as busy).
    { name: 'matrix', use: { ...devices['Desktop Chrome'] }, testMatch: SOLO[0], dependencies: ['chromium'] },
    { name: 'load', use: { ...devices['Desktop Chrome'] }, testMatch: SOLO[1], dependencies: ['matrix'] },
    // Runs after all the others: scans the server's log for unhandled errors.
    { name: 'server-log', testMatch: /server-log\.check\.ts$/, dependencies: ['load'] },
  ],
  webServer: {
    command: 'node scripts/e2e-server.mjs',
    url: `${baseURL}/api/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 600_000,
    env: { E2E_PORT: String(port) },
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
