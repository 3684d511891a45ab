import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireRole } from '@/lib/auth/session';
import { getCourse } from '@/lib/data/courses';
import { DEFAULT_CONFIG } from '@/lib/validation/sim-config';
import { ExerciseForm } from '@/components/classroom/exercise-form';

export const metadata: Metadata = { title: 'New exercise' };

export default async function NewExercisePage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  const user = await requireRole('INSTRUCTOR', `/instructor/courses/${courseId}/exercises/new`);
  const course = await getCourse(user, courseId);
  if (!course?.isOwner) notFound();
  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/instructor" className="hover:underline">Instructor</Link> <span aria-hidden="true">/</span>{' '}
        <Link href={`/instructor/courses/${course.id}`} className="hover:underline">{course.title}</Link> <span aria-hidden="true">/</span> New exercise
      </nav>
      <h1 className="text-2xl font-bold">New exercise</h1>
      <ExerciseForm
        values={{
          courseId: course.id,
          title: '',
          prompt: '',
          baseConfig: DEFAULT_CONFIG,
          editableFields: ['scheme', 'gain'],
          hiddenFields: [],
          criteria: [{ kind: 'signal-state', state: 'stable' }],
          referenceConfig: null,
          solutionNotes: '',
          opensAt: null,
          dueAt: null,
          cutoffAt: null,
          latePenaltyPercent: 0,
          maxAttempts: null,
          published: false,
        }}
      />
    </div>
  );
}
