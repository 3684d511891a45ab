'use client';
/**
 * Calls a classroom server action from a form and keeps its outcome for the page: a pending flag
 * (the submit button is disabled meanwhile, so a double-click sends once), the form-level message
 * and per-field messages, announced through aria-live regions by the components that show them.
 */
import { useRouter } from 'next/navigation';
import { useState, useTransition, type FormEvent } from 'react';
import type { ActionResult } from '@/lib/actions/action';

export const OFFLINE = 'Could not reach the server. Check your connection and try again.';

export function useActionForm<R>(
  action: (input: FormData) => Promise<ActionResult<R>>,
  opts: { onSuccess?: (data: R, form: HTMLFormElement) => void; prepare?: (form: FormData) => void; refresh?: boolean } = {},
) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState('');
  const [ok, setOk] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (pending) return;
    const formEl = e.currentTarget;
    const data = new FormData(formEl);
    // The button that submitted (e.g. "Publish" vs "Save draft") carries its own name/value.
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (submitter?.name) data.set(submitter.name, submitter.value);
    opts.prepare?.(data);
    startTransition(async () => {
      try {
        const res = await action(data);
        if (res.ok) {
          setErrors({});
          setMessage('');
          setOk(true);
          opts.onSuccess?.(res.data, formEl);
          if (opts.refresh !== false) router.refresh();
        } else {
          setOk(false);
          setErrors(res.fieldErrors ?? {});
          setMessage(res.message);
        }
      } catch {
        setOk(false);
        setMessage(OFFLINE);
      }
    });
  }

  return { pending, message, errors, ok, setMessage, onSubmit };
}
