'use client';
/** A labelled datetime-local input whose initial value (an ISO instant) is shown in local time. */
import { useEffect, useRef } from 'react';
import { Field, inputClass } from '@/components/ui/field';
import { toLocalInput } from './local-date';

export function DateInput({ label, name, value, error, hint }: { label: string; name: string; value?: string | null; error?: string; hint?: string }) {
  const ref = useRef<HTMLInputElement>(null);
  // Set after mount: the server does not know the browser's time zone.
  useEffect(() => {
    // Only a stored date is filled in, so nothing typed before this runs is wiped.
    if (ref.current && value) ref.current.value = toLocalInput(value);
  }, [value]);
  return (
    <Field label={label} error={error} hint={hint}>
      {(ids) => (
        <input
          ref={ref}
          id={ids.controlId}
          name={name}
          type="datetime-local"
          aria-describedby={ids.describedBy}
          aria-invalid={error ? true : undefined}
          className={`${inputClass} w-full`}
        />
      )}
    </Field>
  );
}
