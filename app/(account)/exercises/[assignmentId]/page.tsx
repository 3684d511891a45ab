/**
 * A student's exercise: the prompt, their own due date (with any extension), attempts left,
 * earlier attempts with feedback, the reference solution once the due date has passed, and the
 * workbench (the simulator with the exercise's locks) to try configs and submit.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { requireUser } from '@/lib/auth/session';
import { getAssignmentForStudent } from '@/lib/data/assignments';
import { describeCriterion } from '@/lib/grading/describe-criterion';
import { simulatorHref } from '@/lib/validation/sim-config-url';
import { Markdown } from '@/components/ui/markdown';
import { ExerciseWorkbench } from '@/components/classroom/exercise-workbench';
import { DateTime } from '@/components/classroom/date-time';

export const metadata: Metadata = { title: 'Exercise' };

export default async function ExercisePage({ params }: { params: Promise<{ assignmentId: string }> }) {
  const { assignmentId } = await params;
  const user = await requireUser(`/exercises/${assignmentId}`);
  if (user.role === 'INSTRUCTOR') redirect(`/instructor/exercises/${assignmentId}`);
  const a = await getAssignmentForStudent(user, assignmentId);
  if (!a) notFound();
  const d = a.deadlines;
  const iso = (x: Date | null) => x?.toISOString() ?? null;
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/dashboard" className="hover:underline">Dashboard</Link> <span aria-hidden="true">/</span>{' '}
        <Link href={`/courses/${a.courseId}`} className="hover:underline">{a.courseTitle}</Link> <span aria-hidden="true">/</span> {a.title}
      </nav>
      <h1 className="text-2xl font-bold">{a.title}</h1>
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]" data-testid="exercise-facts">
        <dt className="font-medium">Your due date</dt>
        <dd data-testid="due-date">
          {d.dueAt ? <DateTime iso={d.dueAt.toISOString()} /> : 'none'}
          {d.extended ? ' (extended for you)' : ''}
        </dd>
        {d.cutoffAt ? (
          <>
            <dt className="font-medium">Cut-off</dt>
            <dd>
              <DateTime iso={d.cutoffAt.toISOString()} /> (late submissions lose {a.latePenaltyPercent}%)
            </dd>
          </>
        ) : null}
        <dt className="font-medium">Attempts</dt>
        <dd data-testid="attempts-left">
          {a.attempts.length} used{a.attemptsLeft === null ? ', unlimited' : `, ${a.attemptsLeft} left`}
        </dd>
        <dt className="font-medium">To pass</dt>
        <dd>
          <ul className="list-disc pl-5">
            {a.criteria.map((c, i) => (
              <li key={i}>{describeCriterion(c)}</li>
            ))}
          </ul>
        </dd>
      </dl>
      <section aria-labelledby="prompt-heading">
        <h2 id="prompt-heading" className="sr-only">The task</h2>
        <Markdown source={a.prompt} />
      </section>

      {a.attempts.length ? (
        <section aria-labelledby="attempts-heading" className="space-y-2">
          <h2 id="attempts-heading" className="text-lg font-semibold">Your attempts</h2>
          <ul className="space-y-2 text-sm" data-testid="attempts">
            {a.attempts.map((s) => (
              <li key={s.id} className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
                <p>
                  Attempt {s.attempt}: {s.passed ? 'Passed' : 'Not passed'}, score {s.score}
                  {s.late ? ' (late)' : ''} · <DateTime iso={s.submittedAt.toISOString()} />
                </p>
                {s.overrideReason ? <p>Score set by your instructor: {s.overrideReason}</p> : null}
                {s.feedback ? (
                  <div className="mt-2 rounded bg-slate-50 p-2 dark:bg-slate-900" data-testid="feedback">
                    <p className="font-medium">Feedback from your instructor</p>
                    <Markdown source={s.feedback} />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {a.solution ? (
        <section aria-labelledby="solution-heading" className="space-y-2 rounded-lg border border-emerald-300 p-4 dark:border-emerald-800">
          <h2 id="solution-heading" className="text-lg font-semibold">Reference solution</h2>
          {a.solution.config ? (
            <p className="text-sm">
              <a href={simulatorHref(a.solution.config)} className="text-blue-700 underline dark:text-blue-300">Open the reference solution in the simulator</a>
            </p>
          ) : null}
          {a.solution.notes ? <Markdown source={a.solution.notes} /> : null}
        </section>
      ) : null}

      <ExerciseWorkbench
        assignmentId={a.id}
        baseConfig={a.baseConfig}
        editableFields={a.editableFields}
        hiddenFields={a.hiddenFields}
        criteria={a.criteria}
        deadlines={{ opensAt: iso(d.opensAt), dueAt: iso(d.dueAt), cutoffAt: iso(d.cutoffAt) }}
        attemptsLeft={a.attemptsLeft}
      />
    </div>
  );
}
