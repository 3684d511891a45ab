/**
 * /simulator: public, no account. Reads the config from the query string (so shared links open
 * the exact run) and renders without running the engine on the request thread: the first result
 * is the stored run for that config, or a small new one from the engine's worker pool, within a
 * tight budget (SERVER_PAGE_BUDGET_MS); otherwise the page shell renders and the browser computes.
 * Reading searchParams makes this route dynamic, which it has to be: every link is a different run.
 */
import type { Metadata } from 'next';
import { requestClientAddress } from '@/lib/auth/client-address';
import { getRunWithinBudget } from '@/lib/data/runs';
import { presentRun } from '@/lib/present/run-summary';
import { configFromSearchParams } from '@/lib/validation/sim-config-url';
import { SimulatorApp } from '@/components/simulator/simulator-app';
import { SERVER_PAGE_BUDGET_MS, SERVER_PAGE_COMPUTE_MAX_MS } from '@/components/simulator/run-budget';

export const metadata: Metadata = {
  title: 'Simulator',
  description:
    'Choose an initialization scheme, activation, depth and width, and see whether the signal vanishes, holds or explodes through a deep network.',
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SimulatorPage({ searchParams }: { searchParams: SearchParams }) {
  const parsed = configFromSearchParams(await searchParams);
  const config = parsed.config;
  const run = await getRunWithinBudget(config, { budgetMs: SERVER_PAGE_BUDGET_MS, computeMaxMs: SERVER_PAGE_COMPUTE_MAX_MS, address: await requestClientAddress() });
  // The stored config is canonical (redundant per-layer widths dropped); the page keeps the URL's.
  const initialResult = run ? { ...presentRun(run), config } : null;
  return <SimulatorApp initialConfig={config} initialResult={initialResult} urlErrors={parsed.ok ? null : parsed.errors} />;
}
