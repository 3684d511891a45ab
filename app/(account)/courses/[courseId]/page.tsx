/** A student's view of one course: its published exercises with their own due dates and attempts. */
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { requireUser } from '@/lib/auth/session';
import { getCourse } from '@/lib/data/courses';
import { listGradesForStudent } from '@/lib/data/assignments';
import { DateTime } from '@/components/classroom/date-time';

export const metadata: Metadata = { title: 'Course' };

export default async function StudentCoursePage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  const user = await requireUser(`/courses/${courseId}`);
  if (user.role === 'INSTRUCTOR') redirect(`/instructor/courses/${courseId}`);
  const course = await getCourse(user, courseId);
  if (!course) notFound();
  const grades = (await listGradesForStudent(user)).filter((g) => g.courseId === course.id);
  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/dashboard" className="hover:underline">Dashboard</Link> <span aria-hidden="true">/</span> {course.title}
      </nav>
      <h1 className="text-2xl font-bold">{course.title}</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">Taught by {course.instructorName}</p>
      {course.description ? <p className="max-w-3xl">{course.description}</p> : null}
      <h2 className="text-lg font-semibold">Exercises</h2>
      {grades.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No exercises published yet.</p>
      ) : (
        <ul className="space-y-2">
          {grades.map((g) => (
            <li key={g.assignmentId} className="rounded-lg border border-slate-200 p-3 dark:border-slate-700">
              <Link href={`/exercises/${g.assignmentId}`} className="font-medium text-blue-700 underline dark:text-blue-300">{g.title}</Link>
              <p className="text-sm">
                {g.deadlines.dueAt ? (
                  <>
                    Due <DateTime iso={g.deadlines.dueAt.toISOString()} />
                    {g.deadlines.extended ? ' (your extension)' : ''}
                  </>
                ) : (
                  'No due date'
                )}{' '}
                · {g.attemptsUsed} attempt{g.attemptsUsed === 1 ? '' : 's'} used
                {g.attemptsLeft !== null ? `, ${g.attemptsLeft} left` : ''} · {g.bestScore === null ? 'not submitted' : `best score ${g.bestScore}${g.passed ? ', passed' : ''}`}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
