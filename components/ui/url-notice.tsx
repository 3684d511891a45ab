/**
 * The notice a page shows when the settings in its link could not be used: which fields were
 * wrong and why, what is shown instead, and a Dismiss button.
 */
import { Button } from './button';

export function UrlNotice({ errors, shown, onDismiss, testId }: { errors: Record<string, string>; shown: string; onDismiss: () => void; testId?: string }) {
  return (
    <div role="alert" className="flex flex-wrap items-start justify-between gap-3 rounded-lg border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-100" data-testid={testId}>
      <div>
        <p className="font-semibold">This link&apos;s settings could not be used, so {shown} shown.</p>
        <ul className="mt-1 list-disc pl-5">
          {Object.entries(errors).map(([field, message]) => (
            <li key={field}>
              <span className="font-mono">{field === '_' ? 'config' : field}</span>: {message}
            </li>
          ))}
        </ul>
      </div>
      <Button size="sm" variant="ghost" onClick={onDismiss}>
        Dismiss
      </Button>
    </div>
  );
}
