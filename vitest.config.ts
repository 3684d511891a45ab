import { defineConfig } from 'vitest/config';
import path from 'node:path';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      'server-only': path.resolve(import.meta.dirname, 'tests/helpers/server-only.ts'),
    },
  },
  test: {
    include: ['tests/**/*.test.ts', 'lib/**/*.test.ts'],
    environment: 'node',
    // Without DATABASE_URL, anything that opens the app's database gets an in-memory one.
    env: { PGLITE_DATA_DIR: 'memory://' },
    testTimeout: 60_000,
    // As Playwright does in CI: one retry, so a single descheduling on a shared 2-core machine
    // does not sink a run; scripts/test.mjs lists every test that passed only on its retry.
    retry: process.env.CI ? 1 : 0,
    hookTimeout: 120_000,
    // Integration tests create their own databases; keep files in separate processes.
    pool: 'forks',
  },
});
