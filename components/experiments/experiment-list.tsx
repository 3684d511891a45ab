'use client';
/**
 * One page of the owner's experiments: a checkbox per row (labelled with the title) to choose
 * 2 to 6 for "Compare", and per-row rename, fork and delete with undo. The list itself comes from
 * the server (search, tag, sort, page are in the URL); after a change the page is refreshed.
 */
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { deleteExperimentAction, forkExperimentAction, restoreExperimentAction, updateExperimentAction } from '@/lib/actions/experiments';
import { COMPARE_MAX, COMPARE_MIN, TITLE_MAX } from '@/lib/validation/experiment';
import { formatNumber } from '@/lib/format';
import { Button, buttonClass } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';

export interface ListRow {
  id: string;
  title: string;
  tags: string[];
  scheme: string;
  activation: string;
  layers: number;
  width: number;
  signalState: string;
  finalStd: number | null;
  engineVersion: string;
  outdated: boolean;
  forked: boolean;
  updatedAt: string;
}

type Notice = { text: string; undoId?: string; error?: boolean } | null;

export function ExperimentList({ rows }: { rows: ListRow[] }) {
  const router = useRouter();
  const [chosen, setChosen] = useState<string[]>([]);
  const [notice, setNotice] = useState<Notice>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [pending, start] = useTransition();

  const toggle = (id: string, on: boolean) => setChosen((c) => (on ? [...c.filter((x) => x !== id), id] : c.filter((x) => x !== id)));
  const canCompare = chosen.length >= COMPARE_MIN && chosen.length <= COMPARE_MAX;

  const run = (fn: () => Promise<{ ok: boolean; message?: string }>, after: (ok: boolean) => Notice) =>
    start(async () => {
      const res = await fn();
      setNotice(res.ok ? after(true) : { text: res.message ?? 'That did not work.', error: true });
      if (res.ok) router.refresh();
    });

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-slate-50 p-3 dark:border-slate-700 dark:bg-slate-900">
        <Button
          variant="primary"
          disabled={!canCompare}
          onClick={() => router.push(`/experiments/compare?${chosen.map((id) => `e=${encodeURIComponent(id)}`).join('&')}`)}
        >
          Compare
        </Button>
        <p className="text-sm text-slate-700 dark:text-slate-300" aria-live="polite">
          {chosen.length === 0
            ? `Tick ${COMPARE_MIN} to ${COMPARE_MAX} experiments to compare them.`
            : chosen.length > COMPARE_MAX
              ? `${chosen.length} chosen: compare at most ${COMPARE_MAX} at a time.`
              : `${chosen.length} chosen${chosen.length < COMPARE_MIN ? `: choose at least ${COMPARE_MIN}` : ''}.`}
        </p>
      </div>

      <div aria-live="polite" role="status" className="min-h-6 text-sm">
        {notice ? (
          <span className={`inline-flex flex-wrap items-center gap-2 ${notice.error ? 'text-red-700 dark:text-red-400' : ''}`}>
            {notice.text}
            {notice.undoId ? (
              <Button
                size="sm"
                disabled={pending}
                onClick={() => {
                  const id = notice.undoId!;
                  run(() => restoreExperimentAction({ id }), () => ({ text: 'Restored.' }));
                }}
              >
                Undo
              </Button>
            ) : null}
          </span>
        ) : null}
      </div>

      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-700 dark:border-slate-700" data-testid="experiment-list">
        {rows.map((r) => (
          <li key={r.id} className="flex flex-wrap items-start gap-3 p-3">
            <input
              type="checkbox"
              aria-label={r.title}
              checked={chosen.includes(r.id)}
              onChange={(e) => toggle(r.id, e.target.checked)}
              className="mt-1.5 h-4 w-4 accent-blue-700"
            />
            <div className="min-w-0 flex-1 space-y-1">
              {renaming === r.id ? (
                <form
                  className="flex flex-wrap items-center gap-2"
                  onSubmit={(e) => {
                    e.preventDefault();
                    const title = draft;
                    run(() => updateExperimentAction({ id: r.id, title }), () => {
                      setRenaming(null);
                      return { text: `Renamed to “${title.trim()}”.` };
                    });
                  }}
                >
                  <label className="sr-only" htmlFor={`rename-${r.id}`}>
                    New title
                  </label>
                  <input
                    id={`rename-${r.id}`}
                    value={draft}
                    maxLength={TITLE_MAX}
                    onChange={(e) => setDraft(e.target.value)}
                    className={`${inputClass} min-w-64 flex-1`}
                    autoFocus
                  />
                  <Button type="submit" size="sm" variant="primary" disabled={pending}>
                    Save title
                  </Button>
                  <Button size="sm" variant="ghost" onClick={() => setRenaming(null)}>
                    Cancel
                  </Button>
                </form>
              ) : (
                <Link id={`title-${r.id}`} href={`/experiments/${r.id}`} className="font-semibold text-blue-800 hover:underline dark:text-blue-300">
                  {r.title}
                </Link>
              )}
              <p className="text-sm text-slate-700 dark:text-slate-300">
                <span className="font-mono">{r.scheme}</span> · <span className="font-mono">{r.activation}</span> · {r.layers} layers × {r.width} ·{' '}
                {r.signalState} (final std {r.finalStd === null ? 'overflow' : formatNumber(r.finalStd)})
                {r.forked ? ' · fork' : ''}
              </p>
              <p className="flex flex-wrap items-center gap-1.5 text-xs text-slate-600 dark:text-slate-400">
                {r.tags.map((t) => (
                  <Link key={t} href={`/experiments?tag=${encodeURIComponent(t)}`} className="rounded-full bg-slate-100 px-2 py-0.5 text-slate-800 hover:underline dark:bg-slate-800 dark:text-slate-200">
                    #{t}
                  </Link>
                ))}
                <span>
                  Engine {r.engineVersion}
                  {r.outdated ? ' (older engine)' : ''} · changed <time dateTime={r.updatedAt}>{r.updatedAt.slice(0, 10)}</time>
                </span>
              </p>
            </div>
            <div className="flex flex-wrap gap-1.5">
              <Button
                size="sm"
                variant="ghost"
                aria-describedby={`title-${r.id}`}
                onClick={() => {
                  setDraft(r.title);
                  setRenaming(r.id);
                }}
              >
                Rename
              </Button>
              <Button
                size="sm"
                variant="ghost"
                aria-describedby={`title-${r.id}`}
                disabled={pending}
                onClick={() => run(() => forkExperimentAction({ id: r.id }), () => ({ text: `Forked “${r.title}”.` }))}
              >
                Fork
              </Button>
              <Button
                size="sm"
                variant="danger"
                aria-describedby={`title-${r.id}`}
                disabled={pending}
                onClick={() => {
                  setChosen((c) => c.filter((x) => x !== r.id));
                  run(() => deleteExperimentAction({ id: r.id }), () => ({ text: `Deleted “${r.title}”.`, undoId: r.id }));
                }}
              >
                Delete
              </Button>
            </div>
          </li>
        ))}
      </ul>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Open an experiment to edit its notes and tags, share it, or re-run it. <Link href="/simulator" className={buttonClass('ghost', 'sm', 'underline')}>New run in the simulator</Link>
      </p>
    </div>
  );
}
