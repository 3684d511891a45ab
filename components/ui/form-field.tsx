'use client';
/**
 * An uncontrolled, named <input> for forms read with FormData (sign-in, sign-up), built on the
 * shared Field layout so labels, hints and announced errors look and behave like everywhere else.
 */
import type { InputHTMLAttributes } from 'react';
import { Field, inputClass } from './field';

type Props = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  name: string;
  error?: string;
  hint?: string;
};

export function FormField({ label, name, error, hint, ...input }: Props) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(ids) => (
        <input
          id={ids.controlId}
          name={name}
          aria-describedby={ids.describedBy}
          aria-invalid={error ? true : undefined}
          className={`${inputClass} w-full py-2 text-base`}
          {...input}
        />
      )}
    </Field>
  );
}
