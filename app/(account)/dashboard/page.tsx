import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { listCoursesForUser } from '@/lib/data/courses';
import { JoinCourseForm } from '@/components/classroom/join-course-form';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  const user = await requireUser('/dashboard');
  const courses = await listCoursesForUser(user);
  const isInstructor = user.role === 'INSTRUCTOR';
  const courseHref = (id: string) => (isInstructor ? `/instructor/courses/${id}` : `/courses/${id}`);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Welcome, {user.name}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Signed in as {user.email} · {isInstructor ? 'Instructor' : 'Student'}
        </p>
      </div>
      {!isInstructor ? (
        <section aria-labelledby="join-heading" className="space-y-2">
          <h2 id="join-heading" className="text-lg font-semibold">Join a course</h2>
          <JoinCourseForm />
        </section>
      ) : null}
      <section aria-labelledby="courses-heading" className="space-y-3">
        <h2 id="courses-heading" className="text-lg font-semibold">
          {isInstructor ? 'Courses you teach' : 'Your courses'}
        </h2>
        {courses.length === 0 ? (
          <p className="rounded-md border border-dashed border-slate-300 p-4 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
            {isInstructor ? 'You have no courses yet.' : 'You are not in a course yet. Your instructor will give you a join code.'}
          </p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2">
            {courses.map((c) => (
              <li key={c.id} className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
                <h3 className="font-semibold">
                  <Link href={courseHref(c.id)} className="text-blue-700 underline dark:text-blue-300">{c.title}</Link>
                </h3>
                {c.description && <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{c.description}</p>}
                <p className="mt-2 text-sm">
                  {isInstructor ? `${c.studentCount} students · ` : `Taught by ${c.instructorName} · `}
                  {c.assignmentCount} assignment{c.assignmentCount === 1 ? '' : 's'}
                </p>
                {c.joinCode && (
                  <p className="mt-1 text-sm">
                    Join code: <code className="rounded bg-slate-100 px-1 font-mono dark:bg-slate-800">{c.joinCode}</code>
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
        {!isInstructor ? (
          <p className="text-sm">
            <Link href="/grades" className="text-blue-700 underline dark:text-blue-300">Your grades, attempts, due dates and feedback</Link>
          </p>
        ) : (
          <p className="text-sm">
            <Link href="/instructor" className="text-blue-700 underline dark:text-blue-300">Manage your courses</Link>
          </p>
        )}
      </section>
      <p className="text-sm">
        Meanwhile, the <Link href="/simulator" className="text-blue-700 underline dark:text-blue-300">simulator</Link> and the{' '}
        <Link href="/lessons" className="text-blue-700 underline dark:text-blue-300">lessons</Link> are open to everyone.
      </p>
    </div>
  );
}
