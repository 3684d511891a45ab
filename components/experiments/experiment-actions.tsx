'use client';
/**
 * The owner's controls on an experiment's page: edit title, notes and tags; fork; delete with
 * undo; and re-run with the current engine when the stored run is from an older one.
 */
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition, type FormEvent } from 'react';
import {
  deleteExperimentAction,
  forkExperimentAction,
  rerunExperimentAction,
  restoreExperimentAction,
  updateExperimentAction,
} from '@/lib/actions/experiments';
import { NOTES_MAX, TITLE_MAX } from '@/lib/validation/experiment';
import { ActionButton } from '@/components/ui/action-button';
import { Button, buttonClass } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';

export function ExperimentToolbar({ id, simulatorHref }: { id: string; simulatorHref: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [deleted, setDeleted] = useState(false);
  const [message, setMessage] = useState('');

  const fork = () =>
    start(async () => {
      const res = await forkExperimentAction({ id });
      if (res.ok) router.push(`/experiments/${res.data.id}`);
      else setMessage(res.message);
    });
  const remove = () =>
    start(async () => {
      const res = await deleteExperimentAction({ id });
      if (res.ok) {
        setDeleted(true);
        setMessage('Experiment deleted.');
      } else setMessage(res.message);
    });
  const undo = () =>
    start(async () => {
      const res = await restoreExperimentAction({ id });
      if (res.ok) {
        setDeleted(false);
        setMessage('Restored.');
        router.refresh();
      } else setMessage(res.message);
    });

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <Link href={simulatorHref} className={buttonClass('secondary')}>
          Open in the simulator
        </Link>
        <Button onClick={fork} disabled={pending || deleted}>
          Fork
        </Button>
        {deleted ? (
          <Button onClick={undo} disabled={pending}>
            Undo delete
          </Button>
        ) : (
          <Button variant="danger" onClick={remove} disabled={pending}>
            Delete
          </Button>
        )}
      </div>
      <p role="status" aria-live="polite" className="text-sm empty:hidden">
        {message}
        {deleted ? (
          <>
            {' '}
            <Link href="/experiments" className="text-blue-700 underline dark:text-blue-300">
              Back to my experiments
            </Link>
          </>
        ) : null}
      </p>
    </div>
  );
}

export function RerunButton({ id }: { id: string }) {
  return (
    <ActionButton
      variant="primary"
      size="sm"
      pendingLabel="Re-running…"
      action={() => rerunExperimentAction({ id })}
      onSuccess={(data, router) => router.push(`/experiments/${data.id}`)}
    >
      Re-run with the current engine
    </ActionButton>
  );
}

export function EditExperimentForm({ id, title, notes, tags }: { id: string; title: string; notes: string; tags: string[] }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [values, setValues] = useState({ title, notes, tags: tags.join(', ') });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    start(async () => {
      const res = await updateExperimentAction({ id, ...values });
      if (res.ok) {
        setErrors({});
        setMessage('Changes saved.');
        router.refresh();
      } else {
        setErrors(res.fieldErrors ?? {});
        setMessage(res.message);
      }
    });
  };
  const set = (k: keyof typeof values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: e.target.value }));

  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      <Field label="Title" error={errors.title}>
        {(ids) => (
          <input id={ids.controlId} value={values.title} onChange={set('title')} maxLength={TITLE_MAX} aria-describedby={ids.describedBy} aria-invalid={errors.title ? true : undefined} className={`${inputClass} w-full`} />
        )}
      </Field>
      <Field label="Notes" hint="Markdown." error={errors.notes}>
        {(ids) => (
          <textarea id={ids.controlId} value={values.notes} onChange={set('notes')} maxLength={NOTES_MAX} rows={6} aria-describedby={ids.describedBy} aria-invalid={errors.notes ? true : undefined} className={`${inputClass} w-full font-mono`} />
        )}
      </Field>
      <Field label="Tags" hint="Separated by commas." error={errors.tags}>
        {(ids) => (
          <input id={ids.controlId} value={values.tags} onChange={set('tags')} aria-describedby={ids.describedBy} aria-invalid={errors.tags ? true : undefined} className={`${inputClass} w-full`} />
        )}
      </Field>
      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={pending}>
          Save changes
        </Button>
        <span role="status" aria-live="polite" className="text-sm">
          {message}
        </span>
      </div>
    </form>
  );
}
