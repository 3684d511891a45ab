'use client';
/**
 * Error boundary of /train: a plain message and a way out, never a stack trace. The digest
 * lets someone reporting the problem point at the server log entry.
 */
import Link from 'next/link';
import { useEffect } from 'react';
import { Button, buttonClass } from '@/components/ui/button';

export default function TrainError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert" className="mx-auto max-w-xl space-y-4 py-10">
      <h1 className="text-2xl font-semibold">The training page hit a problem</h1>
      <p className="text-slate-700 dark:text-slate-300">
        Something went wrong while preparing this page. Trying again usually helps; if the link you opened has unusual settings, starting
        from the default settings will work.
      </p>
      {error.digest ? <p className="text-xs text-slate-600 dark:text-slate-400">Reference: {error.digest}</p> : null}
      <div className="flex flex-wrap gap-2">
        <Button variant="primary" onClick={reset}>
          Try again
        </Button>
        <Link href="/train" className={buttonClass('secondary')}>
          Open the default settings
        </Link>
      </div>
    </div>
  );
}
