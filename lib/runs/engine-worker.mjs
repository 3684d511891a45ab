/**
 * Worker-thread entry of the engine pool (lib/runs/engine-pool.ts, Piscina). The engine is
 * TypeScript and Next bundles it only into its own chunks, which a worker thread cannot load; so
 * the worker compiles lib/runs/engine-task.ts and its imports (lib/sim, zod) itself with tsx,
 * once per thread at start-up (a few hundred milliseconds; threads are kept alive). The same file
 * serves `next start`, `next dev`, Vitest and the bench, from the source tree, so there is no
 * second build to go stale. Before taking tasks, the thread runs the engine once, untimed
 * (warmEngine in engine-task.ts), so the first real run is not the one V8 compiles on.
 */
import { tsImport } from 'tsx/esm/api';

const { runEngineTask, trainLossTask, warmEngine } = await tsImport('./engine-task.ts', import.meta.url);

// Piscina hands this thread tasks only once this module has loaded, so the warm-up below (two
// default run, a few hundred milliseconds once per thread) is never inside a request's time.
warmEngine();

export default runEngineTask;
/** Piscina calls it by name: `pool.run(task, { name: 'trainLoss' })`. */
export const trainLoss = trainLossTask;
