#!/usr/bin/env node
/**
 * Runs `prisma generate` offline. Generation never executes the schema engine, but the Prisma
 * CLI insists on finding one and would try to download it from a host these machines cannot
 * reach; pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file satisfies it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
if (!existsSync(path.join(root, 'prisma', 'schema.prisma'))) process.exit(0);
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'prisma', 'build', 'index.js'), 'generate'], {
  cwd: root,
  stdio: 'inherit',
  env,
});
process.exit(r.status ?? 1);
