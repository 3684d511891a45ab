'use client';
/**
 * A date and time in the reader's own zone and locale. The server renders UTC (it cannot know
 * the zone); the browser replaces it after hydration. The <time> carries the exact instant.
 */
import { useEffect, useState } from 'react';

export function formatUtc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export function DateTime({ iso }: { iso: string }) {
  const [text, setText] = useState(() => formatUtc(iso));
  useEffect(() => {
    setText(new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }));
  }, [iso]);
  return <time dateTime={iso}>{text}</time>;
}
