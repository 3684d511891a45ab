/**
 * Server environment, validated with zod on first use so a missing or malformed variable stops
 * the app with a message that names it. The embedded default needs no configuration at all: the
 * session secret is generated once and kept beside the embedded database.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === '' ? undefined : v));

/** A per-hour limit: a whole number of at least 1, `fallback` when unset or empty. */
const hourlyLimit = (name: string, fallback: number) =>
  optionalString
    .pipe(z.coerce.number<string | undefined>({ error: `${name} must be a whole number of at least 1` }).int().min(1).optional())
    .transform((v) => v ?? fallback);

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
  /**
   * "open" lets anyone sign up as an instructor without a code even in production on a
   * PostgreSQL server (where it is otherwise closed); "closed" closes it everywhere.
   */
  INSTRUCTOR_SIGNUP: optionalString.pipe(
    z.enum(['open', 'closed'], { error: 'INSTRUCTOR_SIGNUP must be "open" or "closed"' }).optional(),
  ),
  /**
   * Proxies whose X-Forwarded-For we believe: comma-separated addresses or CIDR ranges
   * (e.g. "127.0.0.1,10.0.0.0/8"). Unset: the socket address is the client address.
   */
  TRUSTED_PROXIES: optionalString.pipe(
    z
      .string()
      .refine((v) => v.split(',').every((p) => parseProxyEntry(p.trim()) !== null), {
        error: 'TRUSTED_PROXIES must be comma-separated IP addresses or CIDR ranges, like 127.0.0.1,10.0.0.0/8',
      })
      .optional(),
  ),
  /** Accounts that may be created per client address per hour (a classroom signs up at once). */
  SIGN_UP_LIMIT_PER_HOUR: hourlyLimit('SIGN_UP_LIMIT_PER_HOUR', 50),
  /**
   * New runs the public entry points (POST /api/runs, the simulator page's first result) may
   * compute and store per client address per hour; stored runs are never counted.
   */
  RUN_LIMIT_PER_HOUR: hourlyLimit('RUN_LIMIT_PER_HOUR', 600),
  /** "1" seeds the demo accounts into a PostgreSQL server (the embedded database always gets them). */
  SEED_DEMO_DATA: z.enum(['0', '1']).optional(),
  /** Worker threads running the engine; default: one less than the cores (at least 1). */
  ENGINE_THREADS: z.coerce.number().int().min(1).max(64).optional(),
  /** Engine runs that may wait for a thread; beyond this requests get "busy, try again". */
  ENGINE_QUEUE_MAX: z.coerce.number().int().min(0).max(1000).default(16),
  /** Milliseconds one engine run may take on the server before it is cancelled. */
  ENGINE_RUN_TIME_LIMIT_MS: z.coerce.number().int().min(100).max(600_000).default(20_000),
});

/** One TRUSTED_PROXIES entry as [address, prefix length, family], or null when malformed. */
export function parseProxyEntry(entry: string): [string, number, 'ipv4' | 'ipv6'] | null {
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address ?? '');
  if (rest.length || !family) return null;
  const max = family === 4 ? 32 : 128;
  const bits = prefix === undefined ? max : /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
  if (!(bits >= 0 && bits <= max)) return null;
  return [address!, bits, family === 4 ? 'ipv4' : 'ipv6'];
}

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

/**
 * Who may sign up as an instructor: with a code when INSTRUCTOR_SIGNUP_CODE is set; otherwise
 * open on the embedded (laptop) database and in development, closed in production on a
 * PostgreSQL server unless the deployer opens it with INSTRUCTOR_SIGNUP=open.
 */
export function instructorSignUp(env: Env = getEnv()): 'open' | 'code' | 'closed' {
  if (env.INSTRUCTOR_SIGNUP === 'closed') return 'closed';
  if (env.INSTRUCTOR_SIGNUP_CODE) return 'code';
  if (env.INSTRUCTOR_SIGNUP === 'open' || env.embedded || env.NODE_ENV !== 'production') return 'open';
  return 'closed';
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
