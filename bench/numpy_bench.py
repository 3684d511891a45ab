#!/usr/bin/env python3
"""numpy side of `npm run bench`: the engine's experiment with materialized weights.

Per rung (layers x width x samples [x distribution]): input N(0,1); per layer W with Var(W) = 2/n
(He), z = W a, a = relu(z), per-layer std/rms; backward from N(0,1) through relu' and W^T;
per-layer gradient RMS. The distribution is "normal" (He normal, the default: rng.standard_normal),
"uniform" (He uniform: rng.uniform on +-sqrt(6/n)) or "truncated-normal" (Keras' truncated He
normal: standard normals redrawn by rejection while |x| > 2, as numpy has no truncated sampler
and scipy is not used, then scaled by sqrt(2/n) / 0.87962566103423978; about 4.6 % of the draws
are redrawn, in a few vectorised passes).

`numpy_bench.py --serve` times one run per stdin line ({"rung": [layers, width, samples, dist?],
"seed": int}) and answers each with a line {"ms": float}: `npm run bench` alternates these runs
with the engine's, rep by rep, so a change of load falls on both sides alike.

`numpy_bench.py --once LAYERS WIDTH SAMPLES [DIST]` runs the experiment once (seed 1) and prints its
per-layer statistics as JSON: the whole-process counterpart of `initlab simulate --band-seeds 1
--json --no-histograms`, timed from start to exit by `npm run bench`.
"""
import json
import sys
import time

import numpy as np


TRUNCATED_STD = 0.87962566103423978


def weights(rng, width, dist):
    std = np.sqrt(2.0 / width)
    if dist == "normal":
        return rng.standard_normal((width, width)) * std
    if dist == "uniform":
        b = np.sqrt(3.0) * std
        return rng.uniform(-b, b, (width, width))
    if dist == "truncated-normal":
        x = rng.standard_normal((width, width))
        bad = np.abs(x) > 2
        while bad.any():
            x[bad] = rng.standard_normal(int(bad.sum()))
            bad = np.abs(x) > 2
        x *= std / TRUNCATED_STD
        return x
    raise ValueError(f"unknown distribution {dist}")


def experiment(layers, width, samples, seed, dist="normal"):
    rng = np.random.default_rng(seed)
    a = rng.standard_normal((width, samples))
    Ws, zs, stats = [], [], []
    for _ in range(layers):
        W = weights(rng, width, dist)
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


def once(layers, width, samples, dist="normal"):
    stats, grads = experiment(layers, width, samples, 1, dist)
    json.dump(
        {
            "layers": [
                {"pre_std": float(p), "post_std": float(s), "post_rms": float(r), "grad": float(g)}
                for (p, s, r), g in zip(stats, reversed(grads))
            ]
        },
        sys.stdout,
    )


def serve():
    for line in sys.stdin:
        req = json.loads(line)
        layers, width, samples = req["rung"][:3]
        dist = req["rung"][3] if len(req["rung"]) > 3 and req["rung"][3] else "normal"
        t0 = time.perf_counter()
        experiment(layers, width, samples, req["seed"], dist)
        sys.stdout.write(json.dumps({"ms": (time.perf_counter() - t0) * 1000}) + "\n")
        sys.stdout.flush()


def main():
    if len(sys.argv) == 2 and sys.argv[1] == "--serve":
        serve()
        return
    if len(sys.argv) in (5, 6) and sys.argv[1] == "--once":
        once(*(int(x) for x in sys.argv[2:5]), *sys.argv[5:])
        return
    sys.exit("usage: numpy_bench.py --serve | --once LAYERS WIDTH SAMPLES [DIST]")


if __name__ == "__main__":
    main()
