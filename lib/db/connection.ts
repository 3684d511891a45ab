/**
 * Opens the two kinds of PostgreSQL the app runs on and adapts them for Prisma and for the
 * migration runner: a server reached through node-postgres (DATABASE_URL), or PGlite, an
 * in-process PostgreSQL compiled to WebAssembly, storing its files in a local folder.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '../generated/prisma/client';
import type { SqlRunner } from './migrate';

export type Backend = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string | null };

/** A Prisma client plus what is needed to migrate and close the same database. */
export interface Database {
  prisma: PrismaClient;
  backend: Backend['kind'];
  /** Runs `fn` with a single connection suitable for the migration runner. */
  withRunner<T>(fn: (runner: SqlRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function openDatabase(backend: Backend): Promise<Database> {
  if (backend.kind === 'postgres') {
    const adapter = new PrismaPg({ connectionString: backend.url, max: 10 });
    const prisma = new PrismaClient({ adapter });
    return {
      prisma,
      backend: 'postgres',
      async withRunner(fn) {
        const client = new pg.Client({ connectionString: backend.url });
        await client.connect();
        try {
          return await fn({
            query: async (sql, params) => (await client.query(sql, params as unknown[])).rows,
            exec: async (sql) => void (await client.query(sql)),
          });
        } finally {
          await client.end();
        }
      },
      close: () => prisma.$disconnect(),
    };
  }
  // null or "memory://" keeps the whole database in memory (tests); otherwise a folder.
  const dir = backend.dataDir && !backend.dataDir.startsWith('memory://') ? path.resolve(backend.dataDir) : null;
  if (dir) mkdirSync(dir, { recursive: true });
  const lite = dir ? await PGlite.create(dir) : await PGlite.create();
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(lite) });
  return {
    prisma,
    backend: 'pglite',
    withRunner: (fn) =>
      fn({
        query: async (sql, params) => (await lite.query(sql, params as unknown[])).rows as never[],
        exec: async (sql) => void (await lite.exec(sql)),
      }),
    async close() {
      await prisma.$disconnect();
      await lite.close();
    },
  };
}
