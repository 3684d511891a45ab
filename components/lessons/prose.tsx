/**
 * The lessons' typography, kept in one small set of components because the project has no
 * typography plugin: paragraph rhythm, sub-headings, lists, callouts and inline code all look the
 * same on every lesson, in light and dark mode.
 */
import type { ReactNode } from 'react';

export function P({ children }: { children: ReactNode }) {
  return <p className="my-4 leading-7 text-slate-800 dark:text-slate-200">{children}</p>;
}

export function H3({ children, id }: { children: ReactNode; id?: string }) {
  return (
    <h3 id={id} className="mt-8 mb-2 scroll-mt-20 text-lg font-semibold tracking-tight text-slate-900 dark:text-slate-100">
      {children}
    </h3>
  );
}

export function Ul({ children }: { children: ReactNode }) {
  return <ul className="my-4 list-disc space-y-2 pl-6 leading-7 text-slate-800 marker:text-slate-400 dark:text-slate-200">{children}</ul>;
}

export function Ol({ children }: { children: ReactNode }) {
  return <ol className="my-4 list-decimal space-y-2 pl-6 leading-7 text-slate-800 marker:text-slate-500 dark:text-slate-200">{children}</ol>;
}

export function Li({ children }: { children: ReactNode }) {
  return <li className="pl-1">{children}</li>;
}

export function Code({ children }: { children: ReactNode }) {
  return (
    <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[0.9em] text-slate-900 dark:bg-slate-800 dark:text-slate-100">
      {children}
    </code>
  );
}

/** A multi-line code listing (plain text, no highlighter: the listings are short). */
export function Pre({ children, label }: { children: string; label: string }) {
  return (
    <pre
      aria-label={label}
      tabIndex={0}
      className="relative my-5 overflow-x-auto rounded-lg border border-slate-200 bg-slate-50 p-4 font-mono text-sm leading-6 text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <code>{children}</code>
    </pre>
  );
}

const CALLOUT_STYLES = {
  note: 'border-blue-600 bg-blue-50 dark:border-blue-400 dark:bg-blue-950/40',
  warning: 'border-amber-600 bg-amber-50 dark:border-amber-400 dark:bg-amber-950/40',
  key: 'border-emerald-600 bg-emerald-50 dark:border-emerald-400 dark:bg-emerald-950/40',
} as const;

/** A highlighted aside. `title` is read first, so it should carry the point. */
export function Callout({ kind = 'note', title, children }: { kind?: keyof typeof CALLOUT_STYLES; title: string; children: ReactNode }) {
  return (
    <aside className={`my-6 rounded-r-lg border-l-4 px-4 py-3 ${CALLOUT_STYLES[kind]}`}>
      <p className="font-semibold text-slate-900 dark:text-slate-100">{title}</p>
      <div className="mt-1 leading-7 text-slate-800 dark:text-slate-200 [&>p]:my-2">{children}</div>
    </aside>
  );
}

/** A question-and-answer pair (FAQ, misconceptions): a real heading so it lands in the outline. */
export function Qa({ q, id, children }: { q: string; id: string; children: ReactNode }) {
  return (
    <div className="my-6 border-t border-slate-200 pt-4 dark:border-slate-800">
      <h3 id={id} className="scroll-mt-20 text-lg font-semibold tracking-tight text-slate-900 dark:text-slate-100">
        {q}
      </h3>
      <div className="[&>p:first-child]:mt-2">{children}</div>
    </div>
  );
}

/** A figure with a caption; the caption explains what to look at. */
export function Figure({ caption, children }: { caption: ReactNode; children: ReactNode }) {
  return (
    <figure className="my-6">
      {children}
      <figcaption className="mt-2 text-sm leading-6 text-slate-600 dark:text-slate-400">{caption}</figcaption>
    </figure>
  );
}
