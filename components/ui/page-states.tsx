'use client';
/**
 * What a page shows while it loads and when it fails, shared by the simulator and the training
 * page: skeleton boxes shaped like the page (controls beside results), and an error boundary with
 * a plain message and a way out, never a stack trace. The digest lets someone reporting the
 * problem point at the server log entry.
 */
import Link from 'next/link';
import { useEffect } from 'react';
import { Button, buttonClass } from '@/components/ui/button';

export function PageError({ error, reset, title, what, home }: { error: Error & { digest?: string }; reset: () => void; title: string; what: string; home: string }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert" className="mx-auto max-w-xl space-y-4 py-10">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="text-slate-700 dark:text-slate-300">
        Something went wrong while preparing {what}. Trying again usually helps; if the link you opened has unusual settings, starting
        from the default settings will work.
      </p>
      {error.digest ? <p className="text-xs text-slate-600 dark:text-slate-400">Reference: {error.digest}</p> : null}
      <div className="flex flex-wrap gap-2">
        <Button variant="primary" onClick={reset}>
          Try again
        </Button>
        <Link href={home} className={buttonClass('secondary')}>
          Open the default settings
        </Link>
      </div>
    </div>
  );
}

export function PageLoading({ label }: { label: string }) {
  return (
    <div className="space-y-5" aria-busy="true">
      <p className="sr-only" role="status">
        {label}
      </p>
      <div className="h-9 w-80 max-w-full animate-pulse rounded bg-slate-200 dark:bg-slate-800" />
      <div className="h-5 w-[36rem] max-w-full animate-pulse rounded bg-slate-100 dark:bg-slate-800" />
      <div className="grid gap-6 lg:grid-cols-[20rem_minmax(0,1fr)]">
        <div className="h-96 animate-pulse rounded-xl bg-slate-100 dark:bg-slate-800" />
        <ResultsSkeleton chartClass="h-72" />
      </div>
    </div>
  );
}

/** Six number cards and a chart-sized box: where results will be (the page skeleton, the simulator before its first result). */
export function ResultsSkeleton({ chartClass }: { chartClass: string }) {
  return (
    <div className="space-y-3" aria-hidden>
      <div className="grid gap-3 sm:grid-cols-2">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="h-24 animate-pulse rounded-lg bg-slate-100 dark:bg-slate-800" />
        ))}
      </div>
      <div className={`animate-pulse rounded-xl bg-slate-100 dark:bg-slate-800 ${chartClass}`} />
    </div>
  );
}
