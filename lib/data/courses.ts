import 'server-only';
/**
 * Courses, join codes and rosters. Every function takes the acting user and filters with
 * lib/data/access/courses.ts, so "not yours" and "does not exist" give the same NOT_FOUND.
 */
import { randomInt } from 'node:crypto';
import { getDb } from '../db';
import { AppError } from '../errors';
import type { SessionUser } from '../auth/session-user';
import type { PrismaClient } from '../generated/prisma/client';
import { emailsFromCsv, ROSTER_MAX_EMAILS } from '../validation/classroom';
import { courseManageWhere, courseWhere } from './access/courses';

export interface CourseListItem {
  id: string;
  title: string;
  description: string;
  /** Only shown to the course's instructor. */
  joinCode: string | null;
  instructorName: string;
  studentCount: number;
  assignmentCount: number;
  archived: boolean;
}

export const COURSE_NOT_FOUND = 'That course does not exist, or it is not yours.';

/** Active courses (or, with `archived`, archived ones) the actor teaches or is enrolled in. */
export async function listCoursesForUser(actor: SessionUser, opts: { archived?: boolean } = {}): Promise<CourseListItem[]> {
  const db = await getDb();
  const courses = await db.course.findMany({
    where: { AND: [courseWhere(actor), { archivedAt: opts.archived ? { not: null } : null }] },
    orderBy: { createdAt: 'desc' },
    select: {
      id: true,
      title: true,
      description: true,
      joinCode: true,
      instructorId: true,
      archivedAt: true,
      instructor: { select: { name: true } },
      _count: {
        select: {
          enrollments: true,
          // Students count only the exercises they can open.
          assignments: actor.role === 'INSTRUCTOR' ? true : { where: { publishedAt: { not: null } } },
        },
      },
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
    archived: c.archivedAt !== null,
  }));
}

// No 0/O, 1/I/L: codes are read aloud and typed from a projector.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export function newJoinCode(): string {
  const pick = () => Array.from({ length: 4 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  return `${pick()}-${pick()}`;
}

function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: string } | null)?.code === 'P2002';
}

/** Retries on the (unlikely) collision of a fresh join code with an existing one. */
async function withFreshCode<T>(fn: (code: string) => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await fn(newJoinCode());
    } catch (err) {
      if (!isUniqueViolation(err) || i >= 4) throw err;
    }
  }
}

function requireInstructor(actor: SessionUser) {
  if (actor.role !== 'INSTRUCTOR') throw new AppError('FORBIDDEN', 'Only instructors can manage courses.');
}

export async function createCourse(actor: SessionUser, input: { title: string; description: string }): Promise<{ id: string; joinCode: string }> {
  requireInstructor(actor);
  const db = await getDb();
  return withFreshCode((joinCode) =>
    db.course.create({ data: { title: input.title, description: input.description, joinCode, instructorId: actor.id }, select: { id: true, joinCode: true } }),
  );
}

/** The course's id if the actor may change it; NOT_FOUND otherwise (same for "not yours"). */
async function ownedCourseId(db: PrismaClient, actor: SessionUser, courseId: string): Promise<string> {
  const c = await db.course.findFirst({ where: { AND: [{ id: courseId }, courseManageWhere(actor)] }, select: { id: true } });
  if (!c) throw new AppError('NOT_FOUND', COURSE_NOT_FOUND);
  return c.id;
}

export async function updateCourse(actor: SessionUser, input: { courseId: string; title: string; description: string }): Promise<void> {
  const db = await getDb();
  await ownedCourseId(db, actor, input.courseId);
  await db.course.update({ where: { id: input.courseId }, data: { title: input.title, description: input.description } });
}

export async function setCourseArchived(actor: SessionUser, courseId: string, archived: boolean): Promise<void> {
  const db = await getDb();
  await ownedCourseId(db, actor, courseId);
  await db.course.update({ where: { id: courseId }, data: { archivedAt: archived ? new Date() : null } });
}

