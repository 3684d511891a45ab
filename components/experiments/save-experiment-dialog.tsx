'use client';
/**
 * "Save experiment": a modal form (native <dialog>, so focus stays inside and Escape closes it)
 * with a title, Markdown notes and tags. Only the config goes to the server, which computes or
 * reuses the run itself; no number from this page is sent. A signed-out visitor's form is kept in
 * sessionStorage while they sign in, and the simulator finishes the save when they come back
 * (resumePendingSave).
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { saveExperimentAction } from '@/lib/actions/experiments';
import type { SimConfig } from '@/lib/validation/sim-config';
import { configToSearchParams } from '@/lib/validation/sim-config-url';
import { NOTES_MAX, TITLE_MAX } from '@/lib/validation/experiment';
import { SCHEME_INFO, ACTIVATION_INFO } from '@/lib/sim';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';

const PENDING_KEY = 'initlab:pending-save';
export const RESUME_PARAM = 'resume';

export interface SavedExperiment {
  id: string;
  title: string;
}

interface PendingSave {
  config: SimConfig;
  title: string;
  notes: string;
  tags: string;
}

/** A starting title that says what the run is ("He normal · ReLU · 12 × 256"). */
export function suggestTitle(config: SimConfig): string {
  const scheme = SCHEME_INFO[config.scheme]?.label ?? config.scheme;
  const act = ACTIVATION_INFO[config.activation]?.label ?? config.activation;
  return `${scheme} · ${act} · ${config.layers} × ${config.width}`;
}

function signInUrl(config: SimConfig): string {
  const params = configToSearchParams(config);
  params.set(RESUME_PARAM, 'save');
  const back = `/simulator?${params.toString()}`;
  return `/sign-in?callbackUrl=${encodeURIComponent(back)}`;
}

type SaveOutcome = { ok: true; saved: SavedExperiment } | { ok: false; message: string; fieldErrors?: Record<string, string>; signIn?: boolean };

async function save(p: PendingSave): Promise<SaveOutcome> {
  const res = await saveExperimentAction({ config: p.config, title: p.title, notes: p.notes, tags: p.tags });
  if (res.ok) return { ok: true, saved: res.data };
  return { ok: false, message: res.message, fieldErrors: res.fieldErrors, signIn: res.code === 'UNAUTHENTICATED' };
}

/**
 * After sign-in the simulator comes back with ?resume=save: if a form was kept for this very
 * config, save it now. Returns null when there was nothing to resume.
 */
export async function resumePendingSave(config: SimConfig): Promise<SaveOutcome | null> {
  let pending: PendingSave | null = null;
  try {
    const raw = sessionStorage.getItem(PENDING_KEY);
    pending = raw ? (JSON.parse(raw) as PendingSave) : null;
  } catch {
    pending = null;
  }
  if (!pending) return null;
  sessionStorage.removeItem(PENDING_KEY);
  // Only the run the visitor was looking at: a kept form for another config is dropped.
  if (configToSearchParams(pending.config).toString() !== configToSearchParams(config).toString()) return null;
  return save(pending);
}

export interface SaveExperimentDialogProps {
  /** The config to save; null keeps the dialog closed. */
  config: SimConfig | null;
  /** What is being saved, for the heading ("the current run", "pin 2"). */
  what: string;
  onClose: () => void;
  onSaved: (saved: SavedExperiment) => void;
}

export function SaveExperimentDialog({ config, what, onClose, onSaved }: SaveExperimentDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const [pending, setPending] = useState(false);
  const [title, setTitle] = useState('');
  const [notes, setNotes] = useState('');
  const [tags, setTags] = useState('');

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (config && !d.open) {
      setTitle(suggestTitle(config));
      setNotes('');
      setTags('');
      setErrors({});
      setMessage('');
      d.showModal();
    } else if (!config && d.open) {
      d.close();
    }
  }, [config]);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!config) return;
    setPending(true);
    setMessage('');
    const form: PendingSave = { config, title, notes, tags };
    try {
      const out = await save(form);
      if (out.ok) {
        onSaved(out.saved);
        return;
      }
      if (out.signIn) {
        sessionStorage.setItem(PENDING_KEY, JSON.stringify(form));
        setMessage('Taking you to sign in; this run is saved as soon as you are back.');
        window.location.assign(signInUrl(config));
        return;
      }
      setErrors(out.fieldErrors ?? {});
      setMessage(out.message);
    } catch {
      setMessage('Could not reach the server. Check your connection and try again.');
    } finally {
      setPending(false);
    }
  }

  return (
    <dialog
      ref={ref}
      aria-labelledby={headingId}
      onClose={onClose}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <form onSubmit={onSubmit} noValidate className="space-y-4 p-5">
        <div>
          <h2 id={headingId} className="text-lg font-semibold">
            Save {what} as an experiment
          </h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            The server runs these settings again (or reuses its stored run of them) and keeps the result with your title, notes and tags.
            Only you can see it unless you share it.
          </p>
        </div>
        <Field label="Title" error={errors.title}>
          {(ids) => (
            <input
              id={ids.controlId}
              name="title"
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              maxLength={TITLE_MAX}
              required
              aria-describedby={ids.describedBy}
              aria-invalid={errors.title ? true : undefined}
              className={`${inputClass} w-full`}
            />
          )}
        </Field>
        <Field label="Notes" hint="Markdown: **bold**, lists, links, `code`." error={errors.notes}>
          {(ids) => (
            <textarea
              id={ids.controlId}
              name="notes"
              value={notes}
              onChange={(e) => setNotes(e.target.value)}
              maxLength={NOTES_MAX}
              rows={5}
              aria-describedby={ids.describedBy}
              aria-invalid={errors.notes ? true : undefined}
              className={`${inputClass} w-full font-mono`}
            />
          )}
        </Field>
        <Field label="Tags" hint="Separated by commas, e.g. relu, deep, baseline." error={errors.tags}>
          {(ids) => (
            <input
              id={ids.controlId}
              name="tags"
              value={tags}
              onChange={(e) => setTags(e.target.value)}
              aria-describedby={ids.describedBy}
              aria-invalid={errors.tags ? true : undefined}
              className={`${inputClass} w-full`}
            />
          )}
        </Field>
        <p aria-live="polite" role="status" className="text-sm text-red-700 empty:hidden dark:text-red-400">
          {message}
        </p>
        <div className="flex justify-end gap-2">
          <Button onClick={() => ref.current?.close()}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={pending}>
            {pending ? 'Saving…' : 'Save'}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
