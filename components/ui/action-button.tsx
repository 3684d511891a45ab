'use client';
/**
 * A button that calls one server action: optionally asks first (window.confirm), shows its
 * pending label and stays disabled while the call runs, then either hands the result to
 * `onSuccess` (which may navigate, and may return a message to show) or shows the action's
 * message, announced to screen readers (an error as an alert).
 */
import { useState, useTransition, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import type { ActionResult } from '@/lib/actions/action';
import { Button, type ButtonSize, type ButtonVariant } from './button';

type Router = ReturnType<typeof useRouter>;

export function ActionButton<T>({
  children,
  pendingLabel,
  variant = 'secondary',
  size,
  label,
  confirm,
  action,
  onSuccess,
}: {
  children: ReactNode;
  pendingLabel?: string;
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** The accessible name, when the visible text alone is ambiguous on the page. */
  label?: string;
  /** A question to confirm first; the action runs only on OK. */
  confirm?: string;
  action: () => Promise<ActionResult<T>>;
  onSuccess: (data: T, router: Router) => string | void;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button
        variant={variant}
        size={size}
        disabled={pending}
        aria-label={label}
        onClick={() => {
          if (confirm && !window.confirm(confirm)) return;
          start(async () => {
            const res = await action();
            if (res.ok) setMessage({ text: onSuccess(res.data, router) ?? '', error: false });
            else setMessage({ text: res.message, error: true });
          });
        }}
      >
        {pending && pendingLabel ? pendingLabel : children}
      </Button>
      <span role="status" aria-live="polite" className="text-sm empty:hidden">
        {message && !message.error ? message.text : ''}
      </span>
      <span role="alert" className="text-sm text-red-700 empty:hidden dark:text-red-400">
        {message?.error ? message.text : ''}
      </span>
    </div>
  );
}
