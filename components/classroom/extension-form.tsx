'use client';
/** Grant one student their own due date and cut-off for an exercise; list and revoke them. */
import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { grantExtensionAction, revokeExtensionAction } from '@/lib/actions/classroom';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { DateInput } from './date-input';
import { DateTime } from './date-time';
import { FormMessage } from './form-message';
import { localDatesToIso } from './local-date';
import { useActionForm } from './use-action-form';

export interface ExtensionPanelProps {
  assignmentId: string;
  roster: { id: string; name: string; email: string }[];
  extensions: { studentId: string; studentName: string; dueAt: string; cutoffAt: string | null }[];
}

export function ExtensionPanel({ assignmentId, roster, extensions }: ExtensionPanelProps) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [status, setStatus] = useState('');
  const f = useActionForm(grantExtensionAction, {
    prepare: (form) => localDatesToIso(form, ['dueAt', 'cutoffAt']),
    onSuccess: () => setStatus(''),
  });
  return (
    <div className="space-y-3">
      {extensions.length ? (
        <ul className="space-y-1 text-sm">
          {extensions.map((e) => (
            <li key={e.studentId} className="flex flex-wrap items-center gap-2">
              <span>
                {e.studentName}: due <DateTime iso={e.dueAt} />
                {e.cutoffAt ? (
                  <>
                    , cut-off <DateTime iso={e.cutoffAt} />
                  </>
                ) : null}
              </span>
              <Button
                size="sm"
                variant="ghost"
                disabled={pending}
                onClick={() =>
                  start(async () => {
                    const res = await revokeExtensionAction({ assignmentId, studentId: e.studentId });
                    setStatus(res.ok ? `Extension for ${e.studentName} revoked.` : res.message);
                    if (res.ok) router.refresh();
                  })
                }
              >
                Revoke<span className="sr-only"> the extension of {e.studentName}</span>
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">No extensions granted.</p>
      )}
      <p role="status" className="min-h-5 text-sm">{status}</p>
      <form onSubmit={f.onSubmit} className="grid gap-3 sm:grid-cols-3" noValidate aria-label="Grant an extension">
        <input type="hidden" name="assignmentId" value={assignmentId} />
        <Field label="Student" error={f.errors.studentId}>
          {(ids) => (
            <select id={ids.controlId} name="studentId" aria-describedby={ids.describedBy} className={`${inputClass} w-full`} defaultValue="">
              <option value="" disabled>
                Choose a student
              </option>
              {roster.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} ({s.email})
                </option>
              ))}
            </select>
          )}
        </Field>
        <DateInput label="New due date" name="dueAt" error={f.errors.dueAt} />
        <DateInput label="New cut-off" name="cutoffAt" error={f.errors.cutoffAt} hint="Optional." />
        <div className="sm:col-span-3">
          <FormMessage message={f.ok ? 'Extension granted.' : f.message} ok={f.ok} />
          <Button type="submit" disabled={f.pending}>
            {f.pending ? 'Granting…' : 'Grant extension'}
          </Button>
        </div>
      </form>
    </div>
  );
}
