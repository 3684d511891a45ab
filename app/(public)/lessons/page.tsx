/** The lessons index: the reading order, each lesson's promise, and the teacher guide. */
import type { Metadata } from 'next';
import Link from 'next/link';
import { LESSONS, lessonHref, TEACHER_GUIDE_HREF } from '@/lib/lessons/registry';

export const metadata: Metadata = {
  title: 'Lessons',
  description:
    'A short course on weight initialization: why deep signals vanish or explode, the Xavier and He derivations, activations, normalization, residual networks and a debugging checklist.',
  openGraph: {
    title: 'InitLab lessons: weight initialization from first principles',
    description: 'Derivations you can check in a live simulator, with every number computed by the engine.',
    type: 'website',
    url: '/lessons',
  },
};

export default function LessonsIndexPage() {
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Lessons</h1>
      <p className="mt-3 text-lg leading-8 text-slate-700 dark:text-slate-300">
        Eight short lessons on one question: how large should a network’s initial weights be? Each derives its answer, shows
        it in the simulator, and ends with a prediction you can check against the engine.
      </p>
      <ol className="mt-8 space-y-4">
        {LESSONS.map((l, i) => (
          <li key={l.slug}>
            <Link
              href={lessonHref(l.slug)}
              className="group block rounded-xl border border-slate-200 p-4 transition-colors hover:border-blue-600 hover:bg-slate-50 dark:border-slate-800 dark:hover:border-blue-400 dark:hover:bg-slate-900"
            >
              <span className="text-sm text-slate-600 dark:text-slate-400">
                Lesson {i + 1} · {l.minutes} min
              </span>
              <span className="mt-1 block text-lg font-semibold tracking-tight group-hover:text-blue-700 dark:group-hover:text-blue-300">
                {l.title}
              </span>
              <span className="mt-1 block leading-7 text-slate-700 dark:text-slate-300">{l.description}</span>
            </Link>
          </li>
        ))}
      </ol>
      <div className="mt-10 rounded-xl bg-slate-50 p-5 dark:bg-slate-900">
        <h2 className="text-lg font-semibold">Teaching this material?</h2>
        <p className="mt-1 leading-7 text-slate-700 dark:text-slate-300">
          The guide for teachers has a 50-minute class plan, the wrong ideas students tend to bring, and ready-made exercises
          that open the simulator pre-set.
        </p>
        <Link href={TEACHER_GUIDE_HREF} className="mt-3 inline-block font-medium text-blue-700 underline underline-offset-2 dark:text-blue-300">
          Open the teacher guide
        </Link>
      </div>
    </div>
  );
}