export async function regenerateJoinCode(actor: SessionUser, courseId: string): Promise<string> {
  const db = await getDb();
  await ownedCourseId(db, actor, courseId);
  const c = await withFreshCode((joinCode) => db.course.update({ where: { id: courseId }, data: { joinCode }, select: { joinCode: true } }));
  return c.joinCode;
}

export const WRONG_CODE = 'No course has that join code. Check it with your instructor (codes look like ABCD-EF23).';
export const ARCHIVED_CODE = 'That course has been archived and no longer takes students.';

/** Enrolls a student with a join code; joining a course twice changes nothing. */
export async function joinCourse(actor: SessionUser, joinCode: string): Promise<{ courseId: string; title: string; alreadyEnrolled: boolean }> {
  if (actor.role !== 'STUDENT') throw new AppError('FORBIDDEN', 'Only student accounts join courses with a code.');
  const db = await getDb();
  // Accept the code with or without its dash.
  const normalized = /^[A-Z0-9]{8}$/.test(joinCode) ? `${joinCode.slice(0, 4)}-${joinCode.slice(4)}` : joinCode;
  const course = await db.course.findFirst({
    where: { joinCode: { in: [joinCode, normalized] } },
    select: { id: true, title: true, archivedAt: true },
  });
  if (!course) throw new AppError('NOT_FOUND', WRONG_CODE, 'unknown join code', { joinCode: WRONG_CODE });
  if (course.archivedAt) throw new AppError('CONFLICT', ARCHIVED_CODE, 'archived course', { joinCode: ARCHIVED_CODE });
  const existing = await db.enrollment.findUnique({ where: { courseId_studentId: { courseId: course.id, studentId: actor.id } }, select: { id: true } });
  if (!existing) {
    await db.enrollment.upsert({
      where: { courseId_studentId: { courseId: course.id, studentId: actor.id } },
      create: { courseId: course.id, studentId: actor.id },
      update: {},
    });
  }
  return { courseId: course.id, title: course.title, alreadyEnrolled: !!existing };
}

export interface CourseDetail {
  id: string;
  title: string;
  description: string;
  joinCode: string | null;
  archived: boolean;
  instructorName: string;
  isOwner: boolean;
  roster: { id: string; name: string; email: string; joinedAt: Date }[];
  pendingEmails: string[];
  assignments: { id: string; title: string; publishedAt: Date | null; dueAt: Date | null; submissionCount: number }[];
}

/** One course as the actor may see it; null when not visible (missing or not theirs). */
export async function getCourse(actor: SessionUser, courseId: string): Promise<CourseDetail | null> {
  const db = await getDb();
  const isInstructor = actor.role === 'INSTRUCTOR';
  const c = await db.course.findFirst({
    where: { AND: [{ id: courseId }, courseWhere(actor)] },
    select: {
      id: true,
      title: true,
      description: true,
      joinCode: true,
      archivedAt: true,
      instructorId: true,
      instructor: { select: { name: true } },
      // The roster is the instructor's business only; a student's query matches no rows.
      enrollments: {
        where: isInstructor ? {} : { id: { in: [] } },
        orderBy: { student: { name: 'asc' } },
        select: { joinedAt: true, student: { select: { id: true, name: true, email: true } } },
      },
      pendingEnrollments: { where: isInstructor ? {} : { id: { in: [] } }, orderBy: { email: 'asc' }, select: { email: true } },
      assignments: {
        where: isInstructor ? {} : { publishedAt: { not: null } },
        orderBy: [{ dueAt: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }],
        select: { id: true, title: true, publishedAt: true, dueAt: true, _count: { select: { submissions: isInstructor ? true : { where: { studentId: actor.id } } } } },
      },
    },
  });
  if (!c) return null;
  const isOwner = c.instructorId === actor.id;
  return {
    id: c.id,
    title: c.title,
    description: c.description,
    joinCode: isOwner ? c.joinCode : null,
    archived: c.archivedAt !== null,
    instructorName: c.instructor.name,
    isOwner,
    roster: isOwner ? c.enrollments.map((e) => ({ ...e.student, joinedAt: e.joinedAt })) : [],
    pendingEmails: isOwner ? c.pendingEnrollments.map((p) => p.email) : [],
    assignments: c.assignments.map((a) => ({ id: a.id, title: a.title, publishedAt: a.publishedAt, dueAt: a.dueAt, submissionCount: a._count.submissions })),
  };
}

