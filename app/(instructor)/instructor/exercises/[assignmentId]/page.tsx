/**
 * One exercise for its instructor: the class dashboard (submissions over time, pass rate, final
 * std against the target band, scheme × activation choices, failing criteria), the per-student
 * table with drill-down, the grades export, extensions and every submission.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireRole } from '@/lib/auth/session';
import { getExerciseDashboard } from '@/lib/data/dashboard';
import { describeCriterion } from '@/lib/grading/describe-criterion';
import { ACTIVATION_INFO, SCHEME_INFO } from '@/lib/sim';
import type { Activation, Scheme } from '@/lib/validation/sim-config';
import { buttonClass } from '@/components/ui/button';
import { Markdown } from '@/components/ui/markdown';
import { FinalStdChart, PairsChart, SubmissionsOverTimeChart } from '@/components/classroom/dashboard-charts';
import { ExtensionPanel } from '@/components/classroom/extension-form';
import { DateTime } from '@/components/classroom/date-time';

export const metadata: Metadata = { title: 'Exercise dashboard' };

const schemeLabel = (s: string) => SCHEME_INFO[s as Scheme]?.label ?? s;
const activationLabel = (a: string) => ACTIVATION_INFO[a as Activation]?.label ?? a;

export default async function ExerciseDashboardPage({ params }: { params: Promise<{ assignmentId: string }> }) {
  const { assignmentId } = await params;
  const user = await requireRole('INSTRUCTOR', `/instructor/exercises/${assignmentId}`);
  const d = await getExerciseDashboard(user, assignmentId);
  if (!d) notFound();
  const { assignment: a, stats } = d;
  const iso = (x: Date | null) => (x ? <DateTime iso={x.toISOString()} /> : '–');
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <nav aria-label="Breadcrumb" className="text-sm">
          <Link href="/instructor" className="hover:underline">Instructor</Link> <span aria-hidden="true">/</span>{' '}
          <Link href={`/instructor/courses/${a.courseId}`} className="hover:underline">{a.courseTitle}</Link> <span aria-hidden="true">/</span> {a.title}
        </nav>
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="mr-auto text-2xl font-bold">{a.title}</h1>
          <Link href={`/instructor/exercises/${a.id}/edit`} className={buttonClass('secondary', 'sm')}>
            Edit exercise
          </Link>
          <a href={`/instructor/exercises/${a.id}/grades.csv`} download className={buttonClass('primary', 'sm')}>
            Download grades (CSV)
          </a>
        </div>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          {a.publishedAt ? 'Published' : 'Draft (students cannot see it)'} · opens {iso(a.opensAt)} · due {iso(a.dueAt)} · cut-off {iso(a.cutoffAt)} · late
          penalty {a.latePenaltyPercent}% · {a.maxAttempts === null ? 'unlimited attempts' : `${a.maxAttempts} attempts`}
        </p>
        <details className="text-sm">
          <summary className="cursor-pointer font-medium">Prompt and criteria</summary>
          <div className="mt-2 space-y-2">
            <Markdown source={a.prompt} />
            <ul className="list-disc pl-5">
              {a.criteria.map((c, i) => (
                <li key={i}>{describeCriterion(c)}</li>
              ))}
            </ul>
          </div>
        </details>
      </div>

      <section aria-labelledby="dash-heading" className="space-y-4">
        <h2 id="dash-heading" className="text-lg font-semibold">Class dashboard</h2>
        <dl className="grid gap-3 sm:grid-cols-4">
          {[
            ['Pass rate', stats.passRate === null ? '–' : `${Math.round(stats.passRate * 100)}%`, 'pass-rate'],
            ['Students passed', `${stats.studentsPassed} of ${stats.rosterSize}`, 'students-passed'],
            ['Students submitted', `${stats.studentsSubmitted} of ${stats.rosterSize}`, 'students-submitted'],
            ['Submissions', String(stats.submissions), 'submissions'],
          ].map(([term, value, testid]) => (
            <div key={testid} className="rounded-lg border border-slate-200 p-3 dark:border-slate-700">
              <dt className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">{term}</dt>
              <dd className="mt-1 text-xl font-semibold tabular-nums" data-testid={testid}>{value}</dd>
            </div>
          ))}
        </dl>
        {stats.submissions === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">No submissions yet.</p>
        ) : (
          <div className="grid gap-4 lg:grid-cols-2">
            <SubmissionsOverTimeChart data={stats.overTime} title="Submissions over time" />
            <FinalStdChart bins={stats.finalStd} band={d.band} overflowed={stats.overflowed} />
            <PairsChart pairs={stats.pairs.map((p) => ({ label: `${schemeLabel(p.scheme)} · ${activationLabel(p.activation)}`, count: p.count }))} />
            <div className="rounded-lg border border-slate-200 p-3 dark:border-slate-700">
              <h3 className="text-sm font-semibold">Most common failing criteria</h3>
              {stats.failing.length ? (
                <ol className="mt-2 list-decimal space-y-1 pl-5 text-sm">
                  {stats.failing.map((f) => (
                    <li key={f.index}>
                      {describeCriterion(f.criterion)}: failed in {f.failures} of {stats.submissions} submissions
                    </li>
                  ))}
                </ol>
              ) : (
                <p className="mt-2 text-sm">Every submission met every criterion.</p>
              )}
            </div>
          </div>
        )}
      </section>

      <section aria-labelledby="students-heading" className="space-y-3">
        <h2 id="students-heading" className="text-lg font-semibold">Students</h2>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="student-table">
            <caption className="sr-only">Each student’s counted attempt (the best score)</caption>
            <thead>
              <tr className="border-b border-slate-200 dark:border-slate-700">
                <th scope="col" className="py-2">Student</th>
                <th scope="col" className="py-2">Attempts</th>
                <th scope="col" className="py-2">Score</th>
                <th scope="col" className="py-2">Result</th>
                <th scope="col" className="py-2">Late</th>
                <th scope="col" className="py-2">Submitted</th>
              </tr>
            </thead>
            <tbody>
              {stats.students.map((s) => (
                <tr key={s.studentId} className="border-b border-slate-100 dark:border-slate-800">
                  <th scope="row" className="py-2 font-normal">
                    {s.submissionId ? (
                      <Link href={`/instructor/submissions/${s.latestSubmissionId}`} className="text-blue-700 underline dark:text-blue-300">
                        {s.name}
                      </Link>
                    ) : (
                      s.name
                    )}
                    <span className="block text-xs text-slate-600 dark:text-slate-400">{s.email}</span>
                  </th>
                  <td className="py-2 tabular-nums">{s.attempts}</td>
                  <td className="py-2 tabular-nums">{s.score === null ? '–' : s.score}</td>
                  <td className="py-2">{s.attempts === 0 ? 'No attempt' : s.passed ? 'Passed' : 'Not passed'}</td>
                  <td className="py-2">{s.attempts === 0 ? '' : s.late ? 'Late' : 'On time'}</td>
                  <td className="py-2">{s.submittedAt ? <DateTime iso={s.submittedAt.toISOString()} /> : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="extensions-heading" className="space-y-3">
        <h2 id="extensions-heading" className="text-lg font-semibold">Extensions</h2>
        <ExtensionPanel
          assignmentId={a.id}
          roster={a.roster}
          extensions={a.extensions.map((e) => ({ ...e, dueAt: e.dueAt.toISOString(), cutoffAt: e.cutoffAt?.toISOString() ?? null }))}
        />
      </section>

      <section aria-labelledby="subs-heading" className="space-y-3">
        <h2 id="subs-heading" className="text-lg font-semibold">All submissions ({d.submissions.length})</h2>
        {d.submissions.length ? (
          // A plain GET form: ticked submissions open side by side in the comparison view
          // (/experiments/compare?s=…&s=…, which checks that they belong to this instructor's course).
          <form action="/experiments/compare" method="get" className="space-y-2">
          <p className="text-sm text-slate-600 dark:text-slate-400">Tick 2 to 6 submissions to compare their curves.</p>
          <ul className="divide-y divide-slate-100 text-sm dark:divide-slate-800" data-testid="submission-list">
            {d.submissions.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center gap-x-3 py-1.5" data-submission-id={s.id}>
                <input type="checkbox" name="s" value={s.id} aria-label={`Compare ${s.studentName}, attempt ${s.attempt}`} className="h-4 w-4" />
                <Link href={`/instructor/submissions/${s.id}`} className="text-blue-700 underline dark:text-blue-300">
                  {s.studentName}, attempt {s.attempt}
                </Link>
                <span>{s.passed ? 'Passed' : 'Not passed'}</span>
                <span className="tabular-nums">score {s.score}</span>
                {s.late ? <span>late</span> : null}
                <DateTime iso={s.submittedAt.toISOString()} />
              </li>
            ))}
          </ul>
          <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 dark:border-slate-600 dark:hover:bg-slate-800">
            Compare selected
          </button>
          </form>
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">None yet.</p>
        )}
      </section>
    </div>
  );
}
