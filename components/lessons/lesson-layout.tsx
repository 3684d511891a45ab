/**
 * The frame of every lesson page: title, learning goals, a table of contents (a collapsible block
 * on a phone, a sticky sidebar on wide screens), the sections, the check-yourself box and the
 * previous/next links. Sections are data, so the contents list can never disagree with the
 * headings it links to.
 */
import Link from 'next/link';
import type { ReactNode } from 'react';
import { KEY_FIGURES } from '@/lib/lessons/key-figures';
import type { LessonMeta } from '@/lib/lessons/registry';
import { getNeighbours, lessonHref } from '@/lib/lessons/registry';
import { CheckYourself } from './check-yourself';
import { figureRuns } from './figure-runs';
import { LiveFigure } from './live-figure';

export interface LessonSection {
  id: string;
  title: string;
  body: ReactNode;
}

function Toc({ sections }: { sections: LessonSection[] }) {
  return (
    <ol className="space-y-1.5 text-sm">
      {sections.map((s) => (
        <li key={s.id}>
          <a href={`#${s.id}`} className="text-slate-700 hover:text-blue-700 hover:underline dark:text-slate-300 dark:hover:text-blue-300">
            {s.title}
          </a>
        </li>
      ))}
      <li>
        <a href="#check-yourself" className="text-slate-700 hover:text-blue-700 hover:underline dark:text-slate-300 dark:hover:text-blue-300">
          Check yourself
        </a>
      </li>
    </ol>
  );
}

export function LessonLayout({ meta, index, sections }: { meta: LessonMeta; index: number; sections: LessonSection[] }) {
  const { previous, next } = getNeighbours(meta.slug);
  const figure = KEY_FIGURES[meta.slug];
  return (
    <div className="mx-auto max-w-6xl lg:grid lg:grid-cols-[minmax(0,1fr)_14rem] lg:gap-12">
      <article className="min-w-0 max-w-3xl" data-testid="lesson">
        <nav aria-label="Breadcrumb" className="text-sm text-slate-600 dark:text-slate-400">
          <Link href="/lessons" className="hover:underline">Lessons</Link>
          <span aria-hidden="true"> / </span>
          <span>Lesson {index + 1}</span>
        </nav>
        <h1 className="mt-2 text-3xl font-bold tracking-tight text-balance sm:text-4xl">{meta.title}</h1>
        <p className="mt-3 text-lg leading-8 text-slate-700 dark:text-slate-300">{meta.description}</p>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">About {meta.minutes} minutes</p>

        <section aria-labelledby="goals-title" className="mt-6 rounded-lg bg-slate-50 p-4 dark:bg-slate-900">
          <h2 id="goals-title" className="text-base font-semibold">After this lesson you can</h2>
          <ul className="mt-2 list-disc space-y-1 pl-5 leading-7 text-slate-800 dark:text-slate-200">
            {meta.goals.map((g) => (
              <li key={g}>{g}</li>
            ))}
          </ul>
        </section>

        <details className="mt-6 rounded-lg border border-slate-200 p-3 lg:hidden dark:border-slate-700">
          <summary className="cursor-pointer font-medium">On this page</summary>
          <nav aria-label="On this page (compact)" className="mt-2">
            <Toc sections={sections} />
          </nav>
        </details>

        {figure && <LiveFigure slug={meta.slug} initial={figureRuns(figure, figure.layers)} />}

        {sections.map((s) => (
          <section key={s.id} aria-labelledby={s.id} className="mt-10">
            <h2 id={s.id} className="scroll-mt-20 text-2xl font-semibold tracking-tight text-slate-900 dark:text-slate-50">
              {s.title}
            </h2>
            {s.body}
          </section>
        ))}

        <div id="check-yourself" className="scroll-mt-20">
          <CheckYourself checkId={meta.slug} />
        </div>

        <nav aria-label="Lesson navigation" className="mt-12 grid gap-3 border-t border-slate-200 pt-6 sm:grid-cols-2 dark:border-slate-800">
          {previous ? (
            <Link href={lessonHref(previous.slug)} rel="prev" className="rounded-lg border border-slate-200 p-3 hover:border-blue-600 dark:border-slate-700 dark:hover:border-blue-400">
              <span className="block text-xs text-slate-600 dark:text-slate-400">Previous</span>
              <span className="font-medium">{previous.title}</span>
            </Link>
          ) : (
            <span />
          )}
          {next ? (
            <Link href={lessonHref(next.slug)} rel="next" className="rounded-lg border border-slate-200 p-3 text-right hover:border-blue-600 sm:col-start-2 dark:border-slate-700 dark:hover:border-blue-400">
              <span className="block text-xs text-slate-600 dark:text-slate-400">Next</span>
              <span className="font-medium">{next.title}</span>
            </Link>
          ) : (
            <Link href="/lessons/teacher-guide" className="rounded-lg border border-slate-200 p-3 text-right hover:border-blue-600 sm:col-start-2 dark:border-slate-700 dark:hover:border-blue-400">
              <span className="block text-xs text-slate-600 dark:text-slate-400">Teaching this?</span>
              <span className="font-medium">Guide for teachers</span>
            </Link>
          )}
        </nav>
      </article>
      <aside className="hidden lg:block">
        <nav aria-label="On this page" className="sticky top-6">
          <p className="mb-2 text-sm font-semibold">On this page</p>
          <Toc sections={sections} />
        </nav>
      </aside>
    </div>
  );
}
