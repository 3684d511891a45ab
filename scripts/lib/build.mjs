/**
 * Builds the production app when the build is missing or older than the sources, so
 * `npm start` and the e2e server never serve a stale build and never rebuild needlessly.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..', '..');
const SOURCES = ['app', 'components', 'lib', 'public', 'types', 'proxy.ts', 'next.config.mjs', 'postcss.config.mjs', 'package-lock.json'];

function newestMtime(p) {
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  // A folder's own mtime changes when a file in it is added or deleted.
  let newest = st.mtimeMs;
  for (const entry of readdirSync(p, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry.name)));
  }
  return newest;
}

/** Written after a build succeeds: a failed build can leave BUILD_ID behind, but never this. */
const MARKER = 'initlab-build-complete';

export function buildIsStale(distDir = process.env.NEXT_DIST_DIR || '.next') {
  const marker = path.join(root, distDir, MARKER);
  if (!existsSync(marker)) return true;
  const built = statSync(marker).mtimeMs;
  return SOURCES.map((s) => path.join(root, s)).some((p) => existsSync(p) && newestMtime(p) > built);
}

export function ensureBuild(env = process.env) {
  if (!buildIsStale(env.NEXT_DIST_DIR || '.next') && !env.FORCE_BUILD) return;
  console.log('[initlab] building the app (first start or sources changed) ...');
  const r = spawnSync('npx', ['next', 'build'], { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0) {
    console.error('[initlab] the build failed; see the messages above.');
    process.exit(r.status ?? 1);
  }
  writeFileSync(path.join(root, env.NEXT_DIST_DIR || '.next', MARKER), new Date().toISOString());
}

/** Runs a TypeScript script with tsx, exiting on failure. */
export function runScript(file, args = [], env = process.env) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, file), ...args], { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
