/**
 * Mean-field (infinite-width) predictions of the per-layer statistics, the curve drawn beside
 * the Monte Carlo one. With sigma_w^2 = Var(W) of layer l and n its fan-in:
 *   q_1 = sigma_w^2 n s^2 (+ biasStd^2)            the input is not passed through phi
 *   q_l = sigma_w^2 n m_{l-1} (+ biasStd^2),       m = E[a^2], the post second moment
 *   m_l = E[phi(sqrt(q_l) xi)^2],                   xi ~ N(0, 1)
 * and backwards, with v = E[(dL/da)^2], v_L = 1 and n_l the layer's fan-out:
 *   v_{l-1} = sigma_w^2 n_l E[phi'(sqrt(q_l) xi)^2] v_l.
 * Expectations use the composite Gauss-Legendre rule of quadrature.ts.
 *
 * Extensions (approximations, documented):
 * - Residual skip with branch scale c: m_l = m_{l-1} + c^2 E[phi^2] + 2 c mu_{l-1} E[phi], where mu
 *   is the post mean (the branch is independent of any single unit of the stream at infinite
 *   width); mu_l = mu_{l-1} + c E[phi]. Backwards v_{l-1} = c^2 (...) v_l + v_l (the weight term
 *   is independent of the skip term and has zero mean).
 * - Normalization: phi sees unit variance, q_l = sigma^2 / (sigma^2 + eps), where sigma^2 is the
 *   group's variance about its own mean, (N - 1) / N times q_raw (LayerNorm) or times the per-unit
 *   variance over the batch, sigma_w^2 n (m - mu^2) (BatchNorm, treating different samples as
 *   independent). Groups have at least LIMITS.normGroup = 4 values (smaller ones are refused).
 *   Backwards the Jacobian divides by sigma^2 + eps and removes two of N directions (mean and the
 *   normalized vector): factor (N - 2) / (N (sigma^2 + eps)), N = units (LN) or samples (BN).
 * - Biases add biasStd^2 to q_raw.
 */
import { layerWidths, type SimConfig } from '../validation/sim-config';
import { activate, activateDerivative } from './activations';
import { NORM_EPS, hasSkip, skipScale } from './network';
import { ruleForVariance } from './quadrature';
import { weightVariance } from './schemes';
import type { Activation } from '../validation/sim-config';

export interface MeanFieldLayer {
  layer: number;
  /** sqrt(q_l): predicted pre-activation std (pre mean is 0). */
  preStd: number;
  /** sqrt(m_l): predicted post-activation RMS. */
  postRms: number;
  /** Predicted post-activation mean and std (sqrt(m - mu^2)). */
  postMean: number;
  postStd: number;
  /** sqrt(v_l): predicted RMS of dL/da_l for a unit-variance output gradient. */
  gradientNorm: number;
  /** sigma_w^2 n_l E[phi'^2] (times c^2 with a skip): the per-layer factor on v. */
  gradientFactor: number;
}

export interface GaussianMoments {
  /** E[phi(sqrt(q) xi)] */
  mean: number;
  /** E[phi(sqrt(q) xi)^2] */
  second: number;
  /** E[phi'(sqrt(q) xi)^2] */
  derivSecond: number;
}

/** E[phi], E[phi^2], E[phi'^2] at pre-activation variance q, in one pass over the rule. */
export function gaussianMoments(act: Activation, q: number, param = 0.01): GaussianMoments {
  const { x, w } = ruleForVariance(q);
  const s = Math.sqrt(q);
  let m1 = 0;
  let m2 = 0;
  let d2 = 0;
  for (let j = 0; j < x.length; j++) {
    const u = s * x[j];
    const f = activate(act, u, param);
    const d = activateDerivative(act, u, param);
    m1 += w[j] * f;
    m2 += w[j] * f * f;
    d2 += w[j] * d * d;
  }
  return { mean: m1, second: m2, derivSecond: d2 };
}

type MeanFieldConfig = Pick<
  SimConfig,
  | 'scheme'
  | 'fanMode'
  | 'gain'
  | 'customStd'
  | 'activation'
  | 'activationParam'
  | 'layers'
  | 'width'
  | 'widths'
  | 'inputStd'
  | 'biasStd'
  | 'residual'
  | 'normalization'
  | 'samples'
>;

