/** Start-up configuration: clear messages naming the bad variable; secrets where they must be. */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from '@/lib/env';

const tmp = () => path.join(mkdtempSync(path.join(os.tmpdir(), 'initlab-env-')), 'pglite');

describe('parseEnv', () => {
  it('runs embedded with no configuration, generating and then reusing a session secret', () => {
    const dir = tmp();
    const a = parseEnv({ PGLITE_DATA_DIR: dir } as unknown as NodeJS.ProcessEnv);
    expect(a.embedded).toBe(true);
    expect(a.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(path.join(path.dirname(dir), 'session-secret'), 'utf8')).toBe(a.sessionSecret);
    expect(parseEnv({ PGLITE_DATA_DIR: dir } as unknown as NodeJS.ProcessEnv).sessionSecret).toBe(a.sessionSecret);
  });

  it('requires NEXTAUTH_SECRET in production with a PostgreSQL server', () => {
    expect(() => parseEnv({ NODE_ENV: 'production', DATABASE_URL: 'postgresql://db/initlab' } as unknown as NodeJS.ProcessEnv)).toThrow(
      /NEXTAUTH_SECRET: required in production/,
    );
    const ok = parseEnv({ NODE_ENV: 'production', DATABASE_URL: 'postgresql://db/initlab', NEXTAUTH_SECRET: 's'.repeat(40) } as unknown as NodeJS.ProcessEnv);
    expect(ok).toMatchObject({ embedded: false, sessionSecret: 's'.repeat(40) });
  });

  it('names each malformed variable', () => {
    let message = '';
    try {
      parseEnv({ DATABASE_URL: 'mysql://x', NEXTAUTH_URL: 'not a url', NEXTAUTH_SECRET: 'short' } as unknown as NodeJS.ProcessEnv);
    } catch (e) {
      expect(e).toBeInstanceOf(EnvError);
      message = (e as Error).message;
    }
    expect(message).toMatch(/DATABASE_URL: .*postgres/);
    expect(message).toMatch(/NEXTAUTH_URL: /);
    expect(message).toMatch(/NEXTAUTH_SECRET: .*32 characters/);
  });

  it('treats an empty DATABASE_URL as unset', () => {
    expect(parseEnv({ DATABASE_URL: '', PGLITE_DATA_DIR: tmp() } as unknown as NodeJS.ProcessEnv).embedded).toBe(true);
  });
});
