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

/** Trains spec's schemes in `threads` worker threads, each taking the next scheme; wall-clock ms. */
function inWorkers(spec: TrainSpec, threads: number): Promise<number> {
  const code = `
    const { parentPort } = require('node:worker_threads');
    const { trainScheme } = require(${JSON.stringify(new URL('../lib/train/index.ts', import.meta.url).pathname)});
    parentPort.on('message', ({ spec, index }) => parentPort.postMessage(trainScheme(spec, index).scheme));
  `;
  return new Promise((resolve, reject) => {
    const start = performance.now();
    let next = 0;
    let done = 0;
    const k = spec.schemes.length;
    for (let t = 0; t < Math.min(threads, k); t++) {
      const w = new Worker(code, { eval: true, execArgv: ['--require', 'tsx/cjs'] });
      const feed = () => (next < k ? w.postMessage({ spec, index: next++ }) : void w.terminate());
      w.on('message', () => {
        if (++done === k) resolve(performance.now() - start);
        feed();
      });
      w.on('error', reject);
      feed();
    }
  });
}

async function main() {
  const spec = DEFAULT_TRAIN_SPEC;
  console.log(`\nTraining: ${spec.schemes.join(', ')} | ${spec.network.layers} x ${spec.network.width} ${spec.network.activation}, ${spec.steps} steps of ${spec.batchSize}, ${spec.optimizer} lr ${spec.learningRate}, ${spec.dataset}`);
  console.log(`work ${estimateTrainWork(spec).toExponential(2)} multiply-adds; ${os.cpus().length} cores; load ${os.loadavg()[0].toFixed(1)}`);
  trainScheme({ ...spec, steps: 20 }, 0); // warm-up (JIT, wasm compile, datasets)

  const sequential: number[] = [];
  const perScheme: number[][] = spec.schemes.map(() => []);
  for (let r = 0; r < REPS; r++) {
    const t0 = performance.now();
    for (let i = 0; i < spec.schemes.length; i++) {
      const s = performance.now();
      trainScheme(spec, i);
      perScheme[i].push(performance.now() - s);
    }
    sequential.push(performance.now() - t0);
  }
  const threads = Math.min(2, os.cpus().length);
  const parallel: number[] = [];
  for (let r = 0; r < REPS; r++) parallel.push(await inWorkers(spec, threads));

  const result = train(spec);
  console.log('| initialization | one thread | final loss | accuracy |');
  console.log('| --- | ---: | ---: | ---: |');
  result.runs.forEach((run, i) => {
    const outcome = run.final ? `${run.final.trainLoss.toFixed(3)} | ${(100 * run.final.trainAccuracy).toFixed(1)} %` : `NaN at step ${run.divergence!.step} | —`;
    console.log(`| ${run.scheme} | ${(median(perScheme[i]) / 1000).toFixed(2)} s | ${outcome} |`);
  });
  console.log(`default comparison, one thread:            ${(median(sequential) / 1000).toFixed(2)} s (median of ${REPS})`);
  console.log(`default comparison, ${threads} workers (as /train): ${(median(parallel) / 1000).toFixed(2)} s (median of ${REPS})`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
