/**
 * The runs migration moves existing experiments, submissions and share links onto Run rows:
 * one run per distinct (engine version, config), prose dropped, every row still pointing at it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, readMigrations, type SqlRunner } from '@/lib/db/migrate';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

const RUNS_MIGRATION = '20261201000200_runs';

let t: TestDatabase;
const q = <T,>(sql: string, params?: unknown[]) => t.database.withRunner((r: SqlRunner) => r.query<T>(sql, params));

beforeAll(async () => {
  t = await createTestDatabase();
  const all = readMigrations();
  expect(all.map((m) => m.name)).toContain(RUNS_MIGRATION);
  await t.database.withRunner((r) => applyMigrations(r, all.filter((m) => m.name < RUNS_MIGRATION)));
  const config = { scheme: 'he-normal', activation: 'relu', layers: 12, width: 256, seed: 1 };
  const other = { ...config, seed: 2 };
  const summary = {
    scheme: 'he-normal',
    formula: 'Var(W) = 2 / fan_in',
    finalStd: 0.95,
    signalState: 'stable',
    recommendation: 'Use He.',
    verdictText: 'It matches.',
    thresholds: { vanishingBelow: 0.1, explodingAbove: 10, description: 'Below 0.1 ...' },
  };
  await q(`INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt") VALUES ('u1', 'a@example.com', 'A', 'x', 'STUDENT', now()), ('i1', 'i@example.com', 'I', 'x', 'INSTRUCTOR', now())`);
  await q(`INSERT INTO "Course" (id, title, "joinCode", "instructorId", "updatedAt") VALUES ('c1', 'C', 'J', 'i1', now())`);
  await q(`INSERT INTO "Assignment" (id, "courseId", title, prompt, "baseConfig", "editableFields", criteria, "updatedAt") VALUES ('a1', 'c1', 'T', 'P', $1, '{scheme}', '[]', now())`, [config]);
  await q(`INSERT INTO "Experiment" (id, "ownerId", title, config, seed, "engineVersion", "resultSummary", "updatedAt") VALUES ('e1', 'u1', 'E1', $1, 1, '1.1.0', $2, now()), ('e2', 'u1', 'E2', $3, 2, '1.1.0', $2, now())`, [config, summary, other]);
  await q(`INSERT INTO "Submission" (id, "assignmentId", "studentId", "experimentId", attempt, config, seed, "engineVersion", "resultSummary", "criteriaResults", passed, score) VALUES ('s1', 'a1', 'u1', 'e1', 1, $1, 1, '1.1.0', $2, '[]', true, 100)`, [config, summary]);
  await q(`INSERT INTO "ShareLink" (id, token, "ownerId", "experimentId", title, config, "engineVersion", "resultSummary") VALUES ('l1', 'tok', 'u1', 'e2', 'L', $1, '1.1.0', $2)`, [other, summary]);
  await t.database.withRunner((r) => applyMigrations(r));
});
afterAll(() => t?.drop());

describe('runs migration', () => {
  it('makes one run per distinct config and points every row at the right one', async () => {
    const runs = await q<{ id: string; configHash: string; config: { seed: number }; summary: Record<string, unknown> }>(`SELECT id, "configHash", config, summary FROM "Run" ORDER BY (config->>'seed')::int`);
    expect(runs).toHaveLength(2);
    expect(runs.map((r) => r.config.seed)).toEqual([1, 2]);
    for (const r of runs) expect(r.configHash).toMatch(/^legacy:[0-9a-f]{32}$/);
    const ref = async (table: string, id: string) => (await q<{ runId: string }>(`SELECT "runId" FROM "${table}" WHERE id = $1`, [id]))[0].runId;
    expect(await ref('Experiment', 'e1')).toBe(runs[0].id);
    expect(await ref('Submission', 's1')).toBe(runs[0].id);
    expect(await ref('Experiment', 'e2')).toBe(runs[1].id);
    expect(await ref('ShareLink', 'l1')).toBe(runs[1].id);
  });

  it('keeps the numbers and codes and drops the prose', async () => {
    const [run] = await q<{ summary: Record<string, unknown> }>(`SELECT summary FROM "Run" LIMIT 1`);
    expect(run.summary).toEqual({
      scheme: 'he-normal',
      finalStd: 0.95,
      signalState: 'stable',
      thresholds: { vanishingBelow: 0.1, explodingAbove: 10 },
    });
  });

  it('refuses to delete a run that something points at', async () => {
    const [run] = await q<{ id: string }>(`SELECT id FROM "Run" LIMIT 1`);
    await expect(q(`DELETE FROM "Run" WHERE id = $1`, [run.id])).rejects.toThrow(/foreign key/);
  });
});
