/** Shown while /simulator is prepared on the server (components/ui/page-states.tsx). */
import { PageLoading } from '@/components/ui/page-states';

export default function SimulatorLoading() {
  return <PageLoading label="Loading the simulator…" />;
}
