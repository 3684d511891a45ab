'use client';
/**
 * Disclosure: a styled native <details>/<summary>. Native because it is keyboard-operable,
 * announced as expandable by screen readers and works before hydration, with no state to sync.
 * `lazy` leaves the content out of the page until the first opening: a big table that nobody
 * opened costs nothing when its data changes.
 */
import { useState, type ReactNode } from 'react';

export interface DisclosureProps {
  summary: ReactNode;
  children: ReactNode;
  defaultOpen?: boolean;
  className?: string;
  /** Forwarded to <details>, e.g. for tests or anchors. */
  id?: string;
  /** Render the content only once the disclosure has been opened. */
  lazy?: boolean;
}

export function Disclosure({ summary, children, defaultOpen, className = '', id, lazy = false }: DisclosureProps) {
  const [opened, setOpened] = useState(!!defaultOpen);
  return (
    <details
      id={id}
      open={defaultOpen}
      onToggle={lazy && !opened ? (e) => setOpened(e.currentTarget.open) : undefined}
      className={`group rounded-lg border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900 ${className}`}
    >
      <summary className="flex cursor-pointer list-none items-center justify-between gap-2 rounded-lg px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 dark:text-slate-100 dark:hover:bg-slate-800 [&::-webkit-details-marker]:hidden">
        <span>{summary}</span>
        <span aria-hidden className="text-slate-500 transition-transform group-open:rotate-90 dark:text-slate-400">
          ▸
        </span>
      </summary>
      <div className="border-t border-slate-200 px-3 py-3 dark:border-slate-700">{!lazy || opened ? children : null}</div>
    </details>
  );
}
