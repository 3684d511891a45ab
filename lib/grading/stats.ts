/**
 * The instructor dashboard's numbers from a list of graded submissions: pure, so the bench and
 * the tests run it without a database. Per student, the attempt that counts is the best one
 * (bestAttempt); class-wide counts use every attempt.
 */
import { finalScore } from './grade';
import type { CriterionResult } from './grade';
import type { PassCriterion } from '../validation/assignment';

export interface SubmissionFact {
  id: string;
  studentId: string;
  attempt: number;
  passed: boolean;
  score: number;
  scoreOverride: number | null;
  late: boolean;
  submittedAt: Date;
  criteriaResults: CriterionResult[];
  scheme: string;
  activation: string;
  /** Final-layer std of the graded run; null when it overflowed. */
  finalStd: number | null;
}

export interface StudentRow {
  studentId: string;
  name: string;
  email: string;
  attempts: number;
  /** Best final score, null without an attempt. */
  score: number | null;
  passed: boolean;
  /** The counted attempt was late. */
  late: boolean;
  /** When the counted attempt was submitted. */
  submittedAt: Date | null;
  /** The counted attempt, for drill-down. */
  submissionId: string | null;
  /** Their newest attempt, for drill-down. */
  latestSubmissionId: string | null;
}

export interface DashboardStats {
  submissions: number;
  studentsSubmitted: number;
  studentsPassed: number;
  rosterSize: number;
  /** Share of students on the roster who passed. */
  passRate: number | null;
  overTime: { bucket: string; label: string; submissions: number; passed: number }[];
  finalStd: { lo: number; hi: number; count: number }[];
  overflowed: number;
  pairs: { scheme: string; activation: string; count: number }[];
  failing: { index: number; criterion: PassCriterion; failures: number }[];
  students: StudentRow[];
}

const DAY = 86_400_000;

/** Buckets of the submission times: hours if everything fits in two days, else days (UTC). */
function timeBuckets(facts: SubmissionFact[]): DashboardStats['overTime'] {
  if (facts.length === 0) return [];
  const times = facts.map((f) => f.submittedAt.getTime());
  const span = Math.max(...times) - Math.min(...times);
  const hourly = span <= 2 * DAY;
  const key = (t: number) => new Date(t).toISOString().slice(0, hourly ? 13 : 10);
  const map = new Map<string, { submissions: number; passed: number }>();
  for (const f of facts) {
    const k = key(f.submittedAt.getTime());
    const b = map.get(k) ?? { submissions: 0, passed: 0 };
    b.submissions++;
    if (f.passed) b.passed++;
    map.set(k, b);
  }
  return [...map.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([bucket, v]) => ({ bucket, label: hourly ? `${bucket.slice(5, 10)} ${bucket.slice(11)}:00` : bucket, ...v }));
}

/** Log-spaced bins, four per decade, over the finite positive values. */
export function logBins(values: number[], perDecade = 4): { lo: number; hi: number; count: number }[] {
  const ok = values.filter((v) => Number.isFinite(v) && v > 0);
  if (ok.length === 0) return [];
  const idx = (v: number) => Math.floor(Math.log10(v) * perDecade);
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of ok) {
    lo = Math.min(lo, idx(v));
    hi = Math.max(hi, idx(v));
  }
  const counts = new Array<number>(hi - lo + 1).fill(0);
  for (const v of ok) counts[idx(v) - lo]++;
  return counts.map((count, i) => ({ lo: 10 ** ((lo + i) / perDecade), hi: 10 ** ((lo + i + 1) / perDecade), count }));
}

export function dashboardStats(
  facts: SubmissionFact[],
  roster: { id: string; name: string; email: string }[],
  criteria: PassCriterion[],
): DashboardStats {
  const byStudent = new Map<string, SubmissionFact[]>();
  for (const f of facts) {
    const list = byStudent.get(f.studentId) ?? [];
    list.push(f);
    byStudent.set(f.studentId, list);
  }
  const students: StudentRow[] = roster.map((r) => {
    const subs = byStudent.get(r.id) ?? [];
    let best: SubmissionFact | null = null;
    let latest: SubmissionFact | null = null;
    for (const s of subs) {
      if (!best || finalScore(s) > finalScore(best) || (finalScore(s) === finalScore(best) && s.attempt < best.attempt)) best = s;
      if (!latest || s.attempt > latest.attempt) latest = s;
    }
    return {
      studentId: r.id,
      name: r.name,
      email: r.email,
      attempts: subs.length,
      score: best ? finalScore(best) : null,
      passed: subs.some((s) => s.passed),
      late: best?.late ?? false,
      submittedAt: best?.submittedAt ?? null,
      submissionId: best?.id ?? null,
      latestSubmissionId: latest?.id ?? null,
    };
  });
  const pairCounts = new Map<string, { scheme: string; activation: string; count: number }>();
  const failures = criteria.map(() => 0);
  for (const f of facts) {
    const k = `${f.scheme}|${f.activation}`;
    const p = pairCounts.get(k) ?? { scheme: f.scheme, activation: f.activation, count: 0 };
    p.count++;
    pairCounts.set(k, p);
    f.criteriaResults.forEach((r, i) => {
      if (!r.passed && i < failures.length) failures[i]++;
    });
  }
  const studentsSubmitted = students.filter((s) => s.attempts > 0).length;
  const studentsPassed = students.filter((s) => s.passed).length;
  const stds = facts.map((f) => f.finalStd);
  return {
    submissions: facts.length,
    studentsSubmitted,
    studentsPassed,
    rosterSize: roster.length,
    passRate: roster.length ? studentsPassed / roster.length : null,
    overTime: timeBuckets(facts),
    finalStd: logBins(stds.filter((v): v is number => v !== null)),
    overflowed: stds.filter((v) => v === null).length,
    pairs: [...pairCounts.values()].sort((a, b) => b.count - a.count),
    failing: criteria
      .map((criterion, index) => ({ index, criterion, failures: failures[index] }))
      .filter((x) => x.failures > 0)
      .sort((a, b) => b.failures - a.failures),
    students,
  };
}

/**
 * The band of final std the exercise asks for, from its criteria and base input std: a
 * ratio-range criterion gives [min, max] × input std; "stable" gives the simulator's thresholds.
 */
export function targetBand(criteria: PassCriterion[], inputStd: number, thresholds: { vanishingBelow: number; explodingAbove: number }): { lo: number; hi: number } | null {
  const range = criteria.find((c) => c.kind === 'ratio-range');
  if (range && range.kind === 'ratio-range') return { lo: range.min * inputStd, hi: range.max * inputStd };
  if (criteria.some((c) => c.kind === 'signal-state' && c.state === 'stable')) {
    return { lo: thresholds.vanishingBelow * inputStd, hi: thresholds.explodingAbove * inputStd };
  }
  return null;
}
