import 'server-only';
/**
 * The instructor dashboard and the grades export: one query for an exercise's submissions (with
 * the scheme, activation and final std of each graded run, read from the runs' small summary and
 * config columns), aggregated by lib/grading/stats.ts. Only the course's instructor gets them.
 */
import { stringify } from 'csv-stringify/sync';
import { getDb } from '../db';
import type { SessionUser } from '../auth/session-user';
import { dashboardStats, targetBand, type DashboardStats, type SubmissionFact } from '../grading/stats';
import type { CriterionResult } from '../grading/grade';
import { effectiveDeadlines } from '../grading/grade';
import { SIGNAL_THRESHOLDS } from '../sim/summary';
import { getAssignmentForInstructor, type InstructorAssignment } from './assignments';
import { courseManageWhere } from './access/courses';

export interface ExerciseDashboard {
  assignment: InstructorAssignment;
  stats: DashboardStats;
  band: { lo: number; hi: number } | null;
  /** Every submission, newest first, for the list and the compare links. */
  submissions: { id: string; studentId: string; studentName: string; attempt: number; passed: boolean; score: number; late: boolean; submittedAt: Date }[];
}

export async function getExerciseDashboard(actor: SessionUser, assignmentId: string): Promise<ExerciseDashboard | null> {
  const assignment = await getAssignmentForInstructor(actor, assignmentId);
  if (!assignment) return null;
  const db = await getDb();
  // One query, reading only what the dashboard draws from each graded run (scheme, activation,
  // final std) and each criterion's pass flag: 3,000 submissions stay well inside a request.
  const rows = await db.$queryRaw<
    { id: string; studentId: string; attempt: number; passed: boolean; score: number; scoreOverride: number | null; late: boolean; submittedAt: Date; met: boolean[]; scheme: string; activation: string; finalStd: number | null }[]
  >`SELECT s."id", s."studentId", s."attempt", s."passed", s."score", s."scoreOverride", s."late", s."submittedAt",
       ARRAY(SELECT (e->>'passed')::boolean FROM jsonb_array_elements(s."criteriaResults") AS e) AS "met",
       r."config"->>'scheme' AS "scheme", r."config"->>'activation' AS "activation",
       (r."summary"->>'finalStd')::float8 AS "finalStd"
     FROM "Submission" s JOIN "Run" r ON r."id" = s."runId"
     WHERE s."assignmentId" = ${assignment.id}
     ORDER BY s."submittedAt" DESC`;
  const names = new Map(assignment.roster.map((r) => [r.id, r.name]));
  const facts: SubmissionFact[] = rows.map((r) => ({
    id: r.id,
    studentId: r.studentId,
    attempt: Number(r.attempt),
    passed: r.passed,
    score: Number(r.score),
    scoreOverride: r.scoreOverride === null ? null : Number(r.scoreOverride),
    late: r.late,
    submittedAt: new Date(r.submittedAt),
    criteriaResults: r.met.map((passed, i) => ({ criterion: assignment.criteria[i], passed })) as CriterionResult[],
    scheme: r.scheme,
    activation: r.activation,
    finalStd: r.finalStd === null ? null : Number(r.finalStd),
  }));
  // Students removed from the roster keep their submissions; they are listed but not graded here.
  const stats = dashboardStats(facts, assignment.roster, assignment.criteria);
  return {
    assignment,
    stats,
    band: targetBand(assignment.criteria, assignment.baseConfig.inputStd, SIGNAL_THRESHOLDS),
    submissions: facts.map((f) => ({
      id: f.id,
      studentId: f.studentId,
      studentName: names.get(f.studentId) ?? 'Former student',
      attempt: f.attempt,
      passed: f.passed,
      score: f.scoreOverride ?? f.score,
      late: f.late,
      submittedAt: f.submittedAt,
    })),
  };
}

export interface CourseDashboard {
  exercises: { id: string; title: string; published: boolean; submissions: number; studentsSubmitted: number; studentsPassed: number }[];
  rosterSize: number;
  overTime: DashboardStats['overTime'];
}

/** Per exercise of one course: submissions, students who submitted and passed; and activity over time. */
export async function getCourseDashboard(actor: SessionUser, courseId: string): Promise<CourseDashboard | null> {
  const db = await getDb();
  const course = await db.course.findFirst({
    where: { AND: [{ id: courseId }, courseManageWhere(actor)] },
    select: { id: true, _count: { select: { enrollments: true } }, assignments: { orderBy: { createdAt: 'asc' }, select: { id: true, title: true, publishedAt: true } } },
  });
  if (!course) return null;
  const subs = await db.submission.findMany({
    where: { assignment: { courseId } },
    select: { assignmentId: true, studentId: true, passed: true, submittedAt: true },
  });
  const per = new Map<string, { submissions: number; students: Set<string>; passed: Set<string> }>();
  for (const s of subs) {
    const p = per.get(s.assignmentId) ?? { submissions: 0, students: new Set(), passed: new Set() };
    p.submissions++;
    p.students.add(s.studentId);
    if (s.passed) p.passed.add(s.studentId);
    per.set(s.assignmentId, p);
  }
  const facts = subs.map((s, i) => ({
    id: String(i), studentId: s.studentId, attempt: 1, passed: s.passed, score: 0, scoreOverride: null, late: false,
    submittedAt: s.submittedAt, criteriaResults: [], scheme: '', activation: '', finalStd: null,
  }));
  return {
    rosterSize: course._count.enrollments,
    overTime: dashboardStats(facts, [], []).overTime,
    exercises: course.assignments.map((a) => {
      const p = per.get(a.id);
      return { id: a.id, title: a.title, published: a.publishedAt !== null, submissions: p?.submissions ?? 0, studentsSubmitted: p?.students.size ?? 0, studentsPassed: p?.passed.size ?? 0 };
    }),
  };
}

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, tab, carriage return at the start)
 * gets a leading apostrophe, as OWASP advises for CSV injection; numbers are written as numbers.
 */
export function csvSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The grades of one exercise as CSV: one row per student on the roster. */
export async function gradesCsv(actor: SessionUser, assignmentId: string): Promise<{ filename: string; csv: string } | null> {
  const d = await getExerciseDashboard(actor, assignmentId);
  if (!d) return null;
  const extensions = new Map(d.assignment.extensions.map((e) => [e.studentId, e]));
  const rows = d.stats.students.map((s) => {
    const deadlines = effectiveDeadlines(d.assignment, extensions.get(s.studentId));
    return [
      csvSafe(s.name),
      csvSafe(s.email),
      s.score === null ? '' : s.score,
      s.attempts,
      s.attempts === 0 ? '' : s.late ? 'yes' : 'no',
      s.submittedAt ? s.submittedAt.toISOString() : '',
      deadlines.dueAt ? deadlines.dueAt.toISOString() : '',
    ];
  });
  const csv = stringify(rows, { header: true, columns: ['name', 'email', 'score', 'attempts', 'late', 'submitted_at', 'due_at'] });
  const slug = d.assignment.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'exercise';
  return { filename: `grades-${slug}.csv`, csv };
}
