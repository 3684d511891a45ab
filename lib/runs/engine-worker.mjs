/**
 * Worker-thread entry of the engine pool (lib/runs/engine-pool.ts, Piscina). The engine is
 * TypeScript and Next bundles it only into its own chunks, which a worker thread cannot load; so
 * the worker compiles lib/runs/engine-task.ts and its imports (lib/sim, zod) itself with tsx,
 * once per thread at start-up (a few hundred milliseconds; threads are kept alive). The same file
 * serves `next start`, `next dev`, Vitest and the bench, from the source tree, so there is no
 * second build to go stale.
 */
import { tsImport } from 'tsx/esm/api';

const { runEngineTask } = await tsImport('./engine-task.ts', import.meta.url);

export default runEngineTask;
