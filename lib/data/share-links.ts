import 'server-only';
/**
 * Share links: a read-only snapshot of one experiment (its title, notes and run at sharing time)
 * behind a token of 32 random bytes (256 bits). Only the owner creates, lists and revokes links.
 * A visitor needs nothing but the token; a revoked, made-up or malformed token, or one whose
 * experiment was deleted, all answer null, so a page cannot tell them apart.
 */
import { randomBytes } from 'node:crypto';
import { getDb } from '../db';
import { AppError } from '../errors';
import type { SessionUser } from '../auth/session-user';
import { shareTokenSchema, TITLE_MAX } from '../validation/experiment';
import { getRunById, type StoredRun } from './runs';
import { activeShareWhere, experimentWhere, shareLinkWhere } from './access/experiments';
import { NOT_FOUND_MESSAGE } from './experiments';

type Actor = Pick<SessionUser, 'id' | 'role'>;

export const TOKEN_BYTES = 32;
/** Enough for anyone; a cap so one account cannot fill the table. */
export const MAX_ACTIVE_LINKS_PER_EXPERIMENT = 20;
export const SHARE_NOT_FOUND = 'That share link does not exist or was revoked.';

export function newShareToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

export interface ShareLinkItem {
  id: string;
  token: string;
  createdAt: Date;
}

export async function createShareLink(actor: Actor, experimentId: string): Promise<ShareLinkItem> {
  const db = await getDb();
  const exp = await db.experiment.findFirst({
    where: { id: experimentId, ...experimentWhere(actor) },
    select: { id: true, title: true, notes: true, runId: true, _count: { select: { shareLinks: { where: { revokedAt: null } } } } },
  });
  if (!exp) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE);
  if (exp._count.shareLinks >= MAX_ACTIVE_LINKS_PER_EXPERIMENT) {
    throw new AppError('CONFLICT', `An experiment can have at most ${MAX_ACTIVE_LINKS_PER_EXPERIMENT} active links: revoke one first.`);
  }
  return db.shareLink.create({
    data: { token: newShareToken(), ownerId: actor.id, experimentId: exp.id, title: exp.title, notes: exp.notes, runId: exp.runId },
    select: { id: true, token: true, createdAt: true },
  });
}

/** The actor's active links to one of their experiments, newest first. */
export async function listShareLinks(actor: Actor, experimentId: string): Promise<ShareLinkItem[]> {
  const db = await getDb();
  return db.shareLink.findMany({
    where: { ...shareLinkWhere(actor), experimentId, revokedAt: null, experiment: { is: experimentWhere(actor) } },
    orderBy: { createdAt: 'desc' },
    select: { id: true, token: true, createdAt: true },
  });
}

export async function revokeShareLink(actor: Actor, shareId: string, now = new Date()): Promise<void> {
  const db = await getDb();
  const { count } = await db.shareLink.updateMany({ where: { id: shareId, ...shareLinkWhere(actor), revokedAt: null }, data: { revokedAt: now } });
  if (count === 0) throw new AppError('NOT_FOUND', SHARE_NOT_FOUND);
}

export interface SharedRun {
  title: string;
  notes: string;
  sharedAt: Date;
  run: StoredRun;
}

/** What a token opens, for anyone; null for every kind of "no". */
export async function getSharedRun(token: unknown): Promise<SharedRun | null> {
  const parsed = shareTokenSchema.safeParse(token);
  if (!parsed.success) return null;
  const db = await getDb();
  const link = await db.shareLink.findFirst({ where: activeShareWhere(parsed.data), select: { title: true, notes: true, createdAt: true, runId: true } });
  if (!link) return null;
  const run = await getRunById(link.runId);
  return run ? { title: link.title, notes: link.notes, sharedAt: link.createdAt, run } : null;
}

/** Saves a shared run into the actor's experiments, remembering the experiment it came from. */
export async function forkSharedRun(actor: Actor, token: unknown): Promise<{ id: string; title: string }> {
  const parsed = shareTokenSchema.safeParse(token);
  if (!parsed.success) throw new AppError('NOT_FOUND', SHARE_NOT_FOUND);
  const db = await getDb();
  const link = await db.shareLink.findFirst({
    where: activeShareWhere(parsed.data),
    select: { title: true, notes: true, runId: true, experimentId: true },
  });
  if (!link) throw new AppError('NOT_FOUND', SHARE_NOT_FOUND);
  const suffix = '(fork)';
  const title = `${link.title} ${suffix}`.length <= TITLE_MAX ? `${link.title} ${suffix}` : link.title;
  return db.experiment.create({
    data: { ownerId: actor.id, title, notes: link.notes, runId: link.runId, forkedFromId: link.experimentId },
    select: { id: true, title: true },
  });
}
