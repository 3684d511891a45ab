import 'server-only';
/**
 * Who may see which exercises (Assignment rows): an instructor those of their own courses, drafts
 * included; a student only published ones of the active courses they are enrolled in.
 */
import type { Prisma } from '../../generated/prisma/client';
import type { SessionUser } from '../../auth/session-user';
import { courseManageWhere, courseWhere } from './courses';

export function assignmentWhere(actor: SessionUser): Prisma.AssignmentWhereInput {
  return actor.role === 'INSTRUCTOR'
    ? { course: courseWhere(actor) }
    : { publishedAt: { not: null }, course: courseWhere(actor) };
}

export function assignmentManageWhere(actor: SessionUser): Prisma.AssignmentWhereInput {
  return { course: courseManageWhere(actor) };
}
