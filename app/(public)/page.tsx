/**
 * Home: what the product does before any click. A figure of three real runs (vanishing, stable,
 * exploding), computed by the engine when the page is built, with each run's state in the
 * engine's words, and the three ways in: the simulator, the lessons, and classes.
 */
import Link from 'next/link';
import { SignalSparkline, signalCurve } from '@/components/charts/signal-sparkline';
import { OKABE_ITO } from '@/components/charts/palette';
import { describeConfig } from '@/lib/lessons/describe-config';
import { runLessonSim } from '@/lib/lessons/run';
import { formatStat } from '@/lib/format';
import { simulatorHref } from '@/lib/validation/sim-config-url';
import type { SimConfigInput } from '@/lib/validation/sim-config';

const net = { activation: 'relu', layers: 20, width: 128, samples: 32, seed: 1 } as const;
const FIGURE: { config: SimConfigInput; color: string; dashed?: boolean }[] = [
  { config: { ...net, scheme: 'xavier-normal' }, color: OKABE_ITO.blue },
  { config: { ...net, scheme: 'he-normal' }, color: OKABE_ITO.bluishGreen },
  { config: { ...net, scheme: 'he-normal', residual: 'plain' }, color: OKABE_ITO.vermillion, dashed: true },
];

const WAYS_IN = [
  { href: '/simulator', title: 'Simulator', text: 'Pick a scheme, an activation, the depth and the width; watch the signal and the gradient layer by layer.' },
  { href: '/lessons', title: 'Lessons', text: 'Xavier, He, LeCun, orthogonal, normalization and residual nets, each with a live figure and a check.' },
  { href: '/dashboard', title: 'Classes', text: 'Teachers set graded exercises; students join with a code, save runs and hand them in.' },
];

export default function HomePage() {
  const runs = FIGURE.map((f) => ({ ...f, result: runLessonSim(f.config) }));
  return (
    <div className="mx-auto max-w-4xl py-10">
      <h1 className="text-4xl font-bold tracking-tight">Will your deep network train?</h1>
      <p className="mt-4 max-w-3xl text-lg text-slate-700 dark:text-slate-300">
        Before a single gradient step, the scale of the initial weights decides whether a signal
        survives the trip through a deep network. InitLab lets you watch it happen, layer by layer,
        and explains the mathematics behind the fixes.
      </p>

      <figure className="mt-8 rounded-xl border border-slate-200 bg-white p-4 text-slate-700 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300" data-testid="home-figure">
        <SignalSparkline
          title="Signal spread per layer, relative to the input, for three 20-layer ReLU networks (log scale)"
          curves={runs.map((r) => ({ label: describeConfig(r.config), values: signalCurve(r.result), color: r.color, dashed: r.dashed }))}
        />
        <figcaption className="mt-3 space-y-1 text-sm">
          {runs.map((r) => (
            <p key={r.color} data-state={r.result.summary.signalState} className="flex flex-wrap items-center gap-2">
              <span aria-hidden className="inline-block h-1 w-6 rounded" style={{ background: r.color }} />
              <span className="font-semibold capitalize">{r.result.summary.signalState}</span>
              <span>
                (×{formatStat(r.result.summary.ratio)} after {r.result.layers.length} layers): {describeConfig(r.config)}.
              </span>
              <Link href={simulatorHref(r.config)} className="text-blue-700 underline underline-offset-2 dark:text-blue-300">
                Open<span className="sr-only"> this run in the simulator</span>
              </Link>
            </p>
          ))}
        </figcaption>
      </figure>

      <ul className="mt-8 grid gap-4 sm:grid-cols-3" aria-label="Ways in">
        {WAYS_IN.map((w) => (
          <li key={w.href}>
            <Link href={w.href} className="block h-full rounded-xl border border-slate-200 p-4 hover:border-blue-600 dark:border-slate-700 dark:hover:border-blue-400">
              <span className="text-lg font-semibold text-blue-700 dark:text-blue-300">{w.title}</span>
              <span className="mt-1 block text-sm text-slate-700 dark:text-slate-300">{w.text}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
