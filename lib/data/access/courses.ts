import 'server-only';
/**
 * Who may see which courses, written once. Every course query in lib/data filters with these, so
 * a course that is not yours and a course that does not exist look the same (null / NOT_FOUND).
 */
import type { Prisma } from '../../generated/prisma/client';
import type { SessionUser } from '../../auth/session-user';

/** Courses the actor may read: an instructor's own (archived too), a student's enrolled, active ones. */
export function courseWhere(actor: SessionUser): Prisma.CourseWhereInput {
  return actor.role === 'INSTRUCTOR'
    ? { instructorId: actor.id }
    : { archivedAt: null, enrollments: { some: { studentId: actor.id } } };
}

/** Courses the actor may change: only an instructor's own. */
export function courseManageWhere(actor: SessionUser): Prisma.CourseWhereInput {
  // A student matches nothing: an impossible id keeps the filter a plain where clause.
  return actor.role === 'INSTRUCTOR' ? { instructorId: actor.id } : { id: { in: [] } };
}
