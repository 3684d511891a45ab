import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireRole } from '@/lib/auth/session';
import { getCourse } from '@/lib/data/courses';
import { getCourseDashboard } from '@/lib/data/dashboard';
import { buttonClass } from '@/components/ui/button';
import { CourseForm } from '@/components/classroom/course-form';
import { JoinCodePanel } from '@/components/classroom/join-code-panel';
import { RosterPanel } from '@/components/classroom/roster-panel';
import { ArchiveCourseButton } from '@/components/classroom/small-actions';
import { SubmissionsOverTimeChart } from '@/components/classroom/dashboard-charts';
import { DateTime } from '@/components/classroom/date-time';

export const metadata: Metadata = { title: 'Course' };

export default async function InstructorCoursePage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  const user = await requireRole('INSTRUCTOR', `/instructor/courses/${courseId}`);
  const [course, dashboard] = await Promise.all([getCourse(user, courseId), getCourseDashboard(user, courseId)]);
  if (!course || !dashboard || !course.isOwner) notFound();
  const pct = (a: number, b: number) => (b ? `${Math.round((100 * a) / b)}%` : '–');
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <nav aria-label="Breadcrumb" className="text-sm">
          <Link href="/instructor" className="hover:underline">Instructor</Link> <span aria-hidden="true">/</span> {course.title}
        </nav>
        <h1 className="text-2xl font-bold">
          {course.title}
          {course.archived ? <span className="ml-2 rounded bg-slate-200 px-2 py-0.5 align-middle text-sm font-medium dark:bg-slate-700">Archived</span> : null}
        </h1>
        {course.description ? <p className="max-w-3xl text-slate-700 dark:text-slate-300">{course.description}</p> : null}
      </div>

      {course.joinCode ? <JoinCodePanel courseId={course.id} joinCode={course.joinCode} /> : null}

      <section aria-labelledby="exercises-heading" className="space-y-3">
        <div className="flex flex-wrap items-center gap-2">
          <h2 id="exercises-heading" className="mr-auto text-lg font-semibold">Exercises</h2>
          <Link href={`/instructor/courses/${course.id}/exercises/new`} className={buttonClass('primary', 'sm')}>
            New exercise
          </Link>
          <Link href={`/instructor/courses/${course.id}/templates`} className={buttonClass('secondary', 'sm')}>
            From a template
          </Link>
        </div>
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Exercises of this course with their class results</caption>
          <thead>
            <tr className="border-b border-slate-200 dark:border-slate-700">
              <th scope="col" className="py-2">Exercise</th>
              <th scope="col" className="py-2">Status</th>
              <th scope="col" className="py-2">Due</th>
              <th scope="col" className="py-2">Submissions</th>
              <th scope="col" className="py-2">Students submitted</th>
              <th scope="col" className="py-2">Pass rate</th>
            </tr>
          </thead>
          <tbody>
            {course.assignments.map((a) => {
              const d = dashboard.exercises.find((x) => x.id === a.id);
              return (
                <tr key={a.id} className="border-b border-slate-100 dark:border-slate-800">
                  <td className="py-2">
                    <Link href={`/instructor/exercises/${a.id}`} className="font-medium text-blue-700 underline dark:text-blue-300">{a.title}</Link>
                  </td>
                  <td className="py-2">{a.publishedAt ? 'Published' : 'Draft'}</td>
                  <td className="py-2">{a.dueAt ? <DateTime iso={a.dueAt.toISOString()} /> : '–'}</td>
                  <td className="py-2 tabular-nums">{d?.submissions ?? 0}</td>
                  <td className="py-2 tabular-nums">{d?.studentsSubmitted ?? 0} of {dashboard.rosterSize}</td>
                  <td className="py-2 tabular-nums">{pct(d?.studentsPassed ?? 0, dashboard.rosterSize)}</td>
                </tr>
              );
            })}
            {course.assignments.length === 0 ? (
              <tr>
                <td colSpan={6} className="py-3 text-slate-600 dark:text-slate-400">No exercises yet: write one, or start from a template of the teacher guide.</td>
              </tr>
            ) : null}
          </tbody>
        </table>
        {dashboard.overTime.length ? <SubmissionsOverTimeChart data={dashboard.overTime} title="Submissions to this course over time" /> : null}
      </section>

      <section aria-labelledby="roster-heading" className="space-y-3">
        <h2 id="roster-heading" className="text-lg font-semibold">Roster ({course.roster.length})</h2>
        <RosterPanel
          courseId={course.id}
          roster={course.roster.map((s) => ({ ...s, joinedAt: s.joinedAt.toISOString() }))}
          pendingEmails={course.pendingEmails}
        />
      </section>

      <section aria-labelledby="settings-heading" className="space-y-3">
        <h2 id="settings-heading" className="text-lg font-semibold">Course settings</h2>
        <CourseForm course={{ id: course.id, title: course.title, description: course.description }} />
        <ArchiveCourseButton courseId={course.id} archived={course.archived} />
      </section>
    </div>
  );
}
