#!/usr/bin/env node
/**
 * `npm start`: build if needed, migrate (and on a new embedded database, add the demo
 * accounts), then serve on PORT (3000). With DATABASE_URL unset everything runs on the embedded
 * PGlite database in .data/, so no database server is needed.
 */
import { spawn } from 'node:child_process';
import { ensureBuild, root, runScript } from './lib/build.mjs';

const port = process.env.PORT || '3000';
const env = { ...process.env, NODE_ENV: 'production' };
// No NEXTAUTH_URL by default: NextAuth 4 builds every redirect from it, so a class that opens the
// app by the server's IP address would land on localhost. Without it, AUTH_TRUST_HOST makes
// NextAuth take the origin from the request's Host header (set NEXTAUTH_URL behind a proxy).
if (!env.NEXTAUTH_URL) env.AUTH_TRUST_HOST ??= 'true';

ensureBuild(env);
runScript('scripts/db-migrate.ts', ['--seed-embedded'], env);
console.log(`[initlab] serving on http://localhost:${port} (${env.DATABASE_URL ? 'PostgreSQL server' : 'embedded database'})`);
const child = spawn(process.execPath, ['scripts/serve.mjs', '-p', port], { cwd: root, stdio: 'inherit', env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
