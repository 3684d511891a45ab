#!/usr/bin/env node
/**
 * Serves the production build for Playwright on E2E_PORT with a database of its own: a freshly
 * created database on DATABASE_URL's server (dropped on exit), or a fresh embedded one in a
 * temporary folder. The tests create their own users, so no demo data is loaded.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ensureBuild, root, runScript } from './lib/build.mjs';

const port = process.env.E2E_PORT ?? '3100';
const env = {
  ...process.env,
  NODE_ENV: 'production',
  NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  // The test runner stands in for a reverse proxy: tests act as distinct clients by sending
  // X-Forwarded-For (e2e/security.spec.ts), and every other test shares 127.0.0.1.
  TRUSTED_PROXIES: '127.0.0.1,::1',
  // Every e2e test signs up its own users from one address; the default limit is tested on a
  // server of its own (e2e/security-defaults.spec.ts).
  SIGN_UP_LIMIT_PER_HOUR: '1000000',
  // Likewise for new runs from the public entry points (tested in e2e/security-defaults.spec.ts).
  RUN_LIMIT_PER_HOUR: '1000000',
  // Production on a PostgreSQL server closes instructor sign-up unless opened; the tests sign up
  // instructors.
  INSTRUCTOR_SIGNUP: 'open',
};
// The server's output, scanned for unhandled errors by e2e/server-log.check.ts; and where the
// database is, for tests that seed rows (e2e/helpers/db.ts).
const reports = path.resolve(import.meta.dirname, '..', 'test-reports');
mkdirSync(reports, { recursive: true });
const logFile = path.join(reports, `e2e-server-${port}.log`);
const infoFile = path.join(reports, `e2e-server-${port}.json`);
// A production server with a PostgreSQL database requires a session secret; tests make one up.
env.NEXTAUTH_SECRET ||= randomBytes(32).toString('base64url');
let cleanup = async () => {};

ensureBuild(env);

if (env.DATABASE_URL) {
  const name = `initlab_e2e_${process.pid}_${Date.now()}`;
  const admin = new URL(env.DATABASE_URL);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const url = new URL(env.DATABASE_URL);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  cleanup = async () => {
    const c = new pg.Client({ connectionString: admin.toString() });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
  };
  console.log(`[e2e-server] using fresh database ${name}`);
} else {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'initlab-e2e-'));
  env.PGLITE_DATA_DIR = path.join(dir, 'pglite');
  cleanup = async () => rmSync(dir, { recursive: true, force: true });
  console.log(`[e2e-server] using fresh embedded database in ${dir}`);
}

runScript('scripts/db-migrate.ts', [], env);
writeFileSync(infoFile, JSON.stringify({ databaseUrl: env.DATABASE_URL ?? null, pid: process.pid }));

const log = createWriteStream(logFile);
const child = spawn(process.execPath, ['scripts/serve.mjs', '-p', port, '-H', '127.0.0.1'], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'pipe'],
  env,
});
child.stdout.on('data', (d) => {
  process.stdout.write(d);
  log.write(d);
});
child.stderr.on('data', (d) => {
  process.stderr.write(d);
  log.write(d);
});
let stopping = false;
const stop = (sig) => {
  if (stopping) return;
  stopping = true;
  child.kill(sig);
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
child.on('exit', async (code) => {
  log.end();
  rmSync(infoFile, { force: true });
  await cleanup().catch((e) => console.error('[e2e-server] cleanup failed:', e.message));
  process.exit(code ?? 0);
});
