/** Shown while /train is prepared on the server (components/ui/page-states.tsx). */
import { PageLoading } from '@/components/ui/page-states';

export default function TrainLoading() {
  return <PageLoading label="Loading the training page…" />;
}
