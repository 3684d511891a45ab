/**
 * /experiments/[id]: one of the signed-in user's experiments — the stored run (summary, network,
 * chart, settings), when and by which engine it was computed (flagged, with a re-run, when the
 * engine has changed since), notes in Markdown, editing, sharing, fork and delete. Someone else's
 * id gives the same 404 as a missing one.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/auth/session';
import { getExperiment } from '@/lib/data/experiments';
import { listShareLinks } from '@/lib/data/share-links';
import { presentRun } from '@/lib/present/run-summary';
import { ENGINE_VERSION } from '@/lib/sim/version';
import { idSchema } from '@/lib/validation/experiment';
import { simulatorHref } from '@/lib/validation/sim-config-url';
import { Markdown } from '@/components/ui/markdown';
import { Disclosure } from '@/components/ui/disclosure';
import { RunDisplay } from '@/components/experiments/run-display';
import { SharePanel } from '@/components/experiments/share-panel';
import { EditExperimentForm, ExperimentToolbar, RerunButton } from '@/components/experiments/experiment-actions';
import { RunProvenance } from '@/components/experiments/run-provenance';

export const metadata: Metadata = { title: 'Experiment', robots: { index: false } };

export default async function ExperimentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/experiments/${encodeURIComponent(id)}`);
  if (!idSchema.safeParse(id).success) notFound();
  const exp = await getExperiment(user, id);
  if (!exp) notFound();
  const links = await listShareLinks(user, exp.id);
  const result = presentRun(exp.run);
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/experiments" className="text-blue-700 underline dark:text-blue-300">
          My experiments
        </Link>
      </nav>
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">{exp.title}</h1>
        {exp.tags.length ? (
          <ul aria-label="Tags" className="flex flex-wrap gap-1.5 text-xs">
            {exp.tags.map((t) => (
              <li key={t}>
                <Link href={`/experiments?tag=${encodeURIComponent(t)}`} className="rounded-full bg-slate-100 px-2 py-0.5 hover:underline dark:bg-slate-800">
                  #{t}
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
        {exp.forkedFrom ? (
          <p className="text-sm">
            Forked from{' '}
            <Link href={`/experiments/${exp.forkedFrom.id}`} className="text-blue-700 underline dark:text-blue-300">
              {exp.forkedFrom.title}
            </Link>
            .
          </p>
        ) : exp.forkedFromElsewhere ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">Forked from a shared or since-deleted experiment.</p>
        ) : null}
        <RunProvenance engineVersion={exp.run.engineVersion} computedAt={exp.run.createdAt.toISOString()} currentEngine={ENGINE_VERSION}>
          <RerunButton id={exp.id} />
        </RunProvenance>
      </header>

      <ExperimentToolbar id={exp.id} simulatorHref={simulatorHref(exp.run.config)} />

      <section aria-labelledby="notes-heading" className="space-y-1">
        <h2 id="notes-heading" className="text-base font-semibold">
          Notes
        </h2>
        {exp.notes.trim() ? (
          <Markdown source={exp.notes} className="max-w-3xl text-sm" />
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">No notes yet.</p>
        )}
      </section>

      <Disclosure summary="Edit title, notes and tags">
        <EditExperimentForm id={exp.id} title={exp.title} notes={exp.notes} tags={exp.tags} />
      </Disclosure>

      <SharePanel experimentId={exp.id} links={links.map((l) => ({ id: l.id, token: l.token, createdAt: l.createdAt.toISOString() }))} />

      <RunDisplay result={result} />
    </div>
  );
}
