import type { Metadata } from 'next';
import Link from 'next/link';
import { requireRole } from '@/lib/auth/session';
import { CourseForm } from '@/components/classroom/course-form';

export const metadata: Metadata = { title: 'New course' };

export default async function NewCoursePage() {
  await requireRole('INSTRUCTOR', '/instructor/courses/new');
  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/instructor" className="hover:underline">Instructor</Link> <span aria-hidden="true">/</span> New course
      </nav>
      <h1 className="text-2xl font-bold">New course</h1>
      <CourseForm />
    </div>
  );
}
