/**
 * Applies prisma/migrations/<name>/migration.sql in order, on PostgreSQL or embedded PGlite,
 * recording each in Prisma's own `_prisma_migrations` ledger (same columns, sha256 checksums)
 * so `prisma migrate deploy` on a machine with the schema engine sees the same history.
 * Idempotent: applied migrations are skipped; a changed file is refused, not silently re-run.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The little a migration needs from a connection; implemented for pg and PGlite. */
export interface SqlRunner {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements (no parameters). */
  exec(sql: string): Promise<void>;
}

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

/** Relative to the working directory: the app and its scripts always run from the project root. */
export const MIGRATIONS_DIR = path.join(process.cwd(), 'prisma', 'migrations');

const LEDGER_DDL = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/** Prisma's advisory lock key, so our runner and `prisma migrate` never run at once. */
const LOCK_KEY = 72707369;

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  // The folder is read at run time on purpose; tell Turbopack not to trace the project from here.
  if (!existsSync(/*turbopackIgnore: true*/ dir)) return [];
  return readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

export interface MigrateReport {
  applied: string[];
  skipped: string[];
}

export async function applyMigrations(db: SqlRunner, migrations = readMigrations()): Promise<MigrateReport> {
  await db.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
  try {
    await db.exec(LEDGER_DDL);
    const rows = await db.query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"',
    );
    const done = new Map(rows.filter((r) => r.finished_at && !r.rolled_back_at).map((r) => [r.migration_name, r.checksum]));
    const failed = rows.find((r) => !r.finished_at && !r.rolled_back_at);
    if (failed) {
      throw new Error(`Migration ${failed.migration_name} failed earlier and was never resolved; fix the database by hand first.`);
    }
    const report: MigrateReport = { applied: [], skipped: [] };
    for (const m of migrations) {
      const existing = done.get(m.name);
      if (existing) {
        if (existing !== m.checksum) {
          throw new Error(`Migration ${m.name} was changed after it was applied (checksum mismatch); add a new migration instead.`);
        }
        report.skipped.push(m.name);
        continue;
      }
      const id = randomUUID();
      await db.exec('BEGIN');
      try {
        await db.query(
          'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)',
          [id, m.checksum, m.name],
        );
        await db.exec(m.sql);
        await db.query('UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1', [id]);
        await db.exec('COMMIT');
      } catch (err) {
        await db.exec('ROLLBACK');
        throw new Error(`Migration ${m.name} failed: ${(err as Error).message}`);
      }
      report.applied.push(m.name);
    }
    return report;
  } finally {
    await db.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]);
  }
}
