/**
 * /experiments/compare?e=<id>&e=<id>[&s=<submission id>]: 2 to 6 runs side by side. The items go
 * through getComparison, which checks rights per item: your own experiments, and for instructors
 * the submissions of courses they teach. Anything not visible gives the same 404.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/auth/session';
import { getComparison } from '@/lib/data/compare';
import { AppError } from '@/lib/errors';
import { compareRefsFromParams, compareRefsSchema } from '@/lib/validation/experiment';
import { CompareView } from '@/components/experiments/compare-view';

export const metadata: Metadata = { title: 'Compare runs', robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ComparePage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const back = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const x of Array.isArray(v) ? v : v === undefined ? [] : [v]) back.append(k, x);
  const user = await requireUser(`/experiments/compare?${back.toString()}`);
  const parsed = compareRefsSchema.safeParse(compareRefsFromParams(params));
  if (!parsed.success) {
    return (
      <div className="space-y-3">
        <h1 className="text-2xl font-bold">Compare runs</h1>
        <p role="alert" className="text-sm text-red-800 dark:text-red-300">
          {parsed.error.issues[0]?.message ?? 'These runs cannot be compared.'}
        </p>
        <Link href="/experiments" className="text-blue-700 underline dark:text-blue-300">
          Choose experiments to compare
        </Link>
      </div>
    );
  }
  let runs;
  try {
    runs = await getComparison(user, parsed.data);
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') notFound();
    throw err;
  }
  return (
    <div className="space-y-5">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/experiments" className="text-blue-700 underline dark:text-blue-300">
          My experiments
        </Link>
      </nav>
      <div>
        <h1 className="text-2xl font-bold">Compare {runs.length} runs</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Each line is one run&apos;s post-activation std, layer by layer from the input (layer 0). Networks of different depths share the axis.
        </p>
      </div>
      <CompareView runs={runs} />
    </div>
  );
}
