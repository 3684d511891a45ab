'use client';
/** One-click classroom actions: archive a course, start an exercise from a template. */
import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { archiveCourseAction, createFromTemplateAction, deleteAssignmentAction } from '@/lib/actions/classroom';
import { Button } from '@/components/ui/button';

export function ArchiveCourseButton({ courseId, archived }: { courseId: string; archived: boolean }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState('');
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button
        variant={archived ? 'secondary' : 'danger'}
        disabled={pending}
        onClick={() => {
          if (!archived && !window.confirm('Archive this course? Students no longer see it and its join code stops working. You can restore it later.')) return;
          start(async () => {
            const res = await archiveCourseAction({ courseId, archived: !archived });
            setMessage(res.ok ? (archived ? 'Course restored.' : 'Course archived.') : res.message);
            if (res.ok) router.refresh();
          });
        }}
      >
        {archived ? 'Restore course' : 'Archive course'}
      </Button>
      <span role="status" className="text-sm">{message}</span>
    </div>
  );
}

export function FromTemplateButton({ courseId, templateId, title }: { courseId: string; templateId: string; title: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState('');
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button
        variant="primary"
        disabled={pending}
        aria-label={`Use this template: ${title}`}
        onClick={() =>
          start(async () => {
            const res = await createFromTemplateAction({ courseId, templateId });
            if (res.ok) router.push(`/instructor/exercises/${res.data.id}/edit`);
            else setMessage(res.message);
          })
        }
      >
        {pending ? 'Creating…' : 'Use this template'}
      </Button>
      <span role="alert" className="text-sm text-red-700 dark:text-red-400">{message}</span>
    </div>
  );
}

export function DeleteExerciseButton({ assignmentId, courseId, title }: { assignmentId: string; courseId: string; title: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState('');
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button
        variant="danger"
        disabled={pending}
        onClick={() => {
          if (!window.confirm(`Delete “${title}” and every submission to it? This cannot be undone.`)) return;
          start(async () => {
            const res = await deleteAssignmentAction({ assignmentId });
            if (res.ok) router.push(`/instructor/courses/${courseId}`);
            else setMessage(res.message);
          });
        }}
      >
        Delete exercise
      </Button>
      <span role="alert" className="text-sm text-red-700 dark:text-red-400">{message}</span>
    </div>
  );
}
