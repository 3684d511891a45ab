/**
 * An engine-derived number inside running prose. The value is computed when the static page is
 * generated (lib/lessons/facts.ts), so the text can never drift from the engine; `title` says
 * what the number is for readers who hover, and `data-fact` lets tests find it.
 */
import { getFact, type FactId } from '@/lib/lessons/facts';

export function Fact({ id }: { id: FactId }) {
  const f = getFact(id);
  return (
    <span data-fact={id} title={`Computed by the engine: ${f.what}`} className="font-medium tabular-nums text-slate-900 dark:text-slate-50">
      {f.text}
    </span>
  );
}
