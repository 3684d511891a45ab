'use client';
/** Error boundary of /simulator (components/ui/page-states.tsx). */
import { PageError } from '@/components/ui/page-states';

export default function SimulatorError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError error={error} reset={reset} title="The simulator hit a problem" what="this run" home="/simulator" />;
}
