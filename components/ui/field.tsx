/**
 * Form field primitives: a visible <label>, an optional hint and an error message wired to the
 * control through aria-describedby / aria-invalid, with the error in an aria-live region so it
 * is announced as soon as it appears. `Field` is the layout; `SelectField` and `NumberField` are
 * the common controls built on it. Callers own the value (controlled inputs).
 */
'use client';
import { useId, type ReactNode, type SelectHTMLAttributes, type InputHTMLAttributes } from 'react';

/** Look of text inputs and selects (no width: callers add w-full or a fixed width). */
export const inputClass =
  'rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-900 shadow-sm ' +
  'aria-[invalid=true]:border-red-600 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-600 ' +
  'disabled:bg-slate-100 disabled:text-slate-500 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 ' +
  'dark:disabled:bg-slate-800 dark:disabled:text-slate-400 dark:aria-[invalid=true]:border-red-400 dark:aria-[invalid=true]:ring-red-400';

export interface FieldIds {
  controlId: string;
  hintId: string;
  errorId: string;
  /** Value for the control's aria-describedby: the hint and, when present, the error. */
  describedBy: string;
}

export interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  /** Renders the control; receives the ids to put on it. */
  children: (ids: FieldIds) => ReactNode;
  className?: string;
  /** Extra content on the label row (e.g. a unit or a button). */
  aside?: ReactNode;
}

export function Field({ label, hint, error, children, className = '', aside }: FieldProps) {
  const base = useId();
  const ids: FieldIds = {
    controlId: `${base}-control`,
    hintId: `${base}-hint`,
    errorId: `${base}-error`,
    describedBy: [hint ? `${base}-hint` : '', `${base}-error`].filter(Boolean).join(' '),
  };
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor={ids.controlId} className="text-sm font-medium text-slate-800 dark:text-slate-100">
          {label}
        </label>
        {aside}
      </div>
      {children(ids)}
      {hint ? (
        <p id={ids.hintId} className="text-xs text-slate-600 dark:text-slate-400">
          {hint}
        </p>
      ) : null}
      {/* Always rendered so the live region exists before the first error appears. */}
      <p id={ids.errorId} aria-live="polite" className="text-xs font-medium text-red-700 empty:hidden dark:text-red-400">
        {error ?? ''}
      </p>
    </div>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}
export interface SelectGroup {
  label: string;
  options: SelectOption[];
}

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value'> {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  value: string;
  onValueChange: (value: string) => void;
  /** Flat options, or groups rendered as <optgroup>. */
  options: (SelectOption | SelectGroup)[];
  fieldClassName?: string;
}

export function SelectField({ label, hint, error, value, onValueChange, options, fieldClassName, ...rest }: SelectFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} className={fieldClassName}>
      {(ids) => (
        <select
          id={ids.controlId}
          aria-describedby={ids.describedBy}
          aria-invalid={error ? true : undefined}
          value={value}
          onChange={(e) => onValueChange(e.target.value)}
          className={`${inputClass} w-full`}
          {...rest}
        >
          {options.map((o) =>
            'options' in o ? (
              <optgroup key={o.label} label={o.label}>
                {o.options.map((x) => (
                  <option key={x.value} value={x.value}>
                    {x.label}
                  </option>
                ))}
              </optgroup>
            ) : (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ),
          )}
        </select>
      )}
    </Field>
  );
}

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  value: string;
  onValueChange: (value: string) => void;
  fieldClassName?: string;
  aside?: ReactNode;
}

/** A text or number <input> with label, hint and error. Keeps the raw string so typing "0." works. */
export function TextField({ label, hint, error, value, onValueChange, fieldClassName, aside, ...rest }: TextFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} className={fieldClassName} aside={aside}>
      {(ids) => (
        <input
          id={ids.controlId}
          aria-describedby={ids.describedBy}
          aria-invalid={error ? true : undefined}
          value={value}
          onChange={(e) => onValueChange(e.target.value)}
          className={`${inputClass} w-full`}
          {...rest}
        />
      )}
    </Field>
  );
}
