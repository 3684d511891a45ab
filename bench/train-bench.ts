/**
 * `npm run bench` (second part): the training engine on the default comparison, four
 * initializations of a 20-layer x 64-unit ReLU net for 300 SGD steps of 64 two-spiral examples.
 * Timed two ways, medians of a few runs measured together (the machines are shared and noisy):
 * - one thread, the four initializations one after the other (what a server check would do);
 * - as the /train page runs it: one worker per core (2 here), each taking the next initialization.
 * Prints figures for the README; nothing is asserted (timings are not tests).
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { train, trainScheme } from '../lib/train';
import { DEFAULT_TRAIN_SPEC, estimateTrainWork, type TrainSpec } from '../lib/validation/train-config';

const REPS = Number(process.env.TRAIN_BENCH_REPS ?? 3);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Worker threads that each train one initialization per message (spawned and warmed up once). */
async function startWorkers(n: number, warmSpec: TrainSpec): Promise<Worker[]> {
  const code = `
    const { parentPort } = require('node:worker_threads');
    const { trainScheme } = require(${JSON.stringify(new URL('../lib/train/index.ts', import.meta.url).pathname)});
    parentPort.on('message', ({ spec, index }) => parentPort.postMessage(trainScheme(spec, index).scheme));
  `;
  const workers = Array.from({ length: n }, () => new Worker(code, { eval: true, execArgv: ['--require', 'tsx/cjs'] }));
  await Promise.all(workers.map((w) => new Promise((resolve, reject) => {
    w.once('message', resolve);
    w.once('error', reject);
    w.postMessage({ spec: warmSpec, index: 0 });
  })));
  return workers;
}

/** Trains spec's schemes on the workers, each taking the next scheme (as /train does); wall-clock ms. */
function inWorkers(spec: TrainSpec, workers: Worker[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    let next = 0;
    let done = 0;
    const k = spec.schemes.length;
    for (const w of workers) {
      const feed = () => {
        if (next < k) w.postMessage({ spec, index: next++ });
      };
      const onMessage = () => {
        if (++done === k) {
          for (const x of workers) x.removeAllListeners('message');
          resolve(performance.now() - start);
        } else feed();
      };
      w.on('message', onMessage);
      w.once('error', reject);
      feed();
    }
  });
}

/** CPU seconds (user + system, all threads) spent during fn. */
async function cpuOf<T>(fn: () => Promise<T> | T): Promise<{ value: T; cpu: number }> {
  const c0 = process.cpuUsage();
  const value = await fn();
  const c = process.cpuUsage(c0);
  return { value, cpu: (c.user + c.system) / 1e6 };
}

async function main() {
  const spec = DEFAULT_TRAIN_SPEC;
  console.log(`\nTraining: ${spec.schemes.join(', ')} | ${spec.network.layers} x ${spec.network.width} ${spec.network.activation}, ${spec.steps} steps of ${spec.batchSize}, ${spec.optimizer} lr ${spec.learningRate}, ${spec.dataset}`);
  console.log(`work ${estimateTrainWork(spec).toExponential(2)} multiply-adds; ${os.cpus().length} cores; load ${os.loadavg()[0].toFixed(1)}`);
  trainScheme({ ...spec, steps: 20 }, 0); // warm-up (JIT, wasm compile, datasets)

  const sequential: number[] = [];
  const sequentialCpu: number[] = [];
  const perScheme: number[][] = spec.schemes.map(() => []);
  for (let r = 0; r < REPS; r++) {
    const t0 = performance.now();
    const { cpu } = await cpuOf(() => {
      for (let i = 0; i < spec.schemes.length; i++) {
        const s = performance.now();
        trainScheme(spec, i);
        perScheme[i].push(performance.now() - s);
      }
    });
    sequential.push(performance.now() - t0);
    sequentialCpu.push(cpu);
  }
  const threads = Math.min(2, os.cpus().length);
  const workers = await startWorkers(threads, { ...spec, steps: 20 });
  const parallel: number[] = [];
  const parallelCpu: number[] = [];
  for (let r = 0; r < REPS; r++) {
    const { value, cpu } = await cpuOf(() => inWorkers(spec, workers));
    parallel.push(value);
    parallelCpu.push(cpu);
  }
  await Promise.all(workers.map((w) => w.terminate()));

  const result = train(spec);
  console.log('| initialization | one thread | final loss | accuracy |');
  console.log('| --- | ---: | ---: | ---: |');
  result.runs.forEach((run, i) => {
    const outcome = run.final ? `${run.final.trainLoss.toFixed(3)} | ${(100 * run.final.trainAccuracy).toFixed(1)} %` : `NaN at step ${run.divergence!.step} | —`;
    console.log(`| ${run.scheme} | ${(median(perScheme[i]) / 1000).toFixed(2)} s | ${outcome} |`);
  });
  console.log(`default comparison, one thread:              ${(median(sequential) / 1000).toFixed(2)} s wall, ${median(sequentialCpu).toFixed(2)} s CPU (medians of ${REPS})`);
  console.log(`default comparison, ${threads} workers (as /train): ${(median(parallel) / 1000).toFixed(2)} s wall, ${median(parallelCpu).toFixed(2)} s CPU in all threads`);
  console.log(`load average after: ${os.loadavg()[0].toFixed(1)} (wall times stretch with the load; CPU times much less)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
