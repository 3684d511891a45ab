import 'server-only';
/**
 * Submissions: the student submits a config; the server validates it against the exercise's
 * locks, computes the run itself (getOrCreateRun, the stored Run), grades it, applies the
 * deadlines (with the student's extension), the late penalty and the attempt limit, and stores
 * the attempt. No number from the browser is trusted: only the config, the student's prediction
 * and explanation come from it. Instructors then give feedback and may override a score.
 */
import { getDb } from '../db';
import { AppError } from '../errors';
import type { SessionUser } from '../auth/session-user';
import { gradableFromStored } from '../grading/check-criterion';
import { applyLatePenalty, effectiveDeadlines, finalScore, gradeResult, lockedFieldViolations, timingAt, type CriterionResult } from '../grading/grade';
import type { SubmitInput } from '../validation/classroom';
import { simConfigSchema, type SimConfig } from '../validation/sim-config';
import { getOrCreateRun, getRunById, trainLossesFor, type StoredRun } from './runs';
import { assignmentWhere } from './access/assignments';
import { submissionManageWhere, submissionWhere } from './access/submissions';
import { ASSIGNMENT_NOT_FOUND, getAssignmentForStudent } from './assignments';

export const LATE_CONFIRM = 'The due date has passed: this submission will be marked late. Confirm to submit it anyway.';
export const CLOSED = 'The cut-off for this exercise has passed, so it no longer accepts submissions.';
export const NOT_OPEN = 'This exercise is not open for submissions yet.';
export const NO_ATTEMPTS = 'You have used all your attempts for this exercise.';
export const SUBMISSION_NOT_FOUND = 'That submission does not exist, or you cannot open it.';

export interface SubmissionOutcome {
  id: string;
  attempt: number;
  passed: boolean;
  score: number;
  late: boolean;
  criteriaResults: CriterionResult[];
  /** True when this key had already been submitted (a double-click): nothing new was stored. */
  duplicate: boolean;
}

function outcomeOf(s: { id: string; attempt: number; passed: boolean; score: number; late: boolean; criteriaResults: unknown }, duplicate: boolean): SubmissionOutcome {
  return { id: s.id, attempt: s.attempt, passed: s.passed, score: s.score, late: s.late, criteriaResults: s.criteriaResults as CriterionResult[], duplicate };
}

export async function submitAttempt(actor: SessionUser, input: SubmitInput, now = new Date()): Promise<SubmissionOutcome> {
  if (actor.role !== 'STUDENT') throw new AppError('FORBIDDEN', 'Only students submit answers.');
  const db = await getDb();
  // A repeated key is the same press of Submit arriving twice: answer with what was stored.
  const repeat = await db.submission.findUnique({ where: { clientKey: input.clientKey } });
  if (repeat) {
    if (repeat.studentId !== actor.id) throw new AppError('CONFLICT', 'That submission key was already used.');
    return outcomeOf(repeat, true);
  }
  const a = await getAssignmentForStudent(actor, input.assignmentId, now);
  if (!a) throw new AppError('NOT_FOUND', ASSIGNMENT_NOT_FOUND);

  const timing = timingAt(a.deadlines, now);
  if (timing === 'not-open') throw new AppError('CONFLICT', NOT_OPEN);
  if (timing === 'closed') throw new AppError('CONFLICT', CLOSED);
  if (a.attemptsLeft === 0) throw new AppError('CONFLICT', NO_ATTEMPTS);
  const late = timing === 'late';
  if (late && !input.confirmLate) throw new AppError('CONFLICT', LATE_CONFIRM, 'late submission not confirmed', { confirmLate: LATE_CONFIRM });

  const locked = lockedFieldViolations(a.baseConfig, input.config, a.editableFields);
  if (locked.length) {
    throw new AppError('VALIDATION', `These settings are locked for this exercise and cannot be changed: ${locked.join(', ')}.`, 'locked field changed', {
      config: `Locked: ${locked.join(', ')}`,
    });
  }
  const needsPrediction = a.criteria.some((c) => c.kind === 'prediction');
  if (needsPrediction && input.prediction === null) {
    throw new AppError('VALIDATION', 'This exercise asks for your prediction before you submit.', 'missing prediction', { prediction: 'Enter your prediction.' });
  }

  const run = await getOrCreateRun(input.config);
  const trainLosses = await trainLossesFor(run.config, a.criteria);
  const grade = gradeResult(a.criteria, { ...gradableFromStored(run), trainLosses }, input.prediction);
  const score = applyLatePenalty(grade.rawScore, late, a.latePenaltyPercent);
  const attempt = a.attempts.length + 1;
  try {
    const s = await db.submission.create({
      data: {
        assignmentId: a.id,
        studentId: actor.id,
        attempt,
        runId: run.id,
        prediction: needsPrediction ? input.prediction : null,
        criteriaResults: grade.results as unknown as object,
        passed: grade.passed,
        score,
        late,
        explanation: input.explanation,
        clientKey: input.clientKey,
        submittedAt: now,
      },
    });
    return outcomeOf(s, false);
  } catch (err) {
    if ((err as { code?: string }).code !== 'P2002') throw err;
    // Two submits raced: either the same key (a double-click) or the same attempt number.
    const same = await db.submission.findUnique({ where: { clientKey: input.clientKey } });
    if (same && same.studentId === actor.id) return outcomeOf(same, true);
    throw new AppError('CONFLICT', 'Another submission of yours arrived at the same moment. Reload the page to see it.');
  }
}

