/**
 * The guide for teachers: learning goals, a 50-minute class plan, the wrong ideas students bring,
 * and the exercise templates (lib/lessons/exercise-templates.ts) with links that open the
 * simulator pre-set. Static like the lessons.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { EXERCISE_TEMPLATES } from '@/lib/lessons/exercise-templates';
import { LESSONS, getLesson, lessonHref } from '@/lib/lessons/registry';
import { describeConfig } from '@/lib/lessons/describe-config';
import { formatNumber } from '@/lib/format';
import { simulatorHref } from '@/lib/validation/sim-config-url';
import type { PassCriterion } from '@/lib/validation/assignment';
import type { SimConfigInput } from '@/lib/validation/sim-config';
import { P, Ul, Li, Callout } from '@/components/lessons/prose';
import { M } from '@/components/lessons/math';
import { Fact } from '@/components/lessons/fact';

export const metadata: Metadata = {
  title: 'Teacher guide',
  description:
    'Teach weight initialization in one class: learning goals, a 50-minute plan, common wrong ideas and ready-made simulator exercises with pass criteria.',
  openGraph: {
    title: 'Teaching weight initialization with InitLab',
    description: 'A 50-minute class plan, common misconceptions and ready-made exercises with engine-checked pass criteria.',
    type: 'article',
    url: '/lessons/teacher-guide',
  },
};

const TOC = [
  { id: 'goals', title: 'Learning goals' },
  { id: 'class-plan', title: 'A 50-minute class' },
  { id: 'wrong-ideas', title: 'Wrong ideas students bring' },
  { id: 'exercises', title: 'Exercise templates' },
];

const PLAN: { minutes: string; activity: string; detail: React.ReactNode }[] = [
  {
    minutes: '0–5',
    activity: 'Hook: predict',
    detail: (
      <>Show a 12-layer ReLU net with Xavier. Everyone writes down the final std they expect, then run it. The answer (<Fact id="xavierRelu12.finalStd" />) surprises nearly everyone.</>
    ),
  },
  {
    minutes: '5–15',
    activity: 'Derive the product',
    detail: (
      <>On the board: <M t="\operatorname{Var}(z) = n\operatorname{Var}(W)\,\mathbb{E}[a^2]" />, then <M t="c^L" />. Ask what <M t="c" /> is for a linear layer, then for ReLU.</>
    ),
  },
  {
    minutes: '15–25',
    activity: 'Derive He; pairs check it',
    detail: <>Half of the second moment survives ReLU, so <M t="\operatorname{Var}(W)=2/n" />. Pairs switch the simulator to He and compare pre-activation std, RMS and post-activation std.</>,
  },
  {
    minutes: '25–40',
    activity: 'Exercises in pairs',
    detail: <>Two templates from the list below (rescue the ReLU net, then the leaky ReLU gain or the deep tanh net). Faster pairs try the residual stream.</>,
  },
  {
    minutes: '40–47',
    activity: 'Debrief',
    detail: <>Collect the tanh answers: the forward fix makes the gradient grow. Use it to show that “stable” must be checked in both directions.</>,
  },
  {
    minutes: '47–50',
    activity: 'Exit question',
    detail: <>“Why can’t a larger learning rate rescue a vanishing gradient?” One sentence each.</>,
  },
];

function describeCriterion(c: PassCriterion): string {
  switch (c.kind) {
    case 'ratio-range':
      return `final/input std between ${formatNumber(c.min)} and ${formatNumber(c.max)}`;
    case 'signal-state':
      return `the simulator reports the signal as ${c.state}`;
    case 'max-drift':
      return `every layer’s RMS within a factor of ${formatNumber(c.factor)} of the input RMS`;
    case 'prediction':
      return `predicted ${c.quantity} within ${formatNumber(c.relTolerance * 100)}% of the engine’s value`;
    case 'train-loss-below':
      return `training loss below ${formatNumber(c.below)} after ${c.steps} steps of ${c.optimizer === 'adam' ? 'Adam' : 'SGD'} on the ${c.dataset}`;
  }
}

function SectionHeading({ id, children }: { id: string; children: React.ReactNode }) {
  return (
    <h2 id={id} className="mt-12 scroll-mt-20 text-2xl font-semibold tracking-tight text-slate-900 dark:text-slate-50">
      {children}
    </h2>
  );
}

export default function TeacherGuidePage() {
  return (
    <article className="mx-auto max-w-3xl" data-testid="teacher-guide">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600 dark:text-slate-400">
        <Link href="/lessons" className="hover:underline">Lessons</Link>
        <span aria-hidden="true"> / </span>
        <span>Teacher guide</span>
      </nav>
      <h1 className="mt-2 text-3xl font-bold tracking-tight sm:text-4xl">Teaching weight initialization</h1>
      <p className="mt-3 text-lg leading-8 text-slate-700 dark:text-slate-300">
        A plan for one class, the misconceptions worth addressing head-on, and exercises you can assign as they are. Every
        exercise opens the simulator pre-set, and its pass criteria are checked by the engine.
      </p>
      <nav aria-label="On this page" className="mt-6 rounded-lg border border-slate-200 p-4 dark:border-slate-700">
        <p className="text-sm font-semibold">On this page</p>
        <ol className="mt-2 space-y-1 text-sm">
          {TOC.map((t) => (
            <li key={t.id}>
              <a href={`#${t.id}`} className="text-slate-700 hover:text-blue-700 hover:underline dark:text-slate-300 dark:hover:text-blue-300">{t.title}</a>
            </li>
          ))}
        </ol>
      </nav>

      <SectionHeading id="goals">Learning goals</SectionHeading>
      <P>By the end of the class, students can:</P>
      <Ul>
        <Li>derive <M t="\operatorname{Var}(z) = n\operatorname{Var}(W)\,\mathbb{E}[a^2]" /> and explain why depth turns a per-layer factor into a power;</Li>
        <Li>derive the Xavier and He variances and say which activation each assumes;</Li>
        <Li>read a per-layer plot and name the failure (vanishing, exploding, saturation, symmetry);</Li>
        <Li>distinguish pre-activation std, post-activation std and RMS;</Li>
        <Li>explain why normalization and residual connections change, but do not remove, the need for a good initialization.</Li>
      </Ul>
      <P>
        The lessons, in order: {LESSONS.map((l, i) => (
          <span key={l.slug}>
            {i > 0 ? ', ' : ''}
            <Link href={lessonHref(l.slug)} className="text-blue-700 underline underline-offset-2 dark:text-blue-300">{l.title}</Link>
          </span>
        ))}.
      </P>

      <SectionHeading id="class-plan">A 50-minute class</SectionHeading>
      <div className="relative my-5 overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-700" role="region" aria-label="Class plan" tabIndex={0}>
        <table className="w-full min-w-[28rem] border-collapse text-left text-sm">
          <thead className="bg-slate-100 dark:bg-slate-800">
            <tr>
              <th scope="col" className="px-3 py-2">Minutes</th>
              <th scope="col" className="px-3 py-2">Activity</th>
              <th scope="col" className="px-3 py-2">What happens</th>
            </tr>
          </thead>
          <tbody>
            {PLAN.map((p) => (
              <tr key={p.minutes} className="border-t border-slate-200 align-top dark:border-slate-700">
                <td className="px-3 py-2 font-mono whitespace-nowrap">{p.minutes}</td>
                <th scope="row" className="px-3 py-2 font-medium">{p.activity}</th>
                <td className="px-3 py-2 leading-6">{p.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Callout title="Before class">
        <p>Open each exercise link once on the classroom machine, and share the lesson on He initialization as reading.</p>
      </Callout>

      <SectionHeading id="wrong-ideas">Wrong ideas students bring</SectionHeading>
      <Ul>
        <Li><strong>“Small weights are safe.”</strong> They vanish, exponentially in depth. Show the small-random run.</Li>
        <Li><strong>“The learning rate can fix it.”</strong> It scales all layers alike; the ratio between layers is set at initialization.</Li>
        <Li><strong>“He makes every output std 1.”</strong> It keeps the pre-activation variance and the RMS; the post-ReLU std is a fixed fraction below.</Li>
        <Li><strong>“Xavier is for sigmoid.”</strong> Xavier assumes slope 1 at zero and a centred output; sigmoid has neither, and the only scale that keeps its gradient level saturates most units.</Li>
        <Li><strong>“BatchNorm makes initialization irrelevant.”</strong> Not for symmetry, not for the effective learning rate, not for unnormalized paths.</Li>
        <Li><strong>“Residual connections fix vanishing and exploding.”</strong> A plain residual stream grows with depth unless branches are scaled.</Li>
        <Li><strong>“Zero biases are as bad as zero weights.”</strong> Random weights already break the symmetry.</Li>
      </Ul>
      <P>The <Link href="/lessons/faq" className="text-blue-700 underline underline-offset-2 dark:text-blue-300">FAQ lesson</Link> answers each of these with a simulator run students can open.</P>

      <SectionHeading id="exercises">Exercise templates</SectionHeading>
      <P>
        Each template is stored in the platform’s assignment format: a base config, the fields a student may change (all
        others are locked), and pass criteria the engine checks on the server. The reference answer is verified by an
        automated test against the current engine, as is the fact that the untouched base config fails.
      </P>
      <div className="space-y-6">
        {EXERCISE_TEMPLATES.map((t) => {
          const base = t.spec.baseConfig as SimConfigInput;
          const lesson = getLesson(t.lesson);
          return (
            <section key={t.id} aria-labelledby={`ex-${t.id}`} data-testid="exercise-template" className="rounded-xl border border-slate-200 p-4 sm:p-5 dark:border-slate-700">
              <h3 id={`ex-${t.id}`} className="text-lg font-semibold tracking-tight">{t.spec.title}</h3>
              {lesson ? (
                <p className="text-sm text-slate-600 dark:text-slate-400">
                  Practises: <Link href={lessonHref(lesson.slug)} className="underline underline-offset-2">{lesson.title}</Link>
                </p>
              ) : null}
              <p className="mt-3 leading-7">{t.spec.prompt}</p>
              <dl className="mt-3 grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
                <dt className="font-medium">Starting config</dt>
                <dd className="font-mono text-xs leading-6">{describeConfig(base)}</dd>
                <dt className="font-medium">Student may change</dt>
                <dd>{t.spec.editableFields.join(', ')}</dd>
                <dt className="font-medium">Passes when</dt>
                <dd>
                  <ul className="list-disc pl-5">
                    {t.spec.criteria.map((c, i) => (
                      <li key={i}>{describeCriterion(c)}</li>
                    ))}
                  </ul>
                </dd>
              </dl>
              <details className="mt-3 text-sm">
                <summary className="cursor-pointer font-medium">Reference answer</summary>
                <p className="mt-2 leading-6">
                  <span className="font-mono">
                    {Object.entries(t.referenceAnswer)
                      .map(([k, v]) => `${k} = ${String(v)}`)
                      .join(', ')}
                  </span>
                  . {t.solutionNote}
                </p>
              </details>
              <Link
                href={simulatorHref(base)}
                data-testid="exercise-open"
                data-config={JSON.stringify(base)}
                className="mt-4 inline-block rounded-md bg-blue-700 px-3 py-2 text-sm font-medium text-white hover:bg-blue-800 dark:bg-blue-600 dark:hover:bg-blue-500"
              >
                Open the starting config<span className="sr-only">: {t.spec.title}</span>
              </Link>
            </section>
          );
        })}
      </div>
    </article>
  );
}
