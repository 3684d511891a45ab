/**
 * `npm run db:seed`: writes the demo accounts, course and assignment (idempotent). Refuses a
 * production database unless --yes is given, so demo passwords never land there by accident.
 */
import { backendFromEnv } from '../lib/db';
import { openDatabase } from '../lib/db/connection';
import { applyMigrations } from '../lib/db/migrate';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoData } from '../lib/db/seed';
import { getEnv } from '../lib/env';

async function main() {
  const env = getEnv();
  if (env.NODE_ENV === 'production' && !env.embedded && !process.argv.includes('--yes')) {
    console.error('[seed] NODE_ENV is production: refusing to add demo accounts. Pass --yes if you really mean it.');
    process.exit(1);
  }
  const database = await openDatabase(backendFromEnv());
  try {
    await database.withRunner((r) => applyMigrations(r));
    const { users } = await seedDemoData(database.prisma);
    console.log(`[seed] ${users} demo accounts ready (password "${DEMO_PASSWORD}"): ${DEMO_USERS.map((u) => u.email).join(', ')}`);
  } finally {
    await database.close();
  }
}

main().catch((err) => {
  console.error(`[seed] ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
