#!/usr/bin/env node
/**
 * Bundles the command line (lib/cli/main.ts and the engine it imports) into one plain ES module,
 * .cache/cli/initlab-cli.mjs (gitignored), so `initlab` starts in Node without compiling
 * TypeScript on every call (tsx took about a second before the engine ran). Runs at postinstall
 * (`npm ci` / `npm install`) and `npm run build:cli`; bin/initlab.mjs also calls buildCli() when
 * the bundle is missing or older than a source it was built from, and falls back to tsx if
 * esbuild is unavailable, so a fresh clone works either way.
 *
 * Next to the bundle, inputs.json lists the source files it was built from (esbuild's metafile),
 * so the bin can check staleness by stat-ing those files only.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_DIR = path.join(root, '.cache', 'cli');
export const CLI_BUNDLE = path.join(CLI_DIR, 'initlab-cli.mjs');
export const CLI_INPUTS = path.join(CLI_DIR, 'inputs.json');

/** Builds the bundle; resolves to true on success, false when esbuild is not installed. */
export async function buildCli() {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    return false;
  }
  mkdirSync(CLI_DIR, { recursive: true });
  // Unique temporary names, renamed into place: concurrent builds (parallel test workers) never
  // leave a half-written bundle behind.
  const tmp = `${CLI_BUNDLE}.${process.pid}.${Date.now()}.tmp`;
  const result = await esbuild.build({
    entryPoints: [path.join(root, 'lib/cli/main.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: tmp,
    metafile: true,
    logLevel: 'silent',
    legalComments: 'none',
    minify: true,
  });
  const inputs = Object.keys(result.metafile.inputs).map((p) => path.resolve(root, p));
  writeFileSync(`${tmp}.json`, JSON.stringify(inputs));
  renameSync(`${tmp}.json`, CLI_INPUTS);
  renameSync(tmp, CLI_BUNDLE);
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  buildCli()
    .then((ok) => console.log(ok ? `initlab CLI bundled: ${path.relative(root, CLI_BUNDLE)}` : 'esbuild not installed: initlab will run through tsx'))
    .catch((err) => {
      // Never fail an install over this: the bin falls back to tsx.
      console.warn(`initlab CLI bundle not built (${err.message}); initlab will run through tsx`);
    });
}
