import 'server-only';
/** Courses as the acting user may see them: an instructor's own, a student's enrolled ones. */
import { getDb } from '../db';
import type { SessionUser } from '../auth/session-user';

export interface CourseListItem {
  id: string;
  title: string;
  description: string;
  /** Only shown to the course's instructor. */
  joinCode: string | null;
  instructorName: string;
  studentCount: number;
  assignmentCount: number;
}

export async function listCoursesForUser(actor: SessionUser): Promise<CourseListItem[]> {
  const db = await getDb();
  const where =
    actor.role === 'INSTRUCTOR'
      ? { instructorId: actor.id, archivedAt: null }
      : { enrollments: { some: { studentId: actor.id } }, archivedAt: null };
  const courses = await db.course.findMany({
    where,
    orderBy: { createdAt: 'desc' },
    select: {
      id: true,
      title: true,
      description: true,
      joinCode: true,
      instructorId: true,
      instructor: { select: { name: true } },
      _count: { select: { enrollments: true, assignments: true } },
    },
  });
  return courses.map((c) => ({
    id: c.id,
    title: c.title,
    description: c.description,
    joinCode: c.instructorId === actor.id ? c.joinCode : null,
    instructorName: c.instructor.name,
    studentCount: c._count.enrollments,
    assignmentCount: c._count.assignments,
  }));
}
