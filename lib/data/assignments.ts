import 'server-only';
/**
 * Exercises (Assignment rows): create, edit, publish, start from a teacher-guide template,
 * per-student extensions, and the views an instructor and a student get. Filters come from
 * lib/data/access/assignments.ts; a student never receives a draft, another course's exercise,
 * or the reference solution before their due date has passed.
 */
import { getDb } from '../db';
import { AppError } from '../errors';
import type { SessionUser } from '../auth/session-user';
import { Prisma, type PrismaClient } from '../generated/prisma/client';
import { effectiveDeadlines, finalScore, type Deadlines } from '../grading/grade';
import { EXERCISE_TEMPLATES, referenceConfig } from '../lessons/exercise-templates';
import { exerciseSpecSchema, passCriterionSchema, CONFIG_FIELDS, type ConfigField, type PassCriterion } from '../validation/assignment';
import type { AssignmentForm } from '../validation/classroom';
import { simConfigSchema, type SimConfig } from '../validation/sim-config';
import { z } from 'zod';
import { courseManageWhere } from './access/courses';
import { assignmentManageWhere, assignmentWhere } from './access/assignments';

export const ASSIGNMENT_NOT_FOUND = 'That exercise does not exist, or you cannot open it.';

function formData(form: AssignmentForm, now: Date) {
  return {
    title: form.title,
    prompt: form.prompt,
    baseConfig: form.baseConfig,
    editableFields: form.editableFields,
    hiddenFields: form.hiddenFields,
    criteria: form.criteria,
    referenceConfig: form.referenceConfig ?? undefined,
    solutionNotes: form.solutionNotes,
    opensAt: form.opensAt,
    dueAt: form.dueAt,
    cutoffAt: form.cutoffAt,
    latePenaltyPercent: form.latePenaltyPercent,
    maxAttempts: form.maxAttempts,
    ...(form.intent === 'publish' ? { publishedAt: now } : form.intent === 'unpublish' ? { publishedAt: null } : {}),
  };
}

async function requireOwnedCourse(db: PrismaClient, actor: SessionUser, courseId: string) {
  const c = await db.course.findFirst({ where: { AND: [{ id: courseId }, courseManageWhere(actor)] }, select: { id: true } });
  if (!c) throw new AppError('NOT_FOUND', 'That course does not exist, or it is not yours.');
}

async function requireOwnedAssignment(db: PrismaClient, actor: SessionUser, assignmentId: string) {
  const a = await db.assignment.findFirst({ where: { AND: [{ id: assignmentId }, assignmentManageWhere(actor)] }, select: { id: true, courseId: true, publishedAt: true } });
  if (!a) throw new AppError('NOT_FOUND', ASSIGNMENT_NOT_FOUND);
  return a;
}

export async function createAssignment(actor: SessionUser, form: AssignmentForm): Promise<{ id: string }> {
  const db = await getDb();
  await requireOwnedCourse(db, actor, form.courseId);
  const data = formData(form, new Date());
  return db.assignment.create({ data: { ...data, referenceConfig: data.referenceConfig, courseId: form.courseId }, select: { id: true } });
}

export async function updateAssignment(actor: SessionUser, assignmentId: string, form: AssignmentForm): Promise<{ id: string }> {
  const db = await getDb();
  const a = await requireOwnedAssignment(db, actor, assignmentId);
  if (a.courseId !== form.courseId) throw new AppError('VALIDATION', 'An exercise cannot move to another course.');
  const data = formData(form, new Date());
  // Publishing again keeps the first publication date.
  if (form.intent === 'publish' && a.publishedAt) delete (data as { publishedAt?: Date }).publishedAt;
  await db.assignment.update({ where: { id: assignmentId }, data: { ...data, referenceConfig: form.referenceConfig ?? Prisma.DbNull } });
  return { id: assignmentId };
}

export async function setAssignmentPublished(actor: SessionUser, assignmentId: string, publish: boolean): Promise<void> {
  const db = await getDb();
  const a = await requireOwnedAssignment(db, actor, assignmentId);
  await db.assignment.update({ where: { id: assignmentId }, data: { publishedAt: publish ? (a.publishedAt ?? new Date()) : null } });
}

export async function deleteAssignment(actor: SessionUser, assignmentId: string): Promise<{ courseId: string }> {
  const db = await getDb();
  const a = await requireOwnedAssignment(db, actor, assignmentId);
  await db.assignment.delete({ where: { id: assignmentId } });
  return { courseId: a.courseId };
}

/** A draft exercise from a teacher-guide template, in one step; the instructor then edits and publishes. */
export async function createAssignmentFromTemplate(actor: SessionUser, courseId: string, templateId: string): Promise<{ id: string }> {
  const template = EXERCISE_TEMPLATES.find((t) => t.id === templateId);
  if (!template) throw new AppError('NOT_FOUND', 'There is no template with that name.');
  const db = await getDb();
  await requireOwnedCourse(db, actor, courseId);
  const spec = exerciseSpecSchema.parse(template.spec);
  return db.assignment.create({
    data: {
      courseId,
      title: spec.title,
      prompt: spec.prompt,
      baseConfig: spec.baseConfig,
      editableFields: spec.editableFields,
      hiddenFields: spec.hiddenFields,
      criteria: spec.criteria,
      referenceConfig: simConfigSchema.parse(referenceConfig(template)),
      solutionNotes: template.solutionNote,
    },
    select: { id: true },
  });
}

