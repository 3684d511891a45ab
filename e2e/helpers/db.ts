/**
 * Direct access to the e2e server's database, for fixtures the UI cannot make yet (courses,
 * enrollments, role changes) and for checking what was written. scripts/e2e-server.mjs writes
 * where its database is to test-reports/e2e-server-<port>.json. Only a PostgreSQL server can be
 * shared with the test process; on embedded PGlite `dbAvailable()` is false and such tests skip
 * (CI always runs them: it sets DATABASE_URL).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { hash } from '@node-rs/argon2';
import pg from 'pg';

const port = process.env.E2E_PORT ?? '3100';
const infoFile = path.resolve(import.meta.dirname, '..', '..', 'test-reports', `e2e-server-${port}.json`);

function databaseUrl(): string | null {
  if (!existsSync(infoFile)) return null;
  return (JSON.parse(readFileSync(infoFile, 'utf8')) as { databaseUrl: string | null }).databaseUrl;
}

export function dbAvailable(): boolean {
  return databaseUrl() !== null;
}

export async function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  const url = databaseUrl();
  if (!url) throw new Error('the e2e database is embedded (PGlite); set DATABASE_URL to run this test');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

export const newId = () => `e2e${randomBytes(10).toString('hex')}`;

let hashed: Promise<string> | undefined;
export interface SeededUser {
  id: string;
  email: string;
  name: string;
  role: 'STUDENT' | 'INSTRUCTOR';
}

/** A user with the e2e PASSWORD (argon2id, like the app), written straight to the database. */
export async function seedUser(role: SeededUser['role'], name: string, password: string): Promise<SeededUser> {
  hashed ??= hash(password, { memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  const id = newId();
  const email = `${id}@example.com`;
  await sql(`INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt") VALUES ($1, $2, $3, $4, $5::"Role", now())`, [
    id,
    email,
    name,
    await hashed,
    role,
  ]);
  return { id, email, name, role };
}

export async function seedCourse(instructorId: string, title: string, description = ''): Promise<{ id: string; joinCode: string; title: string }> {
  const id = newId();
  const joinCode = `JC-${randomBytes(4).toString('hex').toUpperCase()}`;
  await sql(`INSERT INTO "Course" (id, title, description, "joinCode", "instructorId", "updatedAt") VALUES ($1, $2, $3, $4, $5, now())`, [
    id,
    title,
    description,
    joinCode,
    instructorId,
  ]);
  return { id, joinCode, title };
}

export async function enroll(courseId: string, studentId: string): Promise<void> {
  await sql(`INSERT INTO "Enrollment" (id, "courseId", "studentId") VALUES ($1, $2, $3)`, [newId(), courseId, studentId]);
}
