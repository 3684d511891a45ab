'use client';
/** Error boundary of /train (components/ui/page-states.tsx). */
import { PageError } from '@/components/ui/page-states';

export default function TrainError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError error={error} reset={reset} title="The training page hit a problem" what="this page" home="/train" />;
}
