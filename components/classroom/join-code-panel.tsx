'use client';
/** The course's join code for the instructor: shown large, copyable, and regenerated on request. */
import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { regenerateJoinCodeAction } from '@/lib/actions/classroom';
import { Button } from '@/components/ui/button';

export function JoinCodePanel({ courseId, joinCode }: { courseId: string; joinCode: string }) {
  const router = useRouter();
  const [status, setStatus] = useState('');
  const [pending, startTransition] = useTransition();

  async function copy() {
    try {
      await navigator.clipboard.writeText(joinCode);
      setStatus('Join code copied.');
    } catch {
      setStatus('Copying is blocked here: select the code and copy it by hand.');
    }
  }

  function regenerate() {
    if (!window.confirm('Make a new join code? The old one stops working at once; enrolled students stay enrolled.')) return;
    startTransition(async () => {
      const res = await regenerateJoinCodeAction({ courseId });
      setStatus(res.ok ? `New join code: ${res.data}.` : res.message);
      if (res.ok) router.refresh();
    });
  }

  return (
    <div className="space-y-2 rounded-lg border border-slate-200 p-4 dark:border-slate-700">
      <div className="flex flex-wrap items-center gap-3">
        <label htmlFor="join-code" className="text-sm font-medium">
          Join code
        </label>
        <output id="join-code" className="rounded bg-slate-100 px-2 py-1 font-mono text-xl tracking-wider dark:bg-slate-800" data-testid="join-code">
          {joinCode}
        </output>
        <Button size="sm" onClick={copy}>
          Copy join code
        </Button>
        <Button size="sm" variant="danger" onClick={regenerate} disabled={pending}>
          {pending ? 'Regenerating…' : 'Regenerate join code'}
        </Button>
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">Students type this code on their dashboard to join the course.</p>
      <p role="status" className="min-h-5 text-sm">
        {status}
      </p>
    </div>
  );
}
