'use client';
/**
 * The exercise editor: title, Markdown prompt, base config, which fields the student may change
 * (the rest locked, optionally hidden), pass criteria, dates, late penalty, attempt limit, and the
 * reference solution with commentary. "Save draft" keeps it from students; "Publish" opens it.
 * Configs and criteria are JSON checked by the same zod schemas the server uses.
 */
import { useEffect, useState } from 'react';
import { useRouter } from 'next/navigation';
import { saveAssignmentAction } from '@/lib/actions/classroom';
import { CONFIG_FIELDS, type ConfigField } from '@/lib/validation/assignment';
import { FormField } from '@/components/ui/form-field';
import { Field, inputClass } from '@/components/ui/field';
import { Button } from '@/components/ui/button';
import { DateInput } from './date-input';
import { FormMessage } from './form-message';
import { localDatesToIso } from './local-date';
import { useActionForm } from './use-action-form';

export interface ExerciseFormValues {
  assignmentId?: string;
  courseId: string;
  title: string;
  prompt: string;
  baseConfig: unknown;
  editableFields: ConfigField[];
  hiddenFields: ConfigField[];
  criteria: unknown;
  referenceConfig: unknown | null;
  solutionNotes: string;
  opensAt: string | null;
  dueAt: string | null;
  cutoffAt: string | null;
  latePenaltyPercent: number;
  maxAttempts: number | null;
  published: boolean;
}

const json = (v: unknown) => JSON.stringify(v, null, 2);

function JsonArea({ label, name, value, error, hint, rows = 8 }: { label: string; name: string; value: string; error?: string; hint?: React.ReactNode; rows?: number }) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(ids) => (
        <textarea
          id={ids.controlId}
          name={name}
          rows={rows}
          defaultValue={value}
          spellCheck={false}
          aria-describedby={ids.describedBy}
          aria-invalid={error ? true : undefined}
          className={`${inputClass} w-full font-mono text-xs`}
        />
      )}
    </Field>
  );
}

