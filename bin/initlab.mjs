#!/usr/bin/env node
// The `initlab` command (package.json "bin"). It runs the engine from a plain-JavaScript bundle
// of lib/cli/main.ts (scripts/build-cli.mjs, built at install), so a call costs no TypeScript
// compilation. When the bundle is missing or older than any source it was built from (you
// edited the engine), it is rebuilt first; without esbuild the sources run through tsx. Either
// way the CLI runs exactly the code the app and the tests use.
import { readFileSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { buildCli, CLI_BUNDLE, CLI_INPUTS } from '../scripts/build-cli.mjs';

function bundleIsFresh() {
  try {
    const built = statSync(CLI_BUNDLE).mtimeMs;
    const inputs = JSON.parse(readFileSync(CLI_INPUTS, 'utf8'));
    return inputs.every((file) => statSync(file).mtimeMs <= built);
  } catch {
    return false; // missing bundle, or a source was deleted or renamed
  }
}

async function loadCli() {
  if (bundleIsFresh() || (await buildCli().catch(() => false))) return import(pathToFileURL(CLI_BUNDLE).href);
  const { register } = await import('tsx/esm/api');
  register();
  return import('../lib/cli/main.ts');
}

const { runCli } = await loadCli();
const code = runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
});
process.exitCode = code;
