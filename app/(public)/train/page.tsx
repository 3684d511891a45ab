/**
 * /train: public, no account. Reads the comparison from the query string (the simulator's
 * "Train it" link carries its network there) and hands it to the client app, which trains in Web
 * Workers when asked: a comparison takes seconds of CPU, which a page request must not spend on
 * the server.
 */
import type { Metadata } from 'next';
import { trainSpecFromSearchParams } from '@/lib/validation/train-config-url';
import { TrainApp } from '@/components/train/train-app';

export const metadata: Metadata = {
  title: 'Train it',
  description: 'Train the same deep network from several initializations side by side and see which ones learn.',
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function TrainPage({ searchParams }: { searchParams: SearchParams }) {
  const parsed = trainSpecFromSearchParams(await searchParams);
  return <TrainApp initialSpec={parsed.spec} urlErrors={parsed.ok ? null : parsed.errors} />;
}
