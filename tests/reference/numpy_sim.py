#!/usr/bin/env python3
"""Independent numpy reference for the InitLab engine (tests/reference/numpy-sim.test.ts).

Runs the same experiment as lib/sim with *materialized* weights and numpy's own RNG
(np.random.default_rng), written from the definitions in PRODUCT.md, not from the TypeScript:
input x ~ N(0, s^2) (width x B); per layer z = W a (+ b), optional normalization, a = phi(z)
(+ skip); backward from dL/da_L ~ N(0, 1) through phi', the normalization's Jacobian and W^T
(the same W). A layer whose values overflow to inf/nan ends the pass: it and later layers are
null, and so is every gradient; a gradient that overflows is null from there down.

stdin: JSON {"configs": [config, ...], "seeds": [int, ...]} with engine config field names.
stdout: JSON [{"pre_std": [[per layer] per seed], "post_std": ..., "post_rms": ..., "grad": ...}].
"""
import json
import math
import sys

import numpy as np

SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946
_erf = np.frompyfunc(math.erf, 1, 1)


def erf(x):
    return _erf(x).astype(np.float64)


def phi(act, z, a):
    if act == "linear":
        return z
    if act == "relu":
        return np.maximum(z, 0.0)
    if act == "leaky-relu":
        return np.where(z > 0, z, a * z)
    if act == "tanh":
        return np.tanh(z)
    if act == "sigmoid":
        return 1.0 / (1.0 + np.exp(-z))
    if act == "gelu":
        return 0.5 * z * (1.0 + erf(z / math.sqrt(2.0)))
    if act == "selu":
        return SELU_SCALE * np.where(z > 0, z, SELU_ALPHA * np.expm1(np.minimum(z, 0.0)))
    if act == "swish":
        return z / (1.0 + np.exp(-z))
    raise ValueError(act)


def dphi(act, z, a):
    if act == "linear":
        return np.ones_like(z)
    if act == "relu":
        return (z > 0).astype(np.float64)
    if act == "leaky-relu":
        return np.where(z > 0, 1.0, a)
    if act == "tanh":
        return 1.0 - np.tanh(z) ** 2
    if act == "sigmoid":
        s = 1.0 / (1.0 + np.exp(-z))
        return s * (1.0 - s)
    if act == "gelu":
        return 0.5 * (1.0 + erf(z / math.sqrt(2.0))) + z * np.exp(-0.5 * z * z) / math.sqrt(2 * math.pi)
    if act == "selu":
        return SELU_SCALE * np.where(z > 0, 1.0, SELU_ALPHA * np.exp(np.minimum(z, 0.0)))
    if act == "swish":
        s = 1.0 / (1.0 + np.exp(-z))
        return s * (1.0 + z * (1.0 - s))
    raise ValueError(act)


def torch_gain(act, a):
    return {"linear": 1.0, "sigmoid": 1.0, "tanh": 5.0 / 3.0, "relu": math.sqrt(2.0),
            "leaky-relu": math.sqrt(2.0 / (1.0 + a * a)), "selu": 0.75}[act]


DEFAULTS = {  # scheme: (family, distribution, default fan, default gain)
    "xavier-normal": ("normal", "fan_avg", 1.0), "xavier-uniform": ("uniform", "fan_avg", 1.0),
    "he-normal": ("normal", "fan_in", math.sqrt(2.0)), "he-uniform": ("uniform", "fan_in", math.sqrt(2.0)),
    "lecun-normal": ("normal", "fan_in", 1.0), "lecun-uniform": ("uniform", "fan_in", 1.0),
    "truncated-normal-xavier": ("truncated", "fan_avg", 1.0), "truncated-normal-he": ("truncated", "fan_in", math.sqrt(2.0)),
}