export async function removeStudent(actor: SessionUser, courseId: string, studentId: string): Promise<void> {
  const db = await getDb();
  await ownedCourseId(db, actor, courseId);
  const { count } = await db.enrollment.deleteMany({ where: { courseId, studentId } });
  if (count === 0) throw new AppError('NOT_FOUND', 'That student is not on this course’s roster.');
}

export interface RosterImportReport {
  enrolled: string[];
  alreadyEnrolled: string[];
  pending: string[];
  /** Addresses of instructor accounts: they cannot be enrolled as students. */
  notStudents: string[];
  /** Lines with an @ that are not valid addresses. */
  rejected: string[];
}

/**
 * Enrolls every existing student account in the CSV and pre-enrolls the other addresses: they
 * join the course when they sign up (claimPendingEnrollments).
 */
export async function importRoster(actor: SessionUser, courseId: string, csv: string): Promise<RosterImportReport> {
  const db = await getDb();
  await ownedCourseId(db, actor, courseId);
  const { emails, rejected } = emailsFromCsv(csv);
  if (emails.length === 0) {
    throw new AppError('VALIDATION', 'No e-mail addresses found. Paste one address per line, or a CSV with an e-mail column.', 'empty roster', {
      csv: 'No e-mail addresses found in the roster.',
    });
  }
  if (emails.length > ROSTER_MAX_EMAILS) {
    throw new AppError('VALIDATION', `A roster can hold at most ${ROSTER_MAX_EMAILS} addresses per import.`);
  }
  const users = await db.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true, role: true } });
  const byEmail = new Map(users.map((u) => [u.email, u]));
  const enrolledIds = new Set(
    (await db.enrollment.findMany({ where: { courseId, studentId: { in: users.map((u) => u.id) } }, select: { studentId: true } })).map((e) => e.studentId),
  );
  const report: RosterImportReport = { enrolled: [], alreadyEnrolled: [], pending: [], notStudents: [], rejected };
  for (const email of emails) {
    const u = byEmail.get(email);
    if (!u) report.pending.push(email);
    else if (u.role !== 'STUDENT') report.notStudents.push(email);
    else if (enrolledIds.has(u.id)) report.alreadyEnrolled.push(email);
    else report.enrolled.push(email);
  }
  await db.$transaction([
    db.enrollment.createMany({
      data: report.enrolled.map((e) => ({ courseId, studentId: byEmail.get(e)!.id })),
      skipDuplicates: true,
    }),
    db.pendingEnrollment.createMany({ data: report.pending.map((email) => ({ courseId, email })), skipDuplicates: true }),
  ]);
  return report;
}

export async function removePendingEnrollment(actor: SessionUser, courseId: string, email: string): Promise<void> {
  const db = await getDb();
  await ownedCourseId(db, actor, courseId);
  await db.pendingEnrollment.deleteMany({ where: { courseId, email: email.toLowerCase() } });
}

/** The live courses a roster import has listed this address for (see claimPendingEnrollments). */
export function pendingEnrollmentsFor(db: PrismaClient, email: string): Promise<{ courseId: string }[]> {
  return db.pendingEnrollment.findMany({ where: { email, course: { archivedAt: null } }, select: { courseId: true } });
}

/**
 * Called once when a student account is created, with the courses pendingEnrollmentsFor found
 * for its e-mail (looked up before the insert, see createUser): enrolls it in them and clears
 * those pre-enrolments.
 */
export async function claimPendingEnrollments(db: PrismaClient, user: { id: string; email: string; role: string }, pending: readonly { courseId: string }[]): Promise<number> {
  if (user.role !== 'STUDENT') return 0;
  if (pending.length === 0) return 0;
  await db.$transaction([
    db.enrollment.createMany({ data: pending.map((p) => ({ courseId: p.courseId, studentId: user.id })), skipDuplicates: true }),
    db.pendingEnrollment.deleteMany({ where: { email: user.email } }),
  ]);
  return pending.length;
}
