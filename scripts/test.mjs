#!/usr/bin/env node
/**
 * `npm test`: every test, in order of cost — type check, unit and integration tests (Vitest),
 * then end-to-end tests in Chromium against the production build (Playwright). Uses
 * DATABASE_URL's PostgreSQL server when set (each suite creates and drops its own databases),
 * otherwise embedded PGlite. Ends with one line: "N passed, N failed".
 * `npm test -- --no-e2e` skips the browser tests (quick local loop).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const reports = path.join(root, 'test-reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const skipE2e = process.argv.includes('--no-e2e');
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env }).status ?? 1;
const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);

let passed = 0;
let failed = 0;
let skipped = 0;
/** Tests that failed, and tests that passed only on a retry (CI retries once), by name: printed
 * again beside the summary, since a CI log is often read from its end. */
const failures = [];
const flaky = [];
// Without the ANSI colours of Playwright's messages.
const firstLine = (message) => String(message ?? '').replace(/\x1b\[[0-9;]*m/g, '').split('\n')[0].slice(0, 300);

console.log('\n== Type check (tsc --noEmit) ==');
if (run('npx', ['tsc', '--noEmit', '-p', '.']) === 0) passed += 1;
else {
  failed += 1;
  failures.push('the type check (tsc --noEmit): see its output above');
}

console.log('\n== Unit and integration tests (Vitest) ==');
const unitFile = path.join(reports, 'unit.json');
const unitStatus = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitFile}`]);
const unit = readJson(unitFile);
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  skipped += unit.numPendingTests + (unit.numTodoTests ?? 0);
  // A suite that failed to load reports no test as failed; count it.
  if (unitStatus !== 0 && unit.numFailedTests === 0) failed += Math.max(1, unit.numFailedTestSuites);
  for (const file of unit.testResults) {
    const name = path.relative(root, file.name);
    if (file.status === 'failed' && file.assertionResults.length === 0) failures.push(`${name}: ${firstLine(file.message)}`);
    for (const t of file.assertionResults) {
      // A passed test that carries failure messages passed on a retry.
      if (t.status === 'failed') failures.push(`${name} › ${t.fullName}: ${firstLine(t.failureMessages[0])}`);
      else if (t.status === 'passed' && t.failureMessages?.length) flaky.push(`${name} › ${t.fullName}: ${firstLine(t.failureMessages[0])}`);
    }
  }
} else if (unitStatus !== 0) failed += 1;

if (!skipE2e) {
  console.log('\n== End-to-end tests (Playwright, Chromium, production build) ==');
  const e2eStatus = run('npx', ['playwright', 'test']);
  const e2e = readJson(path.join(reports, 'e2e.json'));
  if (e2e) {
    passed += e2e.stats.expected + e2e.stats.flaky;
    failed += e2e.stats.unexpected;
    skipped += e2e.stats.skipped;
    if (e2eStatus !== 0 && e2e.stats.unexpected === 0) failed += 1;
    // Suites are files, then describe blocks; a test is named file › describe › ... › title.
    const walk = (suite, trail) => {
      const here = suite.title && suite.title !== suite.file ? [...trail, suite.title] : trail;
      for (const spec of suite.specs ?? []) {
        for (const t of spec.tests) {
          const name = `${spec.file} › ${[...here, spec.title].join(' › ')}`;
          const error = firstLine(t.results.find((r) => r.error)?.error?.message);
          if (t.status === 'unexpected') failures.push(`${name}: ${error}`);
          else if (t.status === 'flaky') flaky.push(`${name}: ${error}`);
        }
      }
      for (const child of suite.suites ?? []) walk(child, here);
    };
    for (const suite of e2e.suites) walk(suite, []);
  } else if (e2eStatus !== 0) failed += 1;
}

if (flaky.length) console.log(`\nPassed only on a retry:\n${flaky.map((f) => `  ${f}`).join('\n')}`);
if (failures.length) console.log(`\nFailed:\n${failures.map((f) => `  ${f}`).join('\n')}`);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