const criteriaSchema = z.array(passCriterionSchema);

export interface AssignmentCore {
  id: string;
  courseId: string;
  courseTitle: string;
  title: string;
  prompt: string;
  baseConfig: SimConfig;
  editableFields: ConfigField[];
  hiddenFields: ConfigField[];
  criteria: PassCriterion[];
  opensAt: Date | null;
  dueAt: Date | null;
  cutoffAt: Date | null;
  latePenaltyPercent: number;
  maxAttempts: number | null;
  publishedAt: Date | null;
}

const CORE_SELECT = {
  id: true,
  courseId: true,
  title: true,
  prompt: true,
  baseConfig: true,
  editableFields: true,
  hiddenFields: true,
  criteria: true,
  opensAt: true,
  dueAt: true,
  cutoffAt: true,
  latePenaltyPercent: true,
  maxAttempts: true,
  publishedAt: true,
  course: { select: { title: true } },
} as const;

const fields = (v: string[]) => v.filter((f): f is ConfigField => (CONFIG_FIELDS as readonly string[]).includes(f));

function toCore(a: {
  id: string; courseId: string; title: string; prompt: string; baseConfig: unknown; editableFields: string[]; hiddenFields: string[]; criteria: unknown;
  opensAt: Date | null; dueAt: Date | null; cutoffAt: Date | null; latePenaltyPercent: number; maxAttempts: number | null; publishedAt: Date | null; course: { title: string };
}): AssignmentCore {
  return {
    id: a.id,
    courseId: a.courseId,
    courseTitle: a.course.title,
    title: a.title,
    prompt: a.prompt,
    // Stored configs were validated on the way in; parsing again fills defaults added since.
    baseConfig: simConfigSchema.parse(a.baseConfig),
    editableFields: fields(a.editableFields),
    hiddenFields: fields(a.hiddenFields),
    criteria: criteriaSchema.parse(a.criteria),
    opensAt: a.opensAt,
    dueAt: a.dueAt,
    cutoffAt: a.cutoffAt,
    latePenaltyPercent: a.latePenaltyPercent,
    maxAttempts: a.maxAttempts,
    publishedAt: a.publishedAt,
  };
}

export interface InstructorAssignment extends AssignmentCore {
  referenceConfig: SimConfig | null;
  solutionNotes: string;
  roster: { id: string; name: string; email: string }[];
  extensions: { studentId: string; studentName: string; dueAt: Date; cutoffAt: Date | null }[];
}

export async function getAssignmentForInstructor(actor: SessionUser, assignmentId: string): Promise<InstructorAssignment | null> {
  const db = await getDb();
  const a = await db.assignment.findFirst({
    where: { AND: [{ id: assignmentId }, assignmentManageWhere(actor)] },
    select: {
      ...CORE_SELECT,
      referenceConfig: true,
      solutionNotes: true,
      extensions: { orderBy: { student: { name: 'asc' } }, select: { studentId: true, dueAt: true, cutoffAt: true, student: { select: { name: true } } } },
      course: { select: { title: true, enrollments: { orderBy: { student: { name: 'asc' } }, select: { student: { select: { id: true, name: true, email: true } } } } } },
    },
  });
  if (!a) return null;
  return {
    ...toCore(a),
    referenceConfig: a.referenceConfig ? simConfigSchema.parse(a.referenceConfig) : null,
    solutionNotes: a.solutionNotes,
    roster: a.course.enrollments.map((e) => e.student),
    extensions: a.extensions.map((e) => ({ studentId: e.studentId, studentName: e.student.name, dueAt: e.dueAt, cutoffAt: e.cutoffAt })),
  };
}

export interface StudentAttempt {
  id: string;
  attempt: number;
  passed: boolean;
  score: number;
  late: boolean;
  submittedAt: Date;
  feedback: string | null;
  overrideReason: string | null;
}

export interface StudentAssignment extends AssignmentCore {
  deadlines: Deadlines;
  attempts: StudentAttempt[];
  attemptsLeft: number | null;
  /** Present only once the student's due date (and the class's) has passed. */
  solution: { config: SimConfig | null; notes: string } | null;
}

/** Whether the reference solution may be shown: after both the class's and this student's due date. */
export function solutionVisible(classDue: Date | null, deadlines: Deadlines, now: Date): boolean {
  const due = [classDue, deadlines.dueAt].filter((d): d is Date => d !== null);
  return due.length > 0 && due.every((d) => now > d);
}

