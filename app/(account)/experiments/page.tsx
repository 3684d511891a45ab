/**
 * /experiments: the signed-in user's saved runs, with search (title, notes, tags, scheme,
 * activation), a tag filter, sorting and pages of PAGE_SIZE. The query lives in the URL, so the
 * form works before any script loads and a filtered list can be bookmarked.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { listExperiments } from '@/lib/data/experiments';
import { listQuerySchema, SEARCH_MAX, SORT_LABELS, SORTS, type ListQuery } from '@/lib/validation/experiment';
import { ExperimentList } from '@/components/experiments/experiment-list';
import { buttonClass } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';

export const metadata: Metadata = { title: 'My experiments' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function pageHref(q: ListQuery, page: number): string {
  const p = new URLSearchParams();
  if (q.q) p.set('q', q.q);
  if (q.tag) p.set('tag', q.tag);
  if (q.sort !== 'updated') p.set('sort', q.sort);
  if (page > 1) p.set('page', String(page));
  const s = p.toString();
  return s ? `/experiments?${s}` : '/experiments';
}

export default async function ExperimentsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser('/experiments');
  const query = listQuerySchema.parse(await searchParams);
  const list = await listExperiments(user, query);
  const filtered = query.q !== '' || query.tag !== '';
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">My experiments</h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Runs you saved from the simulator. Only you can see them; share one to show it to others.
          </p>
        </div>
        <Link href="/simulator" className={buttonClass('secondary')}>
          Open the simulator
        </Link>
      </div>

      <form method="get" action="/experiments" role="search" className="flex flex-wrap items-end gap-3">
        <div className="flex min-w-64 flex-1 flex-col gap-1">
          <label htmlFor="experiment-search" className="text-sm font-medium">
            Search experiments
          </label>
          <input
            id="experiment-search"
            type="search"
            name="q"
            defaultValue={query.q}
            maxLength={SEARCH_MAX}
            placeholder="Title, notes, tag, scheme or activation"
            className={`${inputClass} w-full`}
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="experiment-tag" className="text-sm font-medium">
            Tag
          </label>
          <select id="experiment-tag" name="tag" defaultValue={query.tag} className={inputClass}>
            <option value="">All tags</option>
            {list.allTags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="experiment-sort" className="text-sm font-medium">
            Sort by
          </label>
          <select id="experiment-sort" name="sort" defaultValue={query.sort} className={inputClass}>
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClass('primary')}>
          Search
        </button>
        {filtered ? (
          <Link href={pageHref({ ...query, q: '', tag: '' }, 1)} className={buttonClass('ghost')}>
            Clear
          </Link>
        ) : null}
      </form>

      <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="experiment-count">
        {list.total === 0
          ? filtered
            ? 'No experiment matches.'
            : 'You have not saved an experiment yet.'
          : `${list.total} experiment${list.total === 1 ? '' : 's'}${filtered ? ' match' : ''}${list.pageCount > 1 ? ` · page ${list.page} of ${list.pageCount}` : ''}.`}
      </p>

      {list.items.length > 0 ? (
        <ExperimentList
          rows={list.items.map((i) => ({
            id: i.id,
            title: i.title,
            tags: i.tags,
            scheme: i.scheme,
            activation: i.activation,
            layers: i.layers,
            width: i.width,
            signalState: i.signalState,
            finalStd: i.finalStd,
            engineVersion: i.engineVersion,
            outdated: i.outdated,
            forked: i.forked,
            updatedAt: i.updatedAt.toISOString(),
          }))}
        />
      ) : list.total === 0 && !filtered ? (
        <p className="rounded-md border border-dashed border-slate-300 p-4 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
          In the <Link href="/simulator" className="text-blue-700 underline dark:text-blue-300">simulator</Link>, press “Save experiment” to keep a run here.
        </p>
      ) : null}

      {list.pageCount > 1 ? (
        <nav aria-label="Pages" className="flex items-center gap-3 text-sm">
          {list.page > 1 ? (
            <Link href={pageHref(query, list.page - 1)} className={buttonClass('secondary', 'sm')}>
              Previous page
            </Link>
          ) : null}
          <span>
            Page {list.page} of {list.pageCount}
          </span>
          {list.page < list.pageCount ? (
            <Link href={pageHref(query, list.page + 1)} className={buttonClass('secondary', 'sm')}>
              Next page
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
