import type { Metadata } from 'next';
import Link from 'next/link';
import { requireRole } from '@/lib/auth/session';
import { listCoursesForUser, type CourseListItem } from '@/lib/data/courses';
import { buttonClass } from '@/components/ui/button';

export const metadata: Metadata = { title: 'Instructor' };

function CourseTable({ courses, caption }: { courses: CourseListItem[]; caption: string }) {
  return (
    <table className="w-full max-w-3xl text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-200 dark:border-slate-800">
          <th scope="col" className="py-2">Course</th>
          <th scope="col" className="py-2">Join code</th>
          <th scope="col" className="py-2">Students</th>
          <th scope="col" className="py-2">Exercises</th>
        </tr>
      </thead>
      <tbody>
        {courses.map((c) => (
          <tr key={c.id} className="border-b border-slate-100 dark:border-slate-900">
            <td className="py-2 font-medium">
              <Link href={`/instructor/courses/${c.id}`} className="text-blue-700 underline dark:text-blue-300">
                {c.title}
              </Link>
            </td>
            <td className="py-2 font-mono">{c.joinCode}</td>
            <td className="py-2">{c.studentCount}</td>
            <td className="py-2">{c.assignmentCount}</td>
          </tr>
        ))}
        {courses.length === 0 && (
          <tr>
            <td colSpan={4} className="py-4 text-slate-600 dark:text-slate-400">
              No courses yet.
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

export default async function InstructorPage() {
  const user = await requireRole('INSTRUCTOR', '/instructor');
  const [courses, archived] = await Promise.all([listCoursesForUser(user), listCoursesForUser(user, { archived: true })]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Instructor</h1>
        <Link href="/instructor/courses/new" className={buttonClass('primary')}>
          New course
        </Link>
      </div>
      <p className="text-slate-700 dark:text-slate-300">Your courses, their join codes, exercises and class dashboards.</p>
      <CourseTable courses={courses} caption="Courses you teach" />
      {archived.length ? (
        <section aria-labelledby="archived-heading" className="space-y-2">
          <h2 id="archived-heading" className="text-lg font-semibold">Archived courses</h2>
          <CourseTable courses={archived} caption="Archived courses" />
        </section>
      ) : null}
    </div>
  );
}
