/**
 * A small reader of prisma/schema.prisma for the drift test: models, scalar fields, optionality,
 * lists, ids, uniques, indexes, relations and enums. It covers the subset of the Prisma schema
 * language this project uses, and fails loudly on a line it does not understand, so a new
 * construct cannot silently escape the check.
 */
export interface PslField {
  name: string;
  type: string;
  optional: boolean;
  list: boolean;
  id: boolean;
  unique: boolean;
  hasDefault: boolean;
  updatedAt: boolean;
  relation?: { fields: string[]; references: string[]; onDelete?: string; target: string };
}

export interface PslModel {
  name: string;
  fields: PslField[];
  uniques: string[][];
  indexes: string[][];
}

export interface PslSchema {
  models: PslModel[];
  enums: Record<string, string[]>;
}

const list = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);

export function parsePrismaSchema(text: string): PslSchema {
  const clean = text.replace(/\/\/.*$/gm, '');
  const schema: PslSchema = { models: [], enums: {} };
  const blockRe = /(model|enum|generator|datasource)\s+(\w+)\s*\{([^}]*)\}/g;
  for (const [, kind, name, body] of clean.matchAll(blockRe)) {
    const lines = body.split('\n').map((l) => l.trim()).filter(Boolean);
    if (kind === 'enum') {
      schema.enums[name] = lines;
      continue;
    }
    if (kind !== 'model') continue;
    const model: PslModel = { name, fields: [], uniques: [], indexes: [] };
    for (const line of lines) {
      const block = line.match(/^@@(unique|index|id)\(\[([^\]]*)\]/);
      if (block) {
        (block[1] === 'index' ? model.indexes : model.uniques).push(list(block[2]));
        continue;
      }
      const m = line.match(/^(\w+)\s+(\w+)(\[\])?(\?)?\s*(.*)$/);
      if (!m) throw new Error(`prisma-schema reader: cannot read line in model ${name}: ${line}`);
      const [, fname, type, isList, isOpt, attrs] = m;
      const field: PslField = {
        name: fname,
        type,
        optional: Boolean(isOpt),
        list: Boolean(isList),
        id: /@id\b/.test(attrs),
        unique: /@unique\b/.test(attrs),
        hasDefault: /@default\(/.test(attrs),
        updatedAt: /@updatedAt\b/.test(attrs),
      };
      const rel = attrs.match(/@relation\(([^)]*)\)/);
      if (rel) {
        const fields = rel[1].match(/fields:\s*\[([^\]]*)\]/);
        const refs = rel[1].match(/references:\s*\[([^\]]*)\]/);
        const onDelete = rel[1].match(/onDelete:\s*(\w+)/);
        if (fields && refs) {
          field.relation = { fields: list(fields[1]), references: list(refs[1]), onDelete: onDelete?.[1], target: type };
        }
      }
      model.fields.push(field);
    }
    schema.models.push(model);
  }
  return schema;
}

export const SCALARS = new Set(['String', 'Int', 'Float', 'Boolean', 'DateTime', 'Json', 'BigInt', 'Decimal', 'Bytes']);
