/**
 * The teacher guide's exercise templates for one course, with their reference answers and
 * solution notes (instructors only: the public guide leaves them out). One click creates a draft.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireRole } from '@/lib/auth/session';
import { getCourse } from '@/lib/data/courses';
import { EXERCISE_TEMPLATES } from '@/lib/lessons/exercise-templates';
import { describeCriterion } from '@/lib/grading/describe-criterion';
import { FromTemplateButton } from '@/components/classroom/small-actions';

export const metadata: Metadata = { title: 'Exercise templates' };

export default async function TemplatesPage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  const user = await requireRole('INSTRUCTOR', `/instructor/courses/${courseId}/templates`);
  const course = await getCourse(user, courseId);
  if (!course?.isOwner) notFound();
  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/instructor" className="hover:underline">Instructor</Link> <span aria-hidden="true">/</span>{' '}
        <Link href={`/instructor/courses/${course.id}`} className="hover:underline">{course.title}</Link> <span aria-hidden="true">/</span> From a template
      </nav>
      <h1 className="text-2xl font-bold">Start an exercise from a template</h1>
      <p className="max-w-3xl text-slate-700 dark:text-slate-300">
        The templates of the <Link href="/lessons/teacher-guide" className="text-blue-700 underline dark:text-blue-300">teacher guide</Link>. Using one creates a draft
        in this course with its prompt, config, locks and criteria, and its reference answer as the solution; edit it, then publish.
      </p>
      <ul className="space-y-4">
        {EXERCISE_TEMPLATES.map((t) => (
          <li key={t.id} className="rounded-lg border border-slate-200 p-4 dark:border-slate-700">
            <h2 className="font-semibold">{t.spec.title}</h2>
            <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{t.spec.prompt}</p>
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              <dt className="font-medium">Student may change</dt>
              <dd>{t.spec.editableFields.join(', ')}</dd>
              <dt className="font-medium">Passes when</dt>
              <dd>{t.spec.criteria.map(describeCriterion).join('; ')}</dd>
              <dt className="font-medium">Reference answer</dt>
              <dd className="font-mono text-xs">{Object.entries(t.referenceAnswer).map(([k, v]) => `${k} = ${String(v)}`).join(', ')}</dd>
              <dt className="font-medium">Why it works</dt>
              <dd>{t.solutionNote}</dd>
            </dl>
            <div className="mt-3">
              <FromTemplateButton courseId={course.id} templateId={t.id} title={t.spec.title} />
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
