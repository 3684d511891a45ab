/**
 * Prisma CLI config. The app never needs the CLI at run time: the client is generated at
 * install (scripts/prisma-generate.mjs) and migrations are applied by lib/db/migrate.ts.
 * With the schema engine available (a machine with internet), `prisma migrate deploy` reads the
 * same migrations folder and ledger.
 */
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations', seed: 'tsx scripts/db-seed.ts' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/initlab' },
});