export interface SubmissionDetail {
  id: string;
  assignmentId: string;
  assignmentTitle: string;
  courseId: string;
  student: { id: string; name: string; email: string };
  attempt: number;
  run: StoredRun;
  config: SimConfig;
  prediction: number | null;
  criteriaResults: CriterionResult[];
  passed: boolean;
  score: number;
  scoreOverride: number | null;
  overrideReason: string | null;
  finalScore: number;
  late: boolean;
  explanation: string;
  feedback: string | null;
  feedbackAt: Date | null;
  submittedAt: Date;
}

export async function getSubmission(actor: SessionUser, submissionId: string): Promise<SubmissionDetail | null> {
  const db = await getDb();
  const s = await db.submission.findFirst({
    where: { AND: [{ id: submissionId }, submissionWhere(actor)] },
    include: {
      assignment: { select: { title: true, courseId: true } },
      student: { select: { id: true, name: true, email: true } },
    },
  });
  if (!s) return null;
  const run = await getRunById(s.runId);
  if (!run) return null;
  return {
    id: s.id,
    assignmentId: s.assignmentId,
    assignmentTitle: s.assignment.title,
    courseId: s.assignment.courseId,
    student: s.student,
    attempt: s.attempt,
    run,
    config: simConfigSchema.parse(run.config),
    prediction: s.prediction,
    criteriaResults: s.criteriaResults as unknown as CriterionResult[],
    passed: s.passed,
    score: s.score,
    scoreOverride: s.scoreOverride,
    overrideReason: s.overrideReason,
    finalScore: finalScore(s),
    late: s.late,
    explanation: s.explanation,
    feedback: s.feedback,
    feedbackAt: s.feedbackAt,
    submittedAt: s.submittedAt,
  };
}

async function requireGradable(actor: SessionUser, submissionId: string) {
  const db = await getDb();
  const s = await db.submission.findFirst({ where: { AND: [{ id: submissionId }, submissionManageWhere(actor)] }, select: { id: true, assignmentId: true } });
  if (!s) throw new AppError('NOT_FOUND', SUBMISSION_NOT_FOUND);
  return { db, s };
}

/** Sets (or, with empty text, clears) the instructor's feedback, which the student then sees. */
export async function setFeedback(actor: SessionUser, submissionId: string, feedback: string): Promise<{ assignmentId: string }> {
  const { db, s } = await requireGradable(actor, submissionId);
  await db.submission.update({
    where: { id: submissionId },
    data: feedback ? { feedback, feedbackAuthorId: actor.id, feedbackAt: new Date() } : { feedback: null, feedbackAuthorId: null, feedbackAt: null },
  });
  return { assignmentId: s.assignmentId };
}

/** Replaces the computed score with the instructor's (null removes the override). */
export async function overrideScore(actor: SessionUser, submissionId: string, score: number | null, reason: string): Promise<{ assignmentId: string }> {
  const { db, s } = await requireGradable(actor, submissionId);
  await db.submission.update({
    where: { id: submissionId },
    data:
      score === null
        ? { scoreOverride: null, overrideReason: null, overriddenById: null, overriddenAt: null }
        : { scoreOverride: score, overrideReason: reason, overriddenById: actor.id, overriddenAt: new Date() },
  });
  return { assignmentId: s.assignmentId };
}

/** Whether the actor may open the assignment at all (used to tell NOT_FOUND from an empty list). */
export async function canSeeAssignment(actor: SessionUser, assignmentId: string): Promise<boolean> {
  const db = await getDb();
  return (await db.assignment.count({ where: { AND: [{ id: assignmentId }, assignmentWhere(actor)] } })) > 0;
}
