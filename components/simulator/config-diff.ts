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

/** Every config field, in the schema's order (widths last: it is optional). */
export function configFields(configs: SimConfig[]): (keyof SimConfig)[] {
  const keys = new Set<keyof SimConfig>();
  for (const c of configs) for (const k of Object.keys(c) as (keyof SimConfig)[]) keys.add(k);
  return [...keys];
}

/**
 * Fields on which at least two of `configs` disagree, for a comparison table that shows only
 * what differs. Networks of different depths differ in `layers` (and `widths`), which is the
 * point; a field some configs lack counts as differing.
 */
export function differingFields(configs: SimConfig[]): (keyof SimConfig)[] {
  return configFields(configs).filter((k) => new Set(configs.map((c) => show(c[k]))).size > 1);
}

/** A config value as the comparison table shows it ("—" for a field the config lacks). */
export function showField(config: SimConfig, key: keyof SimConfig): string {
  const v = config[key];
  return v === undefined ? '—' : show(v);
}
