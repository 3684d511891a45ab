/**
 * /share/[token]: a shared run, read-only, for anyone with the link (no account needed): the
 * snapshot's title and notes, when and by which engine the run was computed, the summary,
 * network view, chart and settings; "Open in the simulator" and "Fork". A revoked, made-up or
 * malformed token renders the ordinary 404, so the page never says whether a link existed.
 */
import { readSignalState } from '@/lib/sim/signal-state';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getSharedRun } from '@/lib/data/share-links';
import { presentRun } from '@/lib/present/run-summary';
import { ENGINE_VERSION } from '@/lib/sim/version';
import { SCHEME_INFO, ACTIVATION_INFO } from '@/lib/sim';
import { simulatorHref } from '@/lib/validation/sim-config-url';
import { Markdown } from '@/components/ui/markdown';
import { buttonClass } from '@/components/ui/button';
import { RunDisplay } from '@/components/experiments/run-display';
import { RunProvenance } from '@/components/experiments/run-provenance';
import { ForkSharedButton } from '@/components/experiments/fork-shared-button';

type Params = Promise<{ token: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** One lookup per request for both the metadata and the page. */
const load = cache((token: string) => getSharedRun(token));

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const shared = await load((await params).token);
  if (!shared) return { title: 'Page not found', robots: { index: false, follow: false } };
  const c = shared.run.config;
  const description = `${SCHEME_INFO[c.scheme]?.label ?? c.scheme} with ${ACTIVATION_INFO[c.activation]?.label ?? c.activation} over ${c.layers} layers of ${c.width}: the signal is ${readSignalState(shared.run.result.summary)}.`;
  return {
    title: shared.title,
    description,
    // Unlisted: whoever has the link may look, search engines may not list it.
    robots: { index: false, follow: false },
    openGraph: { title: shared.title, description, type: 'article' },
    referrer: 'no-referrer',
  };
}

export default async function SharedRunPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { token } = await params;
  const shared = await load(token);
  if (!shared) notFound();
  const resume = (await searchParams).fork === '1';
  const { run } = shared;
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm font-semibold text-blue-700 dark:text-blue-300">Shared run (read-only)</p>
        <h1 className="text-2xl font-bold">{shared.title}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Shared on <time dateTime={shared.sharedAt.toISOString()}>{shared.sharedAt.toISOString().slice(0, 10)}</time>.
        </p>
        <RunProvenance engineVersion={run.engineVersion} computedAt={run.createdAt.toISOString()} currentEngine={ENGINE_VERSION}>
          <p>Open it in the simulator to see what the current engine computes for the same settings.</p>
        </RunProvenance>
      </header>
      <div className="flex flex-wrap items-center gap-2">
        <Link href={simulatorHref(run.config)} className={buttonClass('primary')}>
          Open in the simulator
        </Link>
        <ForkSharedButton token={token} resume={resume} />
      </div>
      <section aria-labelledby="notes-heading" className="space-y-1">
        <h2 id="notes-heading" className="text-base font-semibold">
          Notes
        </h2>
        {shared.notes.trim() ? (
          <Markdown source={shared.notes} className="max-w-3xl text-sm" />
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">No notes.</p>
        )}
      </section>
      <RunDisplay result={presentRun(run)} />
    </div>
  );
}
