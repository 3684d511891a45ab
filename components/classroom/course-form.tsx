'use client';
/** Create or edit a course: "Course title", "Description", then "Create course" (or "Save course"). */
import { useRouter } from 'next/navigation';
import { createCourseAction, updateCourseAction } from '@/lib/actions/classroom';
import { FormField } from '@/components/ui/form-field';
import { Field, inputClass } from '@/components/ui/field';
import { Button } from '@/components/ui/button';
import { FormMessage } from './form-message';
import { useActionForm } from './use-action-form';

export function CourseForm({ course }: { course?: { id: string; title: string; description: string } }) {
  const router = useRouter();
  const create = useActionForm(createCourseAction, {
    refresh: false,
    onSuccess: (data) => router.push(`/instructor/courses/${data.id}`),
  });
  const update = useActionForm(updateCourseAction);
  const f = course ? update : create;
  return (
    <form onSubmit={f.onSubmit} className="max-w-xl space-y-4" noValidate>
      {course ? <input type="hidden" name="courseId" value={course.id} /> : null}
      <FormField label="Course title" name="title" defaultValue={course?.title} error={f.errors.title} required maxLength={200} />
      <Field label="Description" error={f.errors.description} hint="Optional. Students see it on their course page.">
        {(ids) => (
          <textarea
            id={ids.controlId}
            name="description"
            rows={3}
            defaultValue={course?.description}
            aria-describedby={ids.describedBy}
            className={`${inputClass} w-full py-2`}
          />
        )}
      </Field>
      <FormMessage message={f.ok && course ? 'Saved.' : f.message} ok={f.ok} />
      <Button type="submit" variant="primary" disabled={f.pending}>
        {course ? (f.pending ? 'Saving…' : 'Save course') : f.pending ? 'Creating…' : 'Create course'}
      </Button>
    </form>
  );
}
