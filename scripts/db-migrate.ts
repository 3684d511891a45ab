/**
 * `npm run db:migrate`: applies pending migrations to DATABASE_URL's server, or to the embedded
 * database when it is unset. With --seed-embedded (used by `npm start`), an embedded database
 * that has no users yet also gets the demo data. Either way the run store gets the simulator's
 * default run if this engine version has not stored it yet.
 */
import { backendFromEnv } from '../lib/db';
import { openDatabase } from '../lib/db/connection';
import { applyMigrations } from '../lib/db/migrate';
import { seedDemoData } from '../lib/db/seed';
import { warmRunStore } from '../lib/runs/warm';
import { getEnv } from '../lib/env';

async function main() {
  const env = getEnv();
  const backend = backendFromEnv();
  const database = await openDatabase(backend);
  try {
    const report = await database.withRunner((r) => applyMigrations(r));
    const where = backend.kind === 'postgres' ? 'PostgreSQL server' : `embedded database (${env.PGLITE_DATA_DIR})`;
    console.log(
      `[db] ${where}: ${report.applied.length} migration(s) applied${report.applied.length ? ` (${report.applied.join(', ')})` : ''}, ${report.skipped.length} already present.`,
    );
    const wantSeed = (process.argv.includes('--seed-embedded') && env.embedded) || env.SEED_DEMO_DATA === '1';
    if (wantSeed && (await database.prisma.user.count()) === 0) {
      await seedDemoData(database.prisma);
      console.log('[db] demo accounts created (see README: Demo accounts).');
    }
    // The simulator's default config, stored before the server starts, so its first paint is a
    // database read from the very first visitor on.
    const warmed = await warmRunStore(database.prisma);
    if (warmed) console.log(`[db] stored the simulator's default run.`);
  } finally {
    await database.close();
  }
}

main().catch((err) => {
  console.error(`[db] ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
