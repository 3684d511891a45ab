import 'server-only';
/**
 * Who may see which submissions: a student their own, on exercises they may still see; an
 * instructor every submission to their own courses' exercises.
 */
import type { Prisma } from '../../generated/prisma/client';
import type { SessionUser } from '../../auth/session-user';
import { assignmentManageWhere, assignmentWhere } from './assignments';

export function submissionWhere(actor: SessionUser): Prisma.SubmissionWhereInput {
  return actor.role === 'INSTRUCTOR'
    ? { assignment: assignmentManageWhere(actor) }
    : { studentId: actor.id, assignment: assignmentWhere(actor) };
}

/** Submissions the actor may grade (feedback, score override): an instructor's own courses only. */
export function submissionManageWhere(actor: SessionUser): Prisma.SubmissionWhereInput {
  return { assignment: assignmentManageWhere(actor) };
}
