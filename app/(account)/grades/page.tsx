/** A student's grades, attempts left, due dates and feedback for every exercise, on one page. */
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { requireUser } from '@/lib/auth/session';
import { listGradesForStudent } from '@/lib/data/assignments';
import { Markdown } from '@/components/ui/markdown';
import { DateTime } from '@/components/classroom/date-time';

export const metadata: Metadata = { title: 'Your grades' };

export default async function GradesPage() {
  const user = await requireUser('/grades');
  if (user.role === 'INSTRUCTOR') redirect('/instructor');
  const rows = await listGradesForStudent(user);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Your grades</h1>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No exercises yet. Join a course from your dashboard.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Every exercise of your courses with your grade</caption>
            <thead>
              <tr className="border-b border-slate-200 dark:border-slate-700">
                <th scope="col" className="py-2">Exercise</th>
                <th scope="col" className="py-2">Due</th>
                <th scope="col" className="py-2">Score</th>
                <th scope="col" className="py-2">Attempts</th>
                <th scope="col" className="py-2">Feedback</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.assignmentId} className="border-b border-slate-100 align-top dark:border-slate-800">
                  <th scope="row" className="py-2 font-normal">
                    <Link href={`/exercises/${r.assignmentId}`} className="font-medium text-blue-700 underline dark:text-blue-300">{r.title}</Link>
                    <span className="block text-xs text-slate-600 dark:text-slate-400">{r.courseTitle}</span>
                  </th>
                  <td className="py-2">
                    {r.deadlines.dueAt ? <DateTime iso={r.deadlines.dueAt.toISOString()} /> : '–'}
                    {r.deadlines.extended ? <span className="block text-xs">extended for you</span> : null}
                  </td>
                  <td className="py-2 tabular-nums">
                    {r.bestScore === null ? 'not submitted' : r.bestScore}
                    {r.bestScore !== null ? <span className="block text-xs">{r.passed ? 'Passed' : 'Not passed'}{r.late ? ', late' : ''}</span> : null}
                  </td>
                  <td className="py-2 tabular-nums">
                    {r.attemptsUsed} used{r.attemptsLeft === null ? '' : `, ${r.attemptsLeft} left`}
                  </td>
                  <td className="py-2">
                    {r.feedback.length
                      ? r.feedback.map((f) => (
                          <div key={f.attempt} className="mb-1">
                            <span className="text-xs text-slate-600 dark:text-slate-400">Attempt {f.attempt}:</span>
                            <Markdown source={f.text} />
                          </div>
                        ))
                      : '–'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
