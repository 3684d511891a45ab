/** The migration runner: applies everything once, records Prisma's ledger, refuses edits. */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, readMigrations, type Migration } from '@/lib/db/migrate';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.drop());

describe('applyMigrations', () => {
  it('applies every migration to an empty database, then nothing on a second run', async () => {
    const all = readMigrations();
    expect(all.length).toBeGreaterThan(0);
    const first = await t.database.withRunner((r) => applyMigrations(r));
    expect(first.applied).toEqual(all.map((m) => m.name));
    const second = await t.database.withRunner((r) => applyMigrations(r));
    expect(second).toEqual({ applied: [], skipped: all.map((m) => m.name) });
  });

  it("records Prisma's ledger columns with sha256 checksums of the files", async () => {
    const rows = await t.database.withRunner((r) =>
      r.query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
        'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
      ),
    );
    const cols = await t.database.withRunner((r) =>
      r.query<{ column_name: string }>(
        "SELECT column_name FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position",
      ),
    );
    expect(cols.map((c) => c.column_name)).toEqual([
      'id', 'checksum', 'finished_at', 'migration_name', 'logs', 'rolled_back_at', 'started_at', 'applied_steps_count',
    ]);
    for (const m of readMigrations()) {
      const row = rows.find((r) => r.migration_name === m.name)!;
      expect(row.checksum).toBe(createHash('sha256').update(m.sql).digest('hex'));
      expect(row.finished_at).not.toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it('refuses a migration whose file changed after it was applied', async () => {
    const edited: Migration[] = readMigrations().map((m, i) => (i === 0 ? { ...m, checksum: '0'.repeat(64) } : m));
    await expect(t.database.withRunner((r) => applyMigrations(r, edited))).rejects.toThrow(/checksum mismatch/);
  });

  it('rolls back a failing migration completely and reports it', async () => {
    const bad: Migration = { name: '99999999999999_broken', sql: 'CREATE TABLE "Half" (id int); SELECT * FROM no_such_table;', checksum: 'x'.repeat(64) };
    await expect(t.database.withRunner((r) => applyMigrations(r, [...readMigrations(), bad]))).rejects.toThrow(/99999999999999_broken failed/);
    const rows = await t.database.withRunner((r) =>
      r.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'Half' UNION ALL SELECT 1 FROM \"_prisma_migrations\" WHERE migration_name = '99999999999999_broken'"),
    );
    expect(rows).toHaveLength(0);
  });
});
