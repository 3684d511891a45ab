/**
 * A fresh, empty database for one test file: a new database on DATABASE_URL's PostgreSQL server
 * (dropped afterwards), or, without DATABASE_URL, an in-memory embedded PGlite. It also points
 * the app's own lib/db at it (through the environment), so the data layer is tested unchanged.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '@/lib/db/connection';

export interface TestDatabase {
  database: Database;
  kind: 'postgres' | 'pglite';
  /** Connection URL (PostgreSQL only). */
  url: string | null;
  drop(): Promise<void>;
}

function adminUrl(url: string): string {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const server = process.env.DATABASE_URL;
  if (!server) {
    process.env.PGLITE_DATA_DIR = 'memory://';
    const database = await openDatabase({ kind: 'pglite', dataDir: null });
    return { database, kind: 'pglite', url: null, drop: () => database.close() };
  }
  const name = `initlab_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl(server) });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const u = new URL(server);
  u.pathname = `/${name}`;
  const url = u.toString();
  // lib/env reads this lazily, so the app's getDb() in this process uses the test database.
  process.env.DATABASE_URL = url;
  const database = await openDatabase({ kind: 'postgres', url });
  return {
    database,
    kind: 'postgres',
    url,
    async drop() {
      await database.close();
      const c = new pg.Client({ connectionString: adminUrl(server) });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
      process.env.DATABASE_URL = server;
    },
  };
}
