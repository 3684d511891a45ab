'use client';
/**
 * "Fork" on a shared page: saves a copy of the shared run into the viewer's own experiments. A
 * signed-out viewer is sent to sign in and brought back with ?fork=1, which finishes the fork.
 */
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import { forkSharedRunAction } from '@/lib/actions/experiments';
import { Button } from '@/components/ui/button';

export function ForkSharedButton({ token, resume }: { token: string; resume: boolean }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState('');
  const resumed = useRef(false);

  const fork = () =>
    start(async () => {
      const res = await forkSharedRunAction({ token });
      if (res.ok) {
        setMessage(`Saved “${res.data.title}” to your experiments.`);
        router.push(`/experiments/${res.data.id}`);
        return;
      }
      if (res.code === 'UNAUTHENTICATED') {
        setMessage('Taking you to sign in; the copy is made as soon as you are back.');
        window.location.assign(`/sign-in?callbackUrl=${encodeURIComponent(`/share/${token}?fork=1`)}`);
        return;
      }
      setMessage(res.message);
    });

  useEffect(() => {
    if (!resume || resumed.current) return;
    resumed.current = true;
    window.history.replaceState(null, '', `/share/${token}`);
    fork();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [resume]);

  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button onClick={fork} disabled={pending}>
        {pending ? 'Forking…' : 'Fork'}
      </Button>
      <span role="status" aria-live="polite" className="text-sm">
        {message}
      </span>
    </span>
  );
}
