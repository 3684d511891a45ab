import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireRole } from '@/lib/auth/session';
import { getAssignmentForInstructor } from '@/lib/data/assignments';
import { ExerciseForm } from '@/components/classroom/exercise-form';
import { DeleteExerciseButton } from '@/components/classroom/small-actions';

export const metadata: Metadata = { title: 'Edit exercise' };

export default async function EditExercisePage({ params }: { params: Promise<{ assignmentId: string }> }) {
  const { assignmentId } = await params;
  const user = await requireRole('INSTRUCTOR', `/instructor/exercises/${assignmentId}/edit`);
  const a = await getAssignmentForInstructor(user, assignmentId);
  if (!a) notFound();
  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/instructor" className="hover:underline">Instructor</Link> <span aria-hidden="true">/</span>{' '}
        <Link href={`/instructor/courses/${a.courseId}`} className="hover:underline">{a.courseTitle}</Link> <span aria-hidden="true">/</span>{' '}
        <Link href={`/instructor/exercises/${a.id}`} className="hover:underline">{a.title}</Link> <span aria-hidden="true">/</span> Edit
      </nav>
      <h1 className="text-2xl font-bold">Edit exercise</h1>
      <ExerciseForm
        values={{
          assignmentId: a.id,
          courseId: a.courseId,
          title: a.title,
          prompt: a.prompt,
          baseConfig: a.baseConfig,
          editableFields: a.editableFields,
          hiddenFields: a.hiddenFields,
          criteria: a.criteria,
          referenceConfig: a.referenceConfig,
          solutionNotes: a.solutionNotes,
          opensAt: a.opensAt?.toISOString() ?? null,
          dueAt: a.dueAt?.toISOString() ?? null,
          cutoffAt: a.cutoffAt?.toISOString() ?? null,
          latePenaltyPercent: a.latePenaltyPercent,
          maxAttempts: a.maxAttempts,
          published: a.publishedAt !== null,
        }}
      />
      <DeleteExerciseButton assignmentId={a.id} courseId={a.courseId} title={a.title} />
      <p className="text-sm">
        <Link href={`/instructor/exercises/${a.id}`} className="text-blue-700 underline dark:text-blue-300">Back to the exercise’s dashboard</Link>
      </p>
    </div>
  );
}