export function ExerciseForm({ values }: { values: ExerciseFormValues }) {
  const router = useRouter();
  const f = useActionForm(saveAssignmentAction, {
    prepare: (form) => localDatesToIso(form, ['opensAt', 'dueAt', 'cutoffAt']),
    onSuccess: (data) => {
      if (!values.assignmentId) router.push(`/instructor/exercises/${data.id}/edit`);
    },
  });
  const e = f.errors;
  // The form submits through JavaScript; until it has hydrated, its buttons stay disabled so a
  // quick click cannot fall back to a native GET that would put the fields in the URL.
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  const busy = f.pending || !ready;
  return (
    <form onSubmit={f.onSubmit} className="max-w-3xl space-y-5" noValidate aria-label="Exercise">
      <input type="hidden" name="courseId" value={values.courseId} />
      {values.assignmentId ? <input type="hidden" name="assignmentId" value={values.assignmentId} /> : null}
      <FormField label="Title" name="title" defaultValue={values.title} error={e.title} maxLength={200} />
      <Field label="Prompt" error={e.prompt} hint="Markdown: headings, lists, emphasis, links and code. Raw HTML is not rendered.">
        {(ids) => (
          <textarea id={ids.controlId} name="prompt" rows={6} defaultValue={values.prompt} aria-describedby={ids.describedBy} aria-invalid={e.prompt ? true : undefined} className={`${inputClass} w-full`} />
        )}
      </Field>
      <JsonArea
        label="Base config (JSON)"
        name="baseConfig"
        value={json(values.baseConfig)}
        error={e.baseConfig}
        hint="The network the student starts from, in the simulator's config format (the same keys as its URL)."
      />
      <fieldset className="rounded-lg border border-slate-200 p-3 dark:border-slate-700">
        <legend className="px-1 text-sm font-medium">Student may change</legend>
        <p className="text-xs text-slate-600 dark:text-slate-400">Every other field is locked to the base config, in the page and on the server.</p>
        <div className="mt-2 grid grid-cols-2 gap-1 sm:grid-cols-3">
          {CONFIG_FIELDS.map((field) => (
            <label key={field} className="inline-flex items-center gap-1.5 text-sm">
              <input type="checkbox" name="editableFields" value={field} defaultChecked={values.editableFields.includes(field)} className="accent-blue-700" />
              <span className="font-mono">{field}</span>
            </label>
          ))}
        </div>
        <p aria-live="polite" className="text-xs font-medium text-red-700 empty:hidden dark:text-red-400">{e.editableFields ?? ''}</p>
      </fieldset>
      <fieldset className="rounded-lg border border-slate-200 p-3 dark:border-slate-700">
        <legend className="px-1 text-sm font-medium">Hidden from the student</legend>
        <p className="text-xs text-slate-600 dark:text-slate-400">Locked fields whose controls are not shown at all.</p>
        <div className="mt-2 grid grid-cols-2 gap-1 sm:grid-cols-3">
          {CONFIG_FIELDS.map((field) => (
            <label key={field} className="inline-flex items-center gap-1.5 text-sm">
              <input type="checkbox" name="hiddenFields" value={field} defaultChecked={values.hiddenFields.includes(field)} className="accent-blue-700" />
              <span className="font-mono">{field}</span>
            </label>
          ))}
        </div>
        <p aria-live="polite" className="text-xs font-medium text-red-700 empty:hidden dark:text-red-400">{e.hiddenFields ?? ''}</p>
      </fieldset>
      <JsonArea
        label="Pass criteria (JSON)"
        name="criteria"
        value={json(values.criteria)}
        error={e.criteria}
        rows={6}
        hint={
          <>
            A list. Kinds: <code>{'{"kind":"ratio-range","min":0.5,"max":2}'}</code>, <code>{'{"kind":"signal-state","state":"stable"}'}</code>,{' '}
            <code>{'{"kind":"max-drift","factor":4}'}</code>, <code>{'{"kind":"prediction","quantity":"finalStd","relTolerance":0.1}'}</code>,{' '}
            <code>{'{"kind":"scheme-activation","schemes":["he-normal"],"activation":"relu"}'}</code>,{' '}
            <code>{'{"kind":"train-loss-below","steps":200,"below":0.6,"dataset":"spirals","optimizer":"sgd","learningRate":0.02}'}</code> (trains the
            student&apos;s network; keep it small).
          </>
        }
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <DateInput label="Opens" name="opensAt" value={values.opensAt} error={e.opensAt} hint="Empty: open at once." />
        <DateInput label="Due" name="dueAt" value={values.dueAt} error={e.dueAt} hint="Later submissions are marked late." />
        <DateInput label="Cut-off" name="cutoffAt" value={values.cutoffAt} error={e.cutoffAt} hint="No submissions after this." />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="Late penalty (%)" name="latePenaltyPercent" type="number" min={0} max={100} step={1} defaultValue={values.latePenaltyPercent} error={e.latePenaltyPercent} hint="Share of the score removed from a late submission." />
        <FormField label="Attempt limit" name="maxAttempts" type="number" min={1} max={100} step={1} defaultValue={values.maxAttempts ?? ''} error={e.maxAttempts} hint="Empty: unlimited." />
      </div>
      <JsonArea
        label="Reference solution (JSON)"
        name="referenceConfig"
        value={values.referenceConfig ? json(values.referenceConfig) : ''}
        error={e.referenceConfig}
        rows={6}
        hint="Optional. A config that passes; students see it, with the notes below, only after the due date."
      />
      <Field label="Solution notes" error={e.solutionNotes} hint="Markdown. Why the reference solution works.">
        {(ids) => (
          <textarea id={ids.controlId} name="solutionNotes" rows={3} defaultValue={values.solutionNotes} aria-describedby={ids.describedBy} className={`${inputClass} w-full`} />
        )}
      </Field>
      <FormMessage message={f.ok ? 'Saved.' : f.message} ok={f.ok} />
      <div className="flex flex-wrap gap-2">
        {values.published ? (
          <>
            <Button type="submit" name="intent" value="save" variant="primary" disabled={busy}>
              Save
            </Button>
            <Button type="submit" name="intent" value="unpublish" disabled={busy}>
              Unpublish
            </Button>
          </>
        ) : (
          <>
            <Button type="submit" name="intent" value="save" disabled={busy}>
              Save draft
            </Button>
            <Button type="submit" name="intent" value="publish" variant="primary" disabled={busy}>
              Publish
            </Button>
          </>
        )}
        {f.pending ? <span className="self-center text-sm">Saving…</span> : null}
      </div>
      <p className="text-sm text-slate-600 dark:text-slate-400">Status: {values.published ? 'published (students can open it)' : 'draft (students cannot see it)'}</p>
    </form>
  );
}
