/**
 * The one place that creates the app's Prisma client. It picks the backend from the environment
 * (DATABASE_URL: that PostgreSQL server; otherwise the embedded PGlite database) and applies
 * pending migrations on first use, so nothing else needs to know which backend is in use.
 * The client is created lazily: importing this module (e.g. during `next build`) opens nothing.
 */
import { getEnv } from './env';
import { applyMigrations } from './db/migrate';
import { openDatabase, type Backend, type Database } from './db/connection';
import type { PrismaClient } from './generated/prisma/client';

export type { PrismaClient };

/** Kept on globalThis so hot reload in development does not open a second PGlite instance. */
const g = globalThis as typeof globalThis & { __initlabDb?: Promise<Database> };

export function backendFromEnv(): Backend {
  const env = getEnv();
  return env.DATABASE_URL ? { kind: 'postgres', url: env.DATABASE_URL } : { kind: 'pglite', dataDir: env.PGLITE_DATA_DIR };
}

async function init(): Promise<Database> {
  const database = await openDatabase(backendFromEnv());
  await database.withRunner((runner) => applyMigrations(runner));
  return database;
}

/** The app's Prisma client, migrated and ready. */
export async function getDb(): Promise<PrismaClient> {
  g.__initlabDb ??= init().catch((err) => {
    g.__initlabDb = undefined;
    throw err;
  });
  return (await g.__initlabDb).prisma;
}
