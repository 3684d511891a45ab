import 'server-only';
/**
 * Saved experiments: a title, Markdown notes and tags around a stored Run. Every function takes
 * the acting user and reads through experimentWhere(actor), so only the owner sees, edits,
 * deletes, forks or re-runs an experiment, and someone else's id answers exactly like a missing
 * one. Runs come from getOrCreateRun: the server computes (or reuses) the numbers from the
 * config; nothing the browser computed is stored.
 */
import { readSignalState } from '../sim/signal-state';
import { getDb } from '../db';
import { AppError } from '../errors';
import type { Prisma } from '../generated/prisma/client';
import type { SessionUser } from '../auth/session-user';
import { ENGINE_VERSION } from '../sim/version';
import {
  PAGE_SIZE,
  TITLE_MAX,
  type ListQuery,
  type SaveExperimentInput,
  type UpdateExperimentInput,
} from '../validation/experiment';
import type { SimConfig } from '../validation/sim-config';
import type { SignalState } from '../sim/types';
import { getOrCreateRun, getRunById, type StoredRun } from './runs';
import { deletedExperimentWhere, experimentWhere } from './access/experiments';

type Actor = Pick<SessionUser, 'id' | 'role'>;

export const NOT_FOUND_MESSAGE = 'That experiment does not exist, or it is not yours.';
/** Deleted experiments stay restorable this long; older ones are purged on the owner's next delete. */
export const UNDO_WINDOW_MS = 60 * 60 * 1000;

