'use client';
/** The student's dashboard form: a "Join code" field and a "Join course" button. */
import { joinCourseAction } from '@/lib/actions/classroom';
import { FormField } from '@/components/ui/form-field';
import { Button } from '@/components/ui/button';
import { FormMessage } from './form-message';
import { useActionForm } from './use-action-form';
import { useState } from 'react';

export function JoinCourseForm() {
  const [done, setDone] = useState('');
  const f = useActionForm(joinCourseAction, {
    onSuccess: (data, form) => {
      setDone(data.alreadyEnrolled ? `You are already in “${data.title}”.` : `You joined “${data.title}”.`);
      form.reset();
    },
  });
  return (
    <form onSubmit={f.onSubmit} className="flex max-w-xl flex-col gap-2" noValidate>
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-56 flex-1">
          <FormField label="Join code" name="joinCode" autoComplete="off" placeholder="ABCD-EF23" error={f.errors.joinCode} />
        </div>
        <Button type="submit" variant="primary" disabled={f.pending} className="mb-6">
          {f.pending ? 'Joining…' : 'Join course'}
        </Button>
      </div>
      <FormMessage message={f.ok ? done : f.errors.joinCode ? '' : f.message} ok={f.ok} />
    </form>
  );
}
