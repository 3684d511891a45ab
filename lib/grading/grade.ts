/**
 * Grading rules in one pure module, shared by the server (which grades what it computed itself),
 * the exercise page (which previews the criteria on the browser's run) and the tests:
 * - gradeResult: every criterion checked against a run; the score is the share of criteria met.
 * - effectiveDeadlines / lateness: an individual extension replaces the exercise's dates.
 * - finalScore: the late penalty, then an instructor's override if there is one.
 * - lockedFieldViolations: fields a submitted config may not change.
 */
import type { ConfigField, PassCriterion } from '../validation/assignment';
import { CONFIG_FIELDS } from '../validation/assignment';
import type { SimConfig } from '../validation/sim-config';
import { criterionHolds, type GradableResult } from './check-criterion';

export interface CriterionResult {
  criterion: PassCriterion;
  passed: boolean;
}

export interface Grade {
  results: CriterionResult[];
  passed: boolean;
  /** 0-100 before any late penalty. */
  rawScore: number;
}

export function gradeResult(criteria: PassCriterion[], result: GradableResult, prediction?: number | null): Grade {
  const results = criteria.map((criterion) => ({ criterion, passed: criterionHolds(criterion, result, prediction) }));
  const met = results.filter((r) => r.passed).length;
  return { results, passed: results.length > 0 && met === results.length, rawScore: results.length ? (100 * met) / results.length : 0 };
}

export interface Deadlines {
  opensAt: Date | null;
  dueAt: Date | null;
  cutoffAt: Date | null;
  /** True when an extension replaced the exercise's own dates. */
  extended: boolean;
}

/** The dates that apply to one student: their extension's, else the exercise's. */
export function effectiveDeadlines(
  a: { opensAt: Date | null; dueAt: Date | null; cutoffAt: Date | null },
  extension: { dueAt: Date; cutoffAt: Date | null } | null | undefined,
): Deadlines {
  if (!extension) return { opensAt: a.opensAt, dueAt: a.dueAt, cutoffAt: a.cutoffAt, extended: false };
  // An extension never shortens the class's cut-off: a student given more time keeps at least it.
  const cutoff = extension.cutoffAt ?? (a.cutoffAt && a.cutoffAt > extension.dueAt ? a.cutoffAt : extension.dueAt);
  return { opensAt: a.opensAt, dueAt: extension.dueAt, cutoffAt: cutoff, extended: true };
}

export type Timing = 'not-open' | 'on-time' | 'late' | 'closed';

export function timingAt(d: Deadlines, now: Date): Timing {
  if (d.opensAt && now < d.opensAt) return 'not-open';
  if (d.cutoffAt && now > d.cutoffAt) return 'closed';
  if (d.dueAt && now > d.dueAt) return 'late';
  return 'on-time';
}

/** Score after the late penalty (percent of the score removed), rounded to 0.01. */
export function applyLatePenalty(rawScore: number, late: boolean, latePenaltyPercent: number): number {
  const score = late ? rawScore * (1 - latePenaltyPercent / 100) : rawScore;
  return Math.round(score * 100) / 100;
}

/** The grade a submission counts for: the instructor's override when set, else the computed score. */
export function finalScore(s: { score: number; scoreOverride: number | null }): number {
  return s.scoreOverride ?? s.score;
}

/** Same value for a config field, comparing arrays (widths) element by element. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i]);
  }
  return a === b;
}

/** Locked fields (not in `editable`) whose value in `submitted` differs from the base config. */
export function lockedFieldViolations(base: SimConfig, submitted: SimConfig, editable: readonly ConfigField[]): ConfigField[] {
  const open = new Set(editable);
  return CONFIG_FIELDS.filter((f) => !open.has(f) && !sameValue(base[f], submitted[f]));
}
