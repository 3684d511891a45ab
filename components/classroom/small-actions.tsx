'use client';
/** One-click classroom actions: archive a course, start an exercise from a template, delete one. */
import { archiveCourseAction, createFromTemplateAction, deleteAssignmentAction } from '@/lib/actions/classroom';
import { ActionButton } from '@/components/ui/action-button';

export function ArchiveCourseButton({ courseId, archived }: { courseId: string; archived: boolean }) {
  return (
    <ActionButton
      variant={archived ? 'secondary' : 'danger'}
      confirm={archived ? undefined : 'Archive this course? Students no longer see it and its join code stops working. You can restore it later.'}
      action={() => archiveCourseAction({ courseId, archived: !archived })}
      onSuccess={(_, router) => {
        router.refresh();
        return archived ? 'Course restored.' : 'Course archived.';
      }}
    >
      {archived ? 'Restore course' : 'Archive course'}
    </ActionButton>
  );
}

export function FromTemplateButton({ courseId, templateId, title }: { courseId: string; templateId: string; title: string }) {
  return (
    <ActionButton
      variant="primary"
      label={`Use this template: ${title}`}
      pendingLabel="Creating…"
      action={() => createFromTemplateAction({ courseId, templateId })}
      onSuccess={(data, router) => router.push(`/instructor/exercises/${data.id}/edit`)}
    >
      Use this template
    </ActionButton>
  );
}

export function DeleteExerciseButton({ assignmentId, courseId, title }: { assignmentId: string; courseId: string; title: string }) {
  return (
    <ActionButton
      variant="danger"
      confirm={`Delete “${title}” and every submission to it? This cannot be undone.`}
      action={() => deleteAssignmentAction({ assignmentId })}
      onSuccess={(_, router) => router.push(`/instructor/courses/${courseId}`)}
    >
      Delete exercise
    </ActionButton>
  );
}