def weights(c, rng, fan_in, fan_out):
    s = c["scheme"]
    gain_cfg = c.get("gain", "default")
    if s == "zero":
        return np.zeros((fan_out, fan_in))
    if s == "small-random":
        return rng.normal(0.0, 0.01, (fan_out, fan_in))
    if s == "large-random":
        return rng.normal(0.0, 1.0, (fan_out, fan_in))
    if s == "custom":
        return rng.normal(0.0, c.get("customStd", 0.05), (fan_out, fan_in))
    default_gain = math.sqrt(2.0) if s.startswith("he") or s == "truncated-normal-he" else 1.0
    gain = default_gain if gain_cfg == "default" else torch_gain(c["activation"], c.get("activationParam", 0.01)) if gain_cfg == "activation" else float(gain_cfg)
    if s == "orthogonal":  # torch.nn.init.orthogonal_
        g = rng.normal(0.0, 1.0, (fan_out, fan_in))
        if fan_out < fan_in:
            g = g.T
        q, r = np.linalg.qr(g)
        q = q * np.sign(np.diag(r))
        if fan_out < fan_in:
            q = q.T
        return gain * q
    dist, fan_default, _ = DEFAULTS[s]
    mode = c.get("fanMode", "auto")
    mode = fan_default if mode == "auto" else mode
    fan = {"fan_in": fan_in, "fan_out": fan_out, "fan_avg": (fan_in + fan_out) / 2.0}[mode]
    std = gain / math.sqrt(fan)
    if dist == "normal":
        return rng.normal(0.0, std, (fan_out, fan_in))
    if dist == "uniform":
        b = math.sqrt(3.0) * std
        return rng.uniform(-b, b, (fan_out, fan_in))
    x = rng.normal(0.0, 1.0, (fan_out, fan_in))
    bad = np.abs(x) > 2
    while bad.any():
        x[bad] = rng.normal(0.0, 1.0, bad.sum())
        bad = np.abs(x) > 2
    return x * std / 0.87962566103423978


def run(c, seed):
    rng = np.random.default_rng(seed)
    L, n0, B = c["layers"], c["width"], c.get("samples", 64)
    widths = c.get("widths") or [n0] * L
    act, a_par = c["activation"], c.get("activationParam", 0.01)
    residual, norm = c.get("residual", "none"), c.get("normalization", "none")
    x = rng.normal(0.0, c.get("inputStd", 1.0), (n0, B))
    prev, fan_in = x, n0
    Ws, zs, out = [], [], {"pre_std": [], "post_std": [], "post_rms": [], "grad": []}
    np.seterr(over="ignore", invalid="ignore", under="ignore")
    for out_w in widths:
        W = weights(c, rng, fan_in, out_w)
        z = W @ prev
        if c.get("biasStd", 0) > 0:
            z = z + rng.normal(0.0, c["biasStd"], (out_w, 1))
        raw_std = None
        if norm == "layernorm":
            raw_std = 1.0 / np.sqrt(z.var(axis=0) + 1e-5)
            z = (z - z.mean(axis=0)) * raw_std
        elif norm == "batchnorm":
            raw_std = 1.0 / np.sqrt(z.var(axis=1, keepdims=True) + 1e-5)
            z = (z - z.mean(axis=1, keepdims=True)) * raw_std
        skip = residual != "none" and out_w == fan_in
        c_scale = (1.0 / math.sqrt(L) if residual == "scaled" else 1.0) if skip else 1.0
        a = phi(act, z, a_par) * c_scale + (prev if skip else 0.0)
        if not (np.isfinite(z).all() and np.isfinite(a).all()):
            # Overflow: this layer and every later one have no statistics, and no gradient is
            # taken (the backward pass would start from an overflowed output).
            for k in ("pre_std", "post_std", "post_rms"):
                out[k] += [None] * (L - len(out[k]))
            out["grad"] = [None] * L
            return out
        out["pre_std"].append(robust_std(z))
        out["post_std"].append(robust_std(a))
        out["post_rms"].append(robust_rms(a))
        Ws.append((W, skip, c_scale))
        zs.append((z, raw_std))
        prev, fan_in = a, out_w
    g = rng.normal(0.0, 1.0, (widths[-1], B))
    grads = [None] * L
    for l in range(L - 1, -1, -1):
        if not np.isfinite(g).all():
            break  # the gradient overflowed: this layer and the ones before it have none
        grads[l] = robust_rms(g)
        W, skip, c_scale = Ws[l]
        z, inv = zs[l]
        d = g * c_scale * dphi(act, z, a_par)
        if norm == "layernorm":  # y = (x - mean) * inv over units (axis 0), per sample
            d = inv * (d - d.mean(axis=0) - z * (d * z).mean(axis=0))
        elif norm == "batchnorm":  # over samples (axis 1), per unit
            d = inv * (d - d.mean(axis=1, keepdims=True) - z * (d * z).mean(axis=1, keepdims=True))
        with np.errstate(over="ignore", invalid="ignore"):
            g = W.T @ d + (g if skip else 0.0)
    out["grad"] = grads
    return out


def robust_rms(x):
    """RMS that stays finite for finite values whose squares would overflow or underflow."""
    s = float(np.abs(x).max())
    if s == 0.0:
        return 0.0
    return float(np.sqrt(((x / s) ** 2).mean()) * s)


def robust_std(x):
    s = float(np.abs(x).max())
    if s == 0.0:
        return 0.0
    return float((x / s).std() * s)


def main():
    req = json.load(sys.stdin)
    results = []
    for c in req["configs"]:
        runs = [run(c, s) for s in req["seeds"]]
        results.append({k: [r[k] for r in runs] for k in runs[0]})
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
