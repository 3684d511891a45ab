/**
 * When a stored run was computed and by which engine, and a warning when that engine is not the
 * one running now (its numbers may differ from what the simulator shows today). `children` is
 * the action offered then (a re-run, or a link to the simulator).
 */
import type { ReactNode } from 'react';

export function RunProvenance({ engineVersion, computedAt, currentEngine, children }: { engineVersion: string; computedAt: string; currentEngine: string; children?: ReactNode }) {
  const outdated = engineVersion !== currentEngine;
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="run-provenance" data-engine={engineVersion}>
        Computed on the server on <time dateTime={computedAt}>{computedAt.slice(0, 16).replace('T', ' ')} UTC</time> by engine {engineVersion}.
      </p>
      {outdated ? (
        <div role="note" className="space-y-2 rounded-lg border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-100">
          <p>
            <strong>Made by an older engine.</strong> This run was computed by engine {engineVersion}; the current engine is {currentEngine} and
            may give different numbers for the same settings and seed.
          </p>
          {children}
        </div>
      ) : null}
    </div>
  );
}
