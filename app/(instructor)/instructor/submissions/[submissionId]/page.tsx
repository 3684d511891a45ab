/** One submission for the instructor: the graded run and its chart, criteria, score, late flag, explanation; feedback and override. */
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireRole } from '@/lib/auth/session';
import { getSubmission } from '@/lib/data/submissions';
import { describeCriterion } from '@/lib/grading/describe-criterion';
import { presentRun } from '@/lib/present/run-summary';
import { simulatorHref } from '@/lib/validation/sim-config-url';
import { Markdown } from '@/components/ui/markdown';
import { ResultsPanel } from '@/components/simulator/results-panel';
import { RunChart } from '@/components/classroom/run-chart';
import { FeedbackForm, OverrideForm } from '@/components/classroom/grading-forms';
import { DateTime } from '@/components/classroom/date-time';

export const metadata: Metadata = { title: 'Submission' };

export default async function SubmissionPage({ params }: { params: Promise<{ submissionId: string }> }) {
  const { submissionId } = await params;
  const user = await requireRole('INSTRUCTOR', `/instructor/submissions/${submissionId}`);
  const s = await getSubmission(user, submissionId);
  if (!s) notFound();
  const result = presentRun(s.run);
  const rows = [
    { layer: 0, rms: s.run.result.input.rms, theory: null },
    ...s.run.result.layers.map((l) => ({ layer: l.layer, rms: l.post?.rms ?? null, theory: l.theory.postRms })),
  ];
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/instructor" className="hover:underline">Instructor</Link> <span aria-hidden="true">/</span>{' '}
        <Link href={`/instructor/exercises/${s.assignmentId}`} className="hover:underline">{s.assignmentTitle}</Link> <span aria-hidden="true">/</span> Submission
      </nav>
      <h1 className="text-2xl font-bold">
        {s.student.name}, attempt {s.attempt}
      </h1>
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="font-medium">Outcome</dt>
        <dd data-testid="outcome">{s.passed ? 'Passed' : 'Not passed'}</dd>
        <dt className="font-medium">Score</dt>
        <dd data-testid="score">
          {s.finalScore}
          {s.scoreOverride !== null ? ` (overridden from ${s.score}: ${s.overrideReason})` : ''}
        </dd>
        <dt className="font-medium">Submitted</dt>
        <dd>
          <DateTime iso={s.submittedAt.toISOString()} /> {s.late ? '(late)' : '(on time)'}
        </dd>
        {s.prediction !== null ? (
          <>
            <dt className="font-medium">Prediction</dt>
            <dd className="tabular-nums">{s.prediction}</dd>
          </>
        ) : null}
        <dt className="font-medium">Config</dt>
        <dd>
          <a href={simulatorHref(s.config)} className="text-blue-700 underline dark:text-blue-300">Open this config in the simulator</a>
        </dd>
      </dl>
      <section aria-labelledby="criteria-heading">
        <h2 id="criteria-heading" className="text-lg font-semibold">Criteria</h2>
        <ul className="mt-1 space-y-1 text-sm">
          {s.criteriaResults.map((c, i) => (
            <li key={i}>
              <span className={c.passed ? 'font-semibold text-emerald-800 dark:text-emerald-300' : 'font-semibold text-red-800 dark:text-red-300'}>{c.passed ? 'Met' : 'Not met'}</span>: {describeCriterion(c.criterion)}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="explanation-heading">
        <h2 id="explanation-heading" className="text-lg font-semibold">The student’s explanation</h2>
        {s.explanation ? <Markdown source={s.explanation} /> : <p className="text-sm text-slate-600 dark:text-slate-400">None given.</p>}
      </section>
      <section aria-labelledby="run-heading" className="space-y-3">
        <h2 id="run-heading" className="text-lg font-semibold">The graded run (computed on the server)</h2>
        <RunChart rows={rows} title="Signal per layer of the graded run" />
        <ResultsPanel result={result} origin="server" stale={false} busy={false} preview={false} />
      </section>
      <section aria-labelledby="feedback-heading" className="space-y-3">
        <h2 id="feedback-heading" className="text-lg font-semibold">Feedback</h2>
        <FeedbackForm submissionId={s.id} feedback={s.feedback} />
      </section>
      <section aria-labelledby="override-heading" className="space-y-3">
        <h2 id="override-heading" className="text-lg font-semibold">Score override</h2>
        <OverrideForm submissionId={s.id} score={s.scoreOverride} reason={s.overrideReason} />
      </section>
    </div>
  );
}
