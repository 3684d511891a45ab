import 'server-only';
/**
 * Who may see which experiment, share link and comparable submission, written once. Every query
 * in lib/data/experiments.ts, share-links.ts and compare.ts starts from these filters, so a row
 * that is not the actor's and a row that does not exist look the same to a caller (both: null).
 */
import type { Prisma } from '../../generated/prisma/client';
import type { SessionUser } from '../../auth/session-user';

type Actor = Pick<SessionUser, 'id' | 'role'>;

/** Experiments are private: only the owner sees them, and never once deleted. */
export function experimentWhere(actor: Actor): Prisma.ExperimentWhereInput {
  return { ownerId: actor.id, deletedAt: null };
}

/** Deleted but not yet purged: what "Undo" may bring back (the owner's only). */
export function deletedExperimentWhere(actor: Actor): Prisma.ExperimentWhereInput {
  return { ownerId: actor.id, deletedAt: { not: null } };
}

/** The share links an owner manages. */
export function shareLinkWhere(actor: Actor): Prisma.ShareLinkWhereInput {
  return { ownerId: actor.id };
}

/**
 * What a token opens for anyone: a link that is not revoked and whose experiment still exists
 * (deleting the experiment closes its links; undoing the delete opens them again).
 */
export function activeShareWhere(token: string): Prisma.ShareLinkWhereInput {
  return { token, revokedAt: null, experiment: { is: { deletedAt: null } } };
}

/**
 * Submissions the actor may put in a comparison: an instructor's are those of the courses they
 * teach; a student's are their own.
 */
export function comparableSubmissionWhere(actor: Actor): Prisma.SubmissionWhereInput {
  return actor.role === 'INSTRUCTOR' ? { assignment: { course: { instructorId: actor.id } } } : { studentId: actor.id };
}
