#!/usr/bin/env python3
"""numpy side of `npm run bench`: the engine's experiment with materialized weights.

Per rung (layers x width x samples): input N(0,1); per layer W ~ N(0, 2/n) (He normal),
z = W a, a = relu(z), per-layer std/rms; backward from N(0,1) through relu' and W^T; per-layer
gradient RMS. stdin: {"rungs": [[layers, width, samples], ...], "reps": [int, ...]};
stdout: {"medians_ms": [...]} (median over reps after one warm-up run).
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


def main():
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
