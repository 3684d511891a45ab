'use client';
/**
 * The simulator's "keep this run" row: "Save experiment" (opens the save dialog) and
 * "Copy link" (the address of the current run, which reproduces it exactly), with a status line
 * that says what happened.
 */
import Link from 'next/link';
import type { SimConfig } from '@/lib/validation/sim-config';
import { simulatorHref } from '@/lib/validation/sim-config-url';
import { Button } from '@/components/ui/button';

export type RunNotice = { text: string; href?: string; linkText?: string; error?: boolean } | null;

/** Absolute address of a run in the simulator. */
export function runUrl(config: SimConfig): string {
  return `${window.location.origin}${simulatorHref(config)}`;
}

export async function copyRunLink(config: SimConfig): Promise<RunNotice> {
  const url = runUrl(config);
  try {
    await navigator.clipboard.writeText(url);
    return { text: 'Link copied: it opens exactly this run.' };
  } catch {
    return { text: `Could not use the clipboard. The link is: ${url}`, error: true };
  }
}

export function RunActions({ onSave, onCopy, notice, disabled }: { onSave: () => void; onCopy: () => void; notice: RunNotice; disabled: boolean }) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button variant="primary" onClick={onSave} disabled={disabled}>
        Save experiment
      </Button>
      <Button onClick={onCopy} disabled={disabled}>
        Copy link
      </Button>
      <p role="status" aria-live="polite" className={`text-sm ${notice?.error ? 'break-all text-red-800 dark:text-red-300' : 'text-slate-700 dark:text-slate-300'}`}>
        {notice?.text}
        {notice?.href ? (
          <>
            {' '}
            <Link href={notice.href} className="text-blue-700 underline dark:text-blue-300">
              {notice.linkText ?? 'Open'}
            </Link>
          </>
        ) : null}
      </p>
    </div>
  );
}