export async function getAssignmentForStudent(actor: SessionUser, assignmentId: string, now = new Date()): Promise<StudentAssignment | null> {
  if (actor.role !== 'STUDENT') return null;
  const db = await getDb();
  const a = await db.assignment.findFirst({
    where: { AND: [{ id: assignmentId }, assignmentWhere(actor)] },
    select: {
      ...CORE_SELECT,
      referenceConfig: true,
      solutionNotes: true,
      extensions: { where: { studentId: actor.id }, select: { dueAt: true, cutoffAt: true } },
      submissions: {
        where: { studentId: actor.id },
        orderBy: { attempt: 'asc' },
        select: { id: true, attempt: true, passed: true, score: true, scoreOverride: true, overrideReason: true, late: true, submittedAt: true, feedback: true },
      },
    },
  });
  if (!a) return null;
  const deadlines = effectiveDeadlines(a, a.extensions[0]);
  const showSolution = solutionVisible(a.dueAt, deadlines, now);
  return {
    ...toCore(a),
    deadlines,
    attempts: a.submissions.map((s) => ({ ...s, score: finalScore(s) })),
    attemptsLeft: a.maxAttempts === null ? null : Math.max(0, a.maxAttempts - a.submissions.length),
    solution: showSolution ? { config: a.referenceConfig ? simConfigSchema.parse(a.referenceConfig) : null, notes: a.solutionNotes } : null,
  };
}

export interface StudentGradeRow {
  assignmentId: string;
  title: string;
  courseId: string;
  courseTitle: string;
  deadlines: Deadlines;
  attemptsUsed: number;
  attemptsLeft: number | null;
  /** Best final score over the attempts (after late penalty and overrides), null before any attempt. */
  bestScore: number | null;
  passed: boolean;
  late: boolean;
  feedback: { attempt: number; text: string }[];
}

/** Every published exercise of the student's courses with their grade, attempts, due date and feedback. */
export async function listGradesForStudent(actor: SessionUser): Promise<StudentGradeRow[]> {
  if (actor.role !== 'STUDENT') return [];
  const db = await getDb();
  const rows = await db.assignment.findMany({
    where: assignmentWhere(actor),
    orderBy: [{ dueAt: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }],
    select: {
      id: true,
      title: true,
      courseId: true,
      opensAt: true,
      dueAt: true,
      cutoffAt: true,
      maxAttempts: true,
      course: { select: { title: true } },
      extensions: { where: { studentId: actor.id }, select: { dueAt: true, cutoffAt: true } },
      submissions: {
        where: { studentId: actor.id },
        orderBy: { attempt: 'asc' },
        select: { attempt: true, passed: true, score: true, scoreOverride: true, late: true, feedback: true },
      },
    },
  });
  return rows.map((a) => {
    const best = bestAttempt(a.submissions);
    return {
      assignmentId: a.id,
      title: a.title,
      courseId: a.courseId,
      courseTitle: a.course.title,
      deadlines: effectiveDeadlines(a, a.extensions[0]),
      attemptsUsed: a.submissions.length,
      attemptsLeft: a.maxAttempts === null ? null : Math.max(0, a.maxAttempts - a.submissions.length),
      bestScore: best ? finalScore(best) : null,
      passed: a.submissions.some((s) => s.passed),
      late: best?.late ?? false,
      feedback: a.submissions.filter((s) => s.feedback).map((s) => ({ attempt: s.attempt, text: s.feedback! })),
    };
  });
}

/** The attempt that counts for the grade: the highest final score, the earliest on a tie. */
export function bestAttempt<T extends { score: number; scoreOverride: number | null; attempt: number }>(subs: T[]): T | null {
  let best: T | null = null;
  for (const s of subs) {
    if (!best || finalScore(s) > finalScore(best) || (finalScore(s) === finalScore(best) && s.attempt < best.attempt)) best = s;
  }
  return best;
}

/** Gives one student their own due date (and cut-off) for one exercise, replacing any earlier one. */
export async function grantExtension(
  actor: SessionUser,
  input: { assignmentId: string; studentId: string; dueAt: Date; cutoffAt: Date | null },
): Promise<void> {
  const db = await getDb();
  const a = await requireOwnedAssignment(db, actor, input.assignmentId);
  const enrolled = await db.enrollment.findUnique({ where: { courseId_studentId: { courseId: a.courseId, studentId: input.studentId } }, select: { id: true } });
  if (!enrolled) throw new AppError('NOT_FOUND', 'That student is not on this course’s roster.');
  await db.extension.upsert({
    where: { assignmentId_studentId: { assignmentId: input.assignmentId, studentId: input.studentId } },
    create: { assignmentId: input.assignmentId, studentId: input.studentId, dueAt: input.dueAt, cutoffAt: input.cutoffAt, grantedById: actor.id },
    update: { dueAt: input.dueAt, cutoffAt: input.cutoffAt, grantedById: actor.id },
  });
}

export async function revokeExtension(actor: SessionUser, assignmentId: string, studentId: string): Promise<void> {
  const db = await getDb();
  await requireOwnedAssignment(db, actor, assignmentId);
  await db.extension.deleteMany({ where: { assignmentId, studentId } });
}
