/**
 * /simulator: public, no account. Reads the config from the query string (so shared links open
 * the exact run), computes the first result on the server when it is small enough, and hands
 * both to the client app. Reading searchParams makes this route dynamic, which it has to be:
 * every link is a different run.
 */
import type { Metadata } from 'next';
import { simulate } from '@/lib/sim';
import { configFromSearchParams } from '@/lib/validation/sim-config-url';
import { SimulatorApp } from '@/components/simulator/simulator-app';
import { BAND_SEEDS, SERVER_RENDER_MAX_UNITS, runCost } from '@/components/simulator/run-budget';

export const metadata: Metadata = {
  title: 'Simulator',
  description:
    'Choose an initialization scheme, activation, depth and width, and see whether the signal vanishes, holds or explodes through a deep network.',
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SimulatorPage({ searchParams }: { searchParams: SearchParams }) {
  const parsed = configFromSearchParams(await searchParams);
  const config = parsed.config;
  let initialResult = null;
  if (runCost(config) <= SERVER_RENDER_MAX_UNITS) {
    try {
      initialResult = simulate(config, { bandSeeds: BAND_SEEDS });
    } catch (err) {
      // The browser will run it again and show the error there if it persists.
      console.error('[simulator] server-side simulation failed', err);
    }
  }
  return <SimulatorApp initialConfig={config} initialResult={initialResult} urlErrors={parsed.ok ? null : parsed.errors} />;
}
