/**
 * "Try it" link: opens the simulator pre-set through the shared URL codec (simulatorHref), and
 * states the config in words so the reader knows what will be on screen. `data-config` carries
 * the normalized config so the e2e test can check that the link encodes exactly what is stated.
 */
import Link from 'next/link';
import type { ReactNode } from 'react';
import { simulatorHref } from '@/lib/validation/sim-config-url';
import type { SimConfigInput } from '@/lib/validation/sim-config';
import { describeConfig } from '@/lib/lessons/describe-config';
import { normalizeLessonConfig } from '@/lib/lessons/run';

export function TryIt({ config, children }: { config: SimConfigInput; children?: ReactNode }) {
  const normalized = normalizeLessonConfig(config);
  return (
    <div className="my-5 flex flex-col gap-2 rounded-lg border border-slate-200 bg-slate-50 p-3 sm:flex-row sm:items-center dark:border-slate-700 dark:bg-slate-900">
      <Link
        href={simulatorHref(config)}
        data-testid="try-it"
        data-config={JSON.stringify(normalized)}
        className="inline-flex shrink-0 items-center justify-center gap-1 rounded-md bg-blue-700 px-3 py-2 text-sm font-medium text-white hover:bg-blue-800 focus-visible:outline-offset-2 dark:bg-blue-600 dark:hover:bg-blue-500"
      >
        Try it<span aria-hidden="true"> →</span>
        <span className="sr-only">: open the simulator with {describeConfig(config)}</span>
      </Link>
      <div className="text-sm leading-6 text-slate-700 dark:text-slate-300">
        {children ? <span className="block">{children}</span> : null}
        <span className="block font-mono text-xs text-slate-600 dark:text-slate-400">{describeConfig(config)}</span>
      </div>
    </div>
  );
}
