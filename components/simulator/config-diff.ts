/**
 * Names what differs between two configs, for labelling pinned runs ("scheme: xavier-normal")
 * and anything else that compares runs. Keys are the config's own field names, so the labels
 * match the URL and the command line.
 */
import type { SimConfig } from '@/lib/validation/sim-config';

function show(v: unknown): string {
  if (Array.isArray(v)) return v.join(',');
  if (v === undefined) return 'equal';
  return String(v);
}

/** Fields of `run` that differ from `current`, as "field: value-in-run". */
export function configDifferences(run: SimConfig, current: SimConfig): string[] {
  const keys = new Set([...Object.keys(run), ...Object.keys(current)]) as Set<keyof SimConfig>;
  const out: string[] = [];
  for (const k of keys) {
    if (show(run[k]) !== show(current[k])) out.push(`${k}: ${show(run[k])}`);
  }
  return out;
}

/** A short label: up to two differences, then "+N more"; "same settings" when none. */
export function diffLabel(run: SimConfig, current: SimConfig): string {
  const d = configDifferences(run, current);
  if (d.length === 0) return 'same settings';
  return d.length <= 2 ? d.join(', ') : `${d.slice(0, 2).join(', ')} +${d.length - 2} more`;
}
