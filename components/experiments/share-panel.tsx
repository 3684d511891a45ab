'use client';
/**
 * The owner's share links of one experiment: "Share" makes a new read-only link and shows it in
 * a field to copy; every active link is listed with a "Revoke" button. Links are built from the
 * page's own origin, so they point at whichever address the owner is using.
 */
import { useRouter } from 'next/navigation';
import { useEffect, useId, useState, useTransition } from 'react';
import { createShareLinkAction, revokeShareLinkAction } from '@/lib/actions/experiments';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';

export interface ActiveLink {
  id: string;
  token: string;
  createdAt: string;
}

export function sharePath(token: string): string {
  return `/share/${token}`;
}

export function SharePanel({ experimentId, links }: { experimentId: string; links: ActiveLink[] }) {
  const router = useRouter();
  const fieldId = useId();
  const [origin, setOrigin] = useState('');
  const [fresh, setFresh] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [pending, start] = useTransition();
  useEffect(() => setOrigin(window.location.origin), []);
  const url = (token: string) => `${origin}${sharePath(token)}`;

  const share = () =>
    start(async () => {
      const res = await createShareLinkAction({ id: experimentId });
      if (!res.ok) {
        setMessage(res.message);
        return;
      }
      setFresh(res.data.token);
      setMessage('Link created. Anyone with it can see this run without signing in, until you revoke it.');
      router.refresh();
    });

  const copy = async (token: string) => {
    try {
      await navigator.clipboard.writeText(url(token));
      setMessage('Link copied to the clipboard.');
    } catch {
      setMessage('Could not use the clipboard: select the link and copy it.');
    }
  };

  const revoke = (link: ActiveLink) =>
    start(async () => {
      const res = await revokeShareLinkAction({ id: link.id });
      setMessage(res.ok ? 'Link revoked: it now leads nowhere.' : res.message);
      if (res.ok && fresh === link.token) setFresh(null);
      if (res.ok) router.refresh();
    });

  return (
    <section aria-labelledby="share-heading" className="space-y-3 rounded-xl border border-slate-200 p-4 dark:border-slate-700">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="share-heading" className="text-base font-semibold">
          Share
        </h2>
        <Button variant="primary" onClick={share} disabled={pending}>
          Share
        </Button>
      </div>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        A share link shows a read-only snapshot of this run, its title and notes as they are now. Later edits are not shown to people
        who have the link.
      </p>
      {fresh ? (
        <div className="flex flex-col gap-1">
          <label htmlFor={fieldId} className="text-sm font-medium">
            Share link
          </label>
          <div className="flex gap-2">
            <input id={fieldId} readOnly value={url(fresh)} onFocus={(e) => e.currentTarget.select()} className={`${inputClass} w-full font-mono`} />
            <Button onClick={() => void copy(fresh)}>Copy</Button>
          </div>
        </div>
      ) : null}
      <p role="status" aria-live="polite" className="text-sm empty:hidden">
        {message}
      </p>
      {links.length > 0 ? (
        <div className="space-y-1">
          <h3 className="text-sm font-semibold">Active links</h3>
          <ul className="space-y-1" data-testid="active-links">
            {links.map((l) => (
              <li key={l.id} className="flex flex-wrap items-center gap-2 text-sm">
                <code className="min-w-0 flex-1 truncate rounded bg-slate-100 px-1.5 py-0.5 dark:bg-slate-800">{url(l.token)}</code>
                <span className="text-xs text-slate-600 dark:text-slate-400">
                  since <time dateTime={l.createdAt}>{l.createdAt.slice(0, 16).replace('T', ' ')} UTC</time>
                </span>
                <Button size="sm" variant="danger" disabled={pending} onClick={() => revoke(l)} aria-label={`Revoke the link created ${l.createdAt.slice(0, 16).replace('T', ' ')} UTC`}>
                  Revoke
                </Button>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">No active links.</p>
      )}
    </section>
  );
}
