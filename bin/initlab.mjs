#!/usr/bin/env node
// The `initlab` command (package.json "bin"). It runs the TypeScript sources directly through
// tsx's ESM loader, so the CLI always uses the same engine code as the app and the tests.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../lib/cli/main.ts');
const code = runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
});
process.exitCode = code;
