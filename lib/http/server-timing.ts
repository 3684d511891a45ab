/**
 * Stage durations of one request, sent as a Server-Timing header (browsers' developer tools show
 * it; bench/server-bench.ts reads it to say where a run request's time goes). Names are fixed
 * codes and durations are milliseconds; no data about the request's content goes in.
 */
export class StageTimes {
  private readonly entries: [string, number][] = [];
  private last = performance.now();

  /** Records the time since the previous lap (or since creation) as stage `name`. */
  lap(name: string): void {
    const now = performance.now();
    this.entries.push([name, now - this.last]);
    this.last = now;
  }

  /** Records a duration measured elsewhere (e.g. on a pool thread); the lap clock is not moved. */
  add(name: string, ms: number): void {
    this.entries.push([name, ms]);
  }

  /** Restarts the lap clock without recording (after stages recorded with add()). */
  reset(): void {
    this.last = performance.now();
  }

  get(name: string): number | undefined {
    return this.entries.find(([n]) => n === name)?.[1];
  }

  /** `validate;dur=0.1, lookup;dur=1.3, ...` */
  header(): string {
    return this.entries.map(([n, ms]) => `${n};dur=${ms.toFixed(1)}`).join(', ');
  }
}

/** Parses a Server-Timing header back into stage -> milliseconds (for the bench and tests). */
export function parseServerTiming(header: string | null): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of (header ?? '').split(',')) {
    const m = /^\s*([\w-]+)\s*;\s*dur=([\d.]+)\s*$/.exec(part);
    if (m) out[m[1]] = Number(m[2]);
  }
  return out;
}
