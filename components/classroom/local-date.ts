/**
 * <input type="datetime-local"> speaks the browser's local time without a zone; the server
 * stores instants. These convert both ways in the browser, so what the instructor types is
 * what they meant where they are.
 */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Replaces local date-time values in a form with ISO instants ('' stays ''). */
export function localDatesToIso(form: FormData, names: string[]) {
  for (const name of names) {
    const v = form.get(name);
    if (typeof v !== 'string' || v === '') continue;
    const d = new Date(v);
    form.set(name, Number.isNaN(d.getTime()) ? v : d.toISOString());
  }
}
