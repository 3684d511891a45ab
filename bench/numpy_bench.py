#!/usr/bin/env python3
"""numpy side of `npm run bench`: the engine's experiment with materialized weights.

Per rung (layers x width x samples): input N(0,1); per layer W ~ N(0, 2/n) (He normal),
z = W a, a = relu(z), per-layer std/rms; backward from N(0,1) through relu' and W^T; per-layer
gradient RMS. stdin: {"rungs": [[layers, width, samples], ...], "reps": [int, ...]};
stdout: {"medians_ms": [...]} (median over reps after one warm-up run).

`numpy_bench.py --once LAYERS WIDTH SAMPLES` runs the experiment once (seed 1) and prints its
per-layer statistics as JSON: the whole-process counterpart of `initlab simulate --band-seeds 1
--json --no-histograms`, timed from start to exit by `npm run bench`.
"""
import json
import sys
import time

import numpy as np


def experiment(layers, width, samples, seed):
    rng = np.random.default_rng(seed)
    a = rng.standard_normal((width, samples))
    Ws, zs, stats = [], [], []
    std = np.sqrt(2.0 / width)
    for _ in range(layers):
        W = rng.standard_normal((width, width)) * std
        z = W @ a
        a = np.maximum(z, 0.0)
        stats.append((z.std(), a.std(), np.sqrt((a * a).mean())))
        Ws.append(W)
        zs.append(z)
    g = rng.standard_normal((width, samples))
    grads = []
    for W, z in zip(reversed(Ws), reversed(zs)):
        grads.append(np.sqrt((g * g).mean()))
        g = W.T @ (g * (z > 0))
    return stats, grads


def once(layers, width, samples):
    stats, grads = experiment(layers, width, samples, 1)
    json.dump(
        {
            "layers": [
                {"pre_std": float(p), "post_std": float(s), "post_rms": float(r), "grad": float(g)}
                for (p, s, r), g in zip(stats, reversed(grads))
            ]
        },
        sys.stdout,
    )


def main():
    if len(sys.argv) == 5 and sys.argv[1] == "--once":
        once(*(int(x) for x in sys.argv[2:]))
        return
    req = json.load(sys.stdin)
    medians = []
    for (layers, width, samples), reps in zip(req["rungs"], req["reps"]):
        experiment(layers, width, samples, 0)
        times = []
        for r in range(reps):
            t0 = time.perf_counter()
            experiment(layers, width, samples, r + 1)
            times.append((time.perf_counter() - t0) * 1000)
        times.sort()
        medians.append(times[len(times) // 2])
    json.dump({"medians_ms": medians, "numpy": np.__version__}, sys.stdout)


if __name__ == "__main__":
    main()
