import type { Metadata } from 'next';
import { requireRole } from '@/lib/auth/session';
import { listCoursesForUser } from '@/lib/data/courses';

export const metadata: Metadata = { title: 'Instructor' };

export default async function InstructorPage() {
  const user = await requireRole('INSTRUCTOR', '/instructor');
  const courses = await listCoursesForUser(user);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Instructor</h1>
      <p className="text-slate-700 dark:text-slate-300">
        Your courses and their join codes. Course management, assignments and the class dashboard arrive here next.
      </p>
      <table className="w-full max-w-2xl text-left text-sm">
        <caption className="sr-only">Courses you teach</caption>
        <thead>
          <tr className="border-b border-slate-200 dark:border-slate-800">
            <th scope="col" className="py-2">Course</th>
            <th scope="col" className="py-2">Join code</th>
            <th scope="col" className="py-2">Students</th>
            <th scope="col" className="py-2">Assignments</th>
          </tr>
        </thead>
        <tbody>
          {courses.map((c) => (
            <tr key={c.id} className="border-b border-slate-100 dark:border-slate-900">
              <td className="py-2 font-medium">{c.title}</td>
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
    </div>
  );
}
