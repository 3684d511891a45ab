/**
 * The hand-written SQL migrations must build exactly the database prisma/schema.prisma
 * describes: every table, column, type, nullability, primary key, unique, index, foreign key
 * (with its delete rule) and enum. Runs the real migrations on a fresh database.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, type SqlRunner } from '@/lib/db/migrate';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';
import { parsePrismaSchema, SCALARS, type PslSchema } from '../helpers/prisma-schema';

const PG_TYPE: Record<string, string> = {
  String: 'text',
  Int: 'integer',
  Float: 'double precision',
  Boolean: 'boolean',
  DateTime: 'timestamp without time zone',
  Json: 'jsonb',
};
const DELETE_RULE: Record<string, string> = { Cascade: 'CASCADE', SetNull: 'SET NULL', Restrict: 'RESTRICT', NoAction: 'NO ACTION' };

let t: TestDatabase;
let schema: PslSchema;
const q = <T,>(sql: string, params?: unknown[]) => t.database.withRunner((r: SqlRunner) => r.query<T>(sql, params));

beforeAll(async () => {
  t = await createTestDatabase();
  await t.database.withRunner((r) => applyMigrations(r));
  schema = parsePrismaSchema(readFileSync(path.join(process.cwd(), 'prisma/schema.prisma'), 'utf8'));
});
afterAll(() => t?.drop());

describe('migrated database matches prisma/schema.prisma', () => {
  it('has exactly the models as tables (plus the migrations ledger)', async () => {
    const rows = await q<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
    );
    const tables = rows.map((r) => r.table_name).sort();
    expect(tables).toEqual([...schema.models.map((m) => m.name), '_prisma_migrations'].sort());
  });

  it('has every scalar field as a column of the right type and nullability, and no other column', async () => {
    const cols = await q<{ table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string }>(
      "SELECT table_name, column_name, data_type, udt_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'",
    );
    for (const model of schema.models) {
      const actual = cols.filter((c) => c.table_name === model.name);
      const expected = model.fields.filter((f) => SCALARS.has(f.type) || schema.enums[f.type]);
      expect(actual.map((c) => c.column_name).sort(), `columns of ${model.name}`).toEqual(expected.map((f) => f.name).sort());
      for (const f of expected) {
        const c = actual.find((x) => x.column_name === f.name)!;
        const where = `${model.name}.${f.name}`;
        if (f.list) {
          expect(c.data_type, where).toBe('ARRAY');
          expect(c.udt_name, where).toBe(`_${PG_TYPE[f.type] === 'text' ? 'text' : f.type.toLowerCase()}`);
        } else if (schema.enums[f.type]) {
          expect(c.udt_name, where).toBe(f.type);
        } else {
          expect(c.data_type, where).toBe(PG_TYPE[f.type]);
        }
        // Prisma creates list columns without NOT NULL; every other column follows `?`.
        if (!f.list) expect(c.is_nullable, where).toBe(f.optional ? 'YES' : 'NO');
      }
    }
  });

  it('has the primary keys, unique constraints and indexes', async () => {
    const idx = await q<{ tablename: string; indexname: string; indexdef: string }>(
      "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'",
    );
    const colsOf = (def: string) => list(def.match(/\(([^)]*)\)\s*$/)![1].replaceAll('"', ''));
    const list = (s: string) => s.split(',').map((x) => x.trim());
    for (const model of schema.models) {
      const mine = idx.filter((i) => i.tablename === model.name);
      const pk = mine.find((i) => i.indexname === `${model.name}_pkey`);
      expect(pk && colsOf(pk.indexdef), `primary key of ${model.name}`).toEqual(model.fields.filter((f) => f.id).map((f) => f.name));
      const uniques = mine
        .filter((i) => i.indexdef.startsWith('CREATE UNIQUE') && i.indexname !== `${model.name}_pkey`)
        .map((i) => colsOf(i.indexdef).join(','))
        .sort();
      const expectedUniques = [...model.fields.filter((f) => f.unique).map((f) => f.name), ...model.uniques.map((u) => u.join(','))].sort();
      expect(uniques, `unique constraints of ${model.name}`).toEqual(expectedUniques);
      const plain = mine.filter((i) => !i.indexdef.startsWith('CREATE UNIQUE')).map((i) => colsOf(i.indexdef).join(',')).sort();
      expect(plain, `indexes of ${model.name}`).toEqual(model.indexes.map((i) => i.join(',')).sort());
    }
  });

  it('has every relation as a foreign key with the same delete rule', async () => {
    const fks = await q<{ table_name: string; column_name: string; foreign_table: string; foreign_column: string; delete_rule: string }>(`
      SELECT kcu.table_name, kcu.column_name, ccu.table_name AS foreign_table, ccu.column_name AS foreign_column, rc.delete_rule
      FROM information_schema.referential_constraints rc
      JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = rc.constraint_name AND kcu.constraint_schema = rc.constraint_schema
      JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = rc.constraint_name AND ccu.constraint_schema = rc.constraint_schema
      WHERE rc.constraint_schema = 'public'`);
    const actual = fks.map((f) => `${f.table_name}.${f.column_name} -> ${f.foreign_table}.${f.foreign_column} ON DELETE ${f.delete_rule}`).sort();
    const expected = schema.models
      .flatMap((m) =>
        m.fields
          .filter((f) => f.relation)
          .map((f) => {
            const r = f.relation!;
            const rule = DELETE_RULE[r.onDelete ?? (f.optional ? 'SetNull' : 'Restrict')];
            return `${m.name}.${r.fields[0]} -> ${r.target}.${r.references[0]} ON DELETE ${rule}`;
          }),
      )
      .sort();
    expect(actual).toEqual(expected);
  });

  it('has the enums with the same values', async () => {
    const rows = await q<{ typname: string; enumlabel: string }>(
      'SELECT t.typname, e.enumlabel FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid ORDER BY t.typname, e.enumsortorder',
    );
    const actual: Record<string, string[]> = {};
    for (const r of rows) (actual[r.typname] ??= []).push(r.enumlabel);
    expect(actual).toEqual(schema.enums);
  });
});