export function meanField(config: MeanFieldConfig): MeanFieldLayer[] {
  const widths = layerWidths(config);
  const L = widths.length;
  const act = config.activation;
  const param = config.activationParam;
  const biasVar = config.biasStd * config.biasStd;

  let m = config.inputStd * config.inputStd;
  let mu = 0;
  const out: MeanFieldLayer[] = [];
  const qs: number[] = [];
  const normFactors: number[] = [];
  const moms: GaussianMoments[] = [];
  for (let l = 0; l < L; l++) {
    const fanIn = l === 0 ? config.width : widths[l - 1];
    const fanOut = widths[l];
    const sw2 = weightVariance(config, fanIn, fanOut);
    const qRaw = sw2 * fanIn * m + biasVar;
    let q = qRaw;
    let normFactor = 1;
    if (config.normalization !== 'none') {
      const N = config.normalization === 'layernorm' ? fanOut : config.samples;
      // The group's own variance (about its own mean) has expectation (N - 1) / N of the
      // variance of its values: it matters against eps when the signal is small.
      const groupVar = ((config.normalization === 'layernorm' ? qRaw : sw2 * fanIn * Math.max(0, m - mu * mu)) * (N - 1)) / N;
      q = groupVar / (groupVar + NORM_EPS);
      normFactor = Math.max(0, N - 2) / (N * (groupVar + NORM_EPS));
    }
    const g = gaussianMoments(act, q, param);
    const c = skipScale(config as SimConfig, fanIn, fanOut);
    if (hasSkip(config, fanIn, fanOut)) {
      m = m + c * c * g.second + 2 * c * mu * g.mean;
      mu = mu + c * g.mean;
    } else {
      m = g.second;
      mu = g.mean;
    }
    qs.push(q);
    normFactors.push(normFactor);
    moms.push(g);
    out.push({
      layer: l + 1,
      preStd: Math.sqrt(q),
      postRms: Math.sqrt(m),
      postMean: mu,
      postStd: Math.sqrt(Math.max(0, m - mu * mu)),
      gradientNorm: 0,
      gradientFactor: 0,
    });
  }

  const residual = config.normalization === 'none' && widths.some((w, l) => skipScale(config as SimConfig, l === 0 ? config.width : widths[l - 1], w) !== 0);
  // Per-sample squared norms for the residual correction (see residualGradient below).
  let along = 1; // E<g_l, a_l/|a_l|>^2
  let across = widths[L - 1] - 1; // the rest of E|g_l|^2
  let v = 1;
  for (let l = L - 1; l >= 0; l--) {
    out[l].gradientNorm = Math.sqrt(residual ? (along + across) / widths[l] : v);
    const fanIn = l === 0 ? config.width : widths[l - 1];
    const fanOut = widths[l];
    const c = skipScale(config as SimConfig, fanIn, fanOut);
    const skip = hasSkip(config, fanIn, fanOut);
    const branch = skip ? c : 1;
    const factor = weightVariance(config, fanIn, fanOut) * fanOut * branch * branch * moms[l].derivSecond * normFactors[l];
    out[l].gradientFactor = factor;
    v = factor * v + (skip ? v : 0);
    if (residual && l > 0) {
      // Residual networks: the gradient-independence value above misses the component of the
      // gradient along the forward activation. For phi(t z) = t phi(z) (ReLU, leaky ReLU, linear;
      // no bias) a_l = J_l a_{l-1} exactly, so <g_{l-1}, a_{l-1}> = <g_l, a_l> is conserved
      // backwards, and its square grows like |a_l|^2 = n_l m_l, which with a skip grows faster
      // than the independent-weights factor (the branch's mean adds 2 mu E[phi] per layer).
      // Each step back, the branch W^T (phi' . a_hat) spills (F - 1) of that component into the
      // other directions, which then grow by F like any gradient. Measured against the engine
      // with shared weights (50 x 128 plain-residual He/ReLU: 2.6e10 here and in the simulation,
      // against 2.4e7 from gradient independence); for other activations it is an approximation.
      const F = (factor + (c !== 0 ? 1 : 0)) * (fanIn / fanOut); // growth of |g|^2 per sample
      const r = (fanOut * out[l].postRms ** 2) / (fanIn * out[l - 1].postRms ** 2);
      const spill = c !== 0 ? F - 1 : Math.max(0, F - r);
      across = F * across + spill * along;
      along *= r;
    }
  }
  return out;
}
