/**
 * Server environment, validated with zod on first use so a missing or malformed variable stops
 * the app with a message that names it. The embedded default needs no configuration at all: the
 * session secret is generated once and kept beside the embedded database.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === '' ? undefined : v));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** PostgreSQL server; when unset the app runs on the embedded PGlite database. */
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, { error: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
      .optional(),
  ),
  /** Folder of the embedded database (and its generated session secret). */
  PGLITE_DATA_DIR: z.string().default('.data/pglite'),
  /** Secret that signs session tokens. Required in production with a PostgreSQL server. */
  NEXTAUTH_SECRET: optionalString.pipe(
    z.string().min(32, { error: 'NEXTAUTH_SECRET must be at least 32 characters' }).optional(),
  ),
  /** Public origin of the app; https makes session cookies Secure. */
  NEXTAUTH_URL: z.url({ error: 'NEXTAUTH_URL must be a full URL such as https://initlab.example.org' }).default('http://localhost:3000'),
  /** When set, signing up as an instructor requires this code. */
  INSTRUCTOR_SIGNUP_CODE: optionalString,
  /** "1" seeds the demo accounts into a PostgreSQL server (the embedded database always gets them). */
  SEED_DEMO_DATA: z.enum(['0', '1']).optional(),
  /** Worker threads running the engine; default: one less than the cores (at least 1). */
  ENGINE_THREADS: z.coerce.number().int().min(1).max(64).optional(),
  /** Engine runs that may wait for a thread; beyond this requests get "busy, try again". */
  ENGINE_QUEUE_MAX: z.coerce.number().int().min(0).max(1000).default(16),
  /** Milliseconds one engine run may take on the server before it is cancelled. */
  ENGINE_RUN_TIME_LIMIT_MS: z.coerce.number().int().min(100).max(600_000).default(20_000),
});

export type Env = z.infer<typeof envSchema> & {
  /** The secret actually in use (given, or generated for the embedded database). */
  sessionSecret: string;
  embedded: boolean;
};

export class EnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnvError';
  }
}

let cached: Env | undefined;

/** Parses process.env; throws EnvError naming every bad variable. */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const r = envSchema.safeParse(source);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new EnvError(`Invalid environment configuration:\n${lines.join('\n')}`);
  }
  const env = r.data;
  const embedded = !env.DATABASE_URL;
  let sessionSecret = env.NEXTAUTH_SECRET;
  if (!sessionSecret) {
    if (env.NODE_ENV === 'production' && !embedded) {
      throw new EnvError(
        'Invalid environment configuration:\n  NEXTAUTH_SECRET: required in production (generate one with `openssl rand -base64 32`)',
      );
    }
    sessionSecret = embeddedSecret(env.PGLITE_DATA_DIR);
  }
  return { ...env, sessionSecret, embedded };
}

/** The validated environment of this process (parsed once). */
export function getEnv(): Env {
  cached ??= parseEnv();
  return cached;
}

/** A random secret generated on first use and kept next to the embedded database's files. */
function embeddedSecret(dataDir: string): string {
  // An in-memory database (tests) lives as long as the process: so does its secret.
  if (dataDir.startsWith('memory://')) return randomBytes(32).toString('base64url');
  const file = path.join(path.dirname(path.resolve(dataDir)), 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