export interface ExperimentListItem {
  id: string;
  title: string;
  notes: string;
  tags: string[];
  scheme: string;
  activation: string;
  layers: number;
  width: number;
  signalState: SignalState;
  finalStd: number | null;
  engineVersion: string;
  outdated: boolean;
  forked: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface ExperimentPage {
  items: ExperimentListItem[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
  /** Every tag the actor uses, for the filter. */
  allTags: string[];
}

const LIST_SELECT = {
  id: true,
  title: true,
  notes: true,
  tags: true,
  forkedFromId: true,
  createdAt: true,
  updatedAt: true,
  run: { select: { engineVersion: true, config: true, summary: true } },
} as const satisfies Prisma.ExperimentSelect;

function orderFor(sort: ListQuery['sort']): Prisma.ExperimentOrderByWithRelationInput[] {
  switch (sort) {
    case 'newest':
      return [{ createdAt: 'desc' }, { id: 'desc' }];
    case 'oldest':
      return [{ createdAt: 'asc' }, { id: 'asc' }];
    case 'title':
      return [{ title: 'asc' }, { id: 'asc' }];
    default:
      return [{ updatedAt: 'desc' }, { id: 'desc' }];
  }
}

/** Search matches the title, the notes, a tag, or the run's scheme or activation. */
export function searchWhere(q: string): Prisma.ExperimentWhereInput {
  if (!q) return {};
  const lower = q.toLowerCase();
  return {
    OR: [
      { title: { contains: q, mode: 'insensitive' } },
      { notes: { contains: q, mode: 'insensitive' } },
      { tags: { has: lower } },
      { run: { config: { path: ['scheme'], string_contains: lower } } },
      { run: { config: { path: ['activation'], string_contains: lower } } },
    ],
  };
}

export async function listExperiments(actor: Actor, query: ListQuery): Promise<ExperimentPage> {
  const db = await getDb();
  const where: Prisma.ExperimentWhereInput = {
    AND: [experimentWhere(actor), searchWhere(query.q), query.tag ? { tags: { has: query.tag } } : {}],
  };
  const [total, tagRows] = await Promise.all([
    db.experiment.count({ where }),
    db.$queryRaw<{ tag: string }[]>`SELECT DISTINCT unnest("tags") AS tag FROM "Experiment" WHERE "ownerId" = ${actor.id} AND "deletedAt" IS NULL ORDER BY tag`,
  ]);
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const rows = await db.experiment.findMany({
    where,
    orderBy: orderFor(query.sort),
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE,
    select: LIST_SELECT,
  });
  return {
    items: rows.map((r) => {
      const config = r.run.config as unknown as SimConfig;
      const summary = r.run.summary as unknown as { signalState: SignalState; finalStd: number | null; ratio: number | null; overflowLayer?: number | null };
      return {
        id: r.id,
        title: r.title,
        notes: r.notes,
        tags: r.tags,
        scheme: config.scheme,
        activation: config.activation,
        layers: config.layers,
        width: config.width,
        signalState: readSignalState(summary),
        finalStd: summary.finalStd,
        engineVersion: r.run.engineVersion,
        outdated: r.run.engineVersion !== ENGINE_VERSION,
        forked: r.forkedFromId !== null,
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
      };
    }),
    total,
    page,
    pageCount,
    pageSize: PAGE_SIZE,
    allTags: tagRows.map((t) => t.tag),
  };
}

export interface ExperimentDetail {
  id: string;
  title: string;
  notes: string;
  tags: string[];
  run: StoredRun;
  /** The run was made by another engine version than the one running now. */
  outdated: boolean;
  /** Where it was forked from, when that is still the actor's own experiment. */
  forkedFrom: { id: string; title: string } | null;
  /** Forked from something the actor cannot open (a shared link, a deleted experiment). */
  forkedFromElsewhere: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export async function getExperiment(actor: Actor, id: string): Promise<ExperimentDetail | null> {
  const db = await getDb();
  const row = await db.experiment.findFirst({
    where: { id, ...experimentWhere(actor) },
    select: {
      id: true,
      title: true,
      notes: true,
      tags: true,
      runId: true,
      forkedFromId: true,
      createdAt: true,
      updatedAt: true,
    },
  });
  if (!row) return null;
  const [run, origin] = await Promise.all([
    getRunById(row.runId),
    row.forkedFromId
      ? db.experiment.findFirst({ where: { id: row.forkedFromId, ...experimentWhere(actor) }, select: { id: true, title: true } })
      : null,
  ]);
  if (!run) return null;
  return {
    id: row.id,
    title: row.title,
    notes: row.notes,
    tags: row.tags,
    run,
    outdated: run.engineVersion !== ENGINE_VERSION,
    forkedFrom: origin,
    forkedFromElsewhere: row.forkedFromId !== null && !origin,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Saves a run of `input.config`, computed or reused on the server. */
export async function saveExperiment(actor: Actor, input: SaveExperimentInput): Promise<{ id: string; title: string }> {
  const run = await getOrCreateRun(input.config);
  const db = await getDb();
  return db.experiment.create({
    data: { ownerId: actor.id, title: input.title, notes: input.notes, tags: input.tags, runId: run.id },
    select: { id: true, title: true },
  });
}

/** Owner-only: one statement whose filter carries the rights, so nothing changes otherwise. */
export async function updateExperiment(actor: Actor, input: UpdateExperimentInput): Promise<void> {
  const db = await getDb();
  const { count } = await db.experiment.updateMany({
    where: { id: input.id, ...experimentWhere(actor) },
    data: {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.notes !== undefined ? { notes: input.notes } : {}),
      ...(input.tags !== undefined ? { tags: input.tags } : {}),
    },
  });
  if (count === 0) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE);
}

/**
 * Hides the experiment (and closes its share links) until "Undo"; experiments deleted longer
 * than UNDO_WINDOW_MS ago are purged now, which keeps the table from growing without a job.
 */
export async function deleteExperiment(actor: Actor, id: string, now = new Date()): Promise<void> {
  const db = await getDb();
  const { count } = await db.experiment.updateMany({ where: { id, ...experimentWhere(actor) }, data: { deletedAt: now } });
  if (count === 0) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE);
  await db.experiment.deleteMany({ where: { ...deletedExperimentWhere(actor), deletedAt: { lt: new Date(now.getTime() - UNDO_WINDOW_MS) } } });
}

export async function restoreExperiment(actor: Actor, id: string): Promise<void> {
  const db = await getDb();
  const { count } = await db.experiment.updateMany({ where: { id, ...deletedExperimentWhere(actor) }, data: { deletedAt: null } });
  if (count === 0) throw new AppError('NOT_FOUND', 'That experiment can no longer be restored.');
}

function forkTitle(title: string, suffix: string): string {
  const full = `${title} ${suffix}`;
  return full.length <= TITLE_MAX ? full : `${title.slice(0, TITLE_MAX - suffix.length - 2)}… ${suffix}`;
}

/** A copy owned by the actor that remembers where it came from. */
export async function forkExperiment(actor: Actor, id: string): Promise<{ id: string; title: string }> {
  const db = await getDb();
  const source = await db.experiment.findFirst({
    where: { id, ...experimentWhere(actor) },
    select: { id: true, title: true, notes: true, tags: true, runId: true },
  });
  if (!source) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE);
  return db.experiment.create({
    data: { ownerId: actor.id, title: forkTitle(source.title, '(fork)'), notes: source.notes, tags: source.tags, runId: source.runId, forkedFromId: source.id },
    select: { id: true, title: true },
  });
}

/**
 * Re-runs an experiment's config with the engine running now. The old experiment and its run are
 * kept untouched; the new one is a fork of it pointing at the new run.
 */
export async function rerunExperiment(actor: Actor, id: string): Promise<{ id: string; title: string }> {
  const db = await getDb();
  const source = await db.experiment.findFirst({
    where: { id, ...experimentWhere(actor) },
    select: { id: true, title: true, notes: true, tags: true, run: { select: { id: true, config: true, engineVersion: true } } },
  });
  if (!source) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE);
  if (source.run.engineVersion === ENGINE_VERSION) {
    throw new AppError('CONFLICT', `This run was already made by the current engine (${ENGINE_VERSION}).`);
  }
  const run = await getOrCreateRun(source.run.config);
  return db.experiment.create({
    data: {
      ownerId: actor.id,
      title: forkTitle(source.title, `(engine ${run.engineVersion})`),
      notes: source.notes,
      tags: source.tags,
      runId: run.id,
      forkedFromId: source.id,
    },
    select: { id: true, title: true },
  });
}
