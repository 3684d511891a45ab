/**
 * Disclosure: a styled native <details>/<summary>. Native because it is keyboard-operable,
 * announced as expandable by screen readers and works before hydration, with no state to sync.
 */
import type { ReactNode } from 'react';

export interface DisclosureProps {
  summary: ReactNode;
  children: ReactNode;
  defaultOpen?: boolean;
  className?: string;
  /** Forwarded to <details>, e.g. for tests or anchors. */
  id?: string;
}

export function Disclosure({ summary, children, defaultOpen, className = '', id }: DisclosureProps) {
  return (
    <details
      id={id}
      open={defaultOpen}
      className={`group rounded-lg border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900 ${className}`}
    >
      <summary className="flex cursor-pointer list-none items-center justify-between gap-2 rounded-lg px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 dark:text-slate-100 dark:hover:bg-slate-800 [&::-webkit-details-marker]:hidden">
        <span>{summary}</span>
        <span aria-hidden className="text-slate-500 transition-transform group-open:rotate-90 dark:text-slate-400">
          ▸
        </span>
      </summary>
      <div className="border-t border-slate-200 px-3 py-3 dark:border-slate-700">{children}</div>
    </details>
  );
}
